-- sige schema 6: dossier.tracking_token is UNIQUE since schema 1, and that constraint
-- has its own index; schema 3 added a second one on the same column, which every
-- registration had to write for nothing.

DROP INDEX dossier_tracking;
