-- sige schema 2: e-mail to applicants. An applicant may consent to be notified; messages
-- are written to the outbox in the same transaction as the change they announce, and a
-- background sender delivers them (notify/).

ALTER TABLE dossier ADD COLUMN applicant_consent INTEGER NOT NULL DEFAULT 0;

CREATE TABLE outbox (
    id                 INTEGER PRIMARY KEY,
    created_at         INTEGER NOT NULL,
    dossier_id         INTEGER REFERENCES dossier(id),
    event              TEXT NOT NULL,
    to_address         TEXT NOT NULL,
    subject            TEXT NOT NULL,
    text_body          TEXT NOT NULL,
    html_body          TEXT NOT NULL,
    attachment_name    TEXT,
    attachment_type    TEXT,
    attachment_sha256  TEXT,
    message_id         TEXT NOT NULL UNIQUE,
    state              TEXT NOT NULL,              -- pending, sent, failed
    attempts           INTEGER NOT NULL DEFAULT 0,
    next_attempt_at    INTEGER NOT NULL,
    claimed_by         TEXT,
    claimed_until      INTEGER,
    sent_at            INTEGER,
    last_error         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE state = 'pending';
CREATE INDEX outbox_dossier ON outbox(dossier_id);
