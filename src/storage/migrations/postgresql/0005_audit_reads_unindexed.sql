-- sige schema 5: the per-dossier index of the audit record holds changes only. Reads are
-- the most frequent events; indexing them by dossier made every read write a random index
-- page (docs/PERFORMANCE.md). Listing who read a dossier (auditors, rarely) scans instead.

DROP INDEX audit_dossier;
CREATE INDEX audit_dossier_changes ON audit_event(dossier_id, seq)
    WHERE dossier_id IS NOT NULL AND action NOT LIKE '%.read';
