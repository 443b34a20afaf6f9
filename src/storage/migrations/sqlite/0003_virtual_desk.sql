-- sige schema 3: the virtual desk (mesa de partes virtual) and public tracking.
-- A citizen's submission is a draft until submitted whole; drafts never submitted are
-- purged (they are not records). A submitted one waits for the desk, which accepts it
-- (a dossier is created), observes it (the citizen corrects it) or rejects it.

CREATE TABLE submission_counter (
    organization_id  INTEGER NOT NULL REFERENCES organization(id),
    year             INTEGER NOT NULL,
    last_number      INTEGER NOT NULL,
    PRIMARY KEY (organization_id, year)
);

CREATE TABLE submission (
    id                   INTEGER PRIMARY KEY,
    organization_id      INTEGER NOT NULL REFERENCES organization(id),
    type_id              INTEGER NOT NULL REFERENCES dossier_type(id),
    procedure_id         INTEGER,
    summary              TEXT NOT NULL,
    applicant_name       TEXT NOT NULL,
    applicant_id_type    TEXT NOT NULL,
    applicant_id_number  TEXT NOT NULL,
    applicant_email      TEXT NOT NULL,
    applicant_phone      TEXT NOT NULL DEFAULT '',
    applicant_address    TEXT NOT NULL DEFAULT '',
    applicant_consent    INTEGER NOT NULL DEFAULT 0,
    state                TEXT NOT NULL,           -- draft, submitted, observed, rejected, accepted
    number               TEXT,                    -- "MV-12-2026", given at submission
    upload_token_hash    TEXT NOT NULL,
    tracking_token       TEXT NOT NULL UNIQUE,
    client               TEXT NOT NULL,
    created_at           INTEGER NOT NULL,
    submitted_at         INTEGER,
    decided_at           INTEGER,
    decided_by           INTEGER REFERENCES app_user(id),
    observation          TEXT NOT NULL DEFAULT '',
    correction_deadline  INTEGER,
    rejection_reason     TEXT NOT NULL DEFAULT '',
    dossier_id           INTEGER REFERENCES dossier(id)
);
CREATE INDEX submission_state ON submission(organization_id, state, submitted_at);
CREATE INDEX submission_client ON submission(client, created_at);
CREATE INDEX submission_draft ON submission(created_at) WHERE state = 'draft';

CREATE TABLE submission_attachment (
    id             INTEGER PRIMARY KEY,
    submission_id  INTEGER NOT NULL REFERENCES submission(id),
    name           TEXT NOT NULL,
    content_type   TEXT NOT NULL,
    size           INTEGER NOT NULL,
    sha256         TEXT NOT NULL,
    created_at     INTEGER NOT NULL
);
CREATE INDEX submission_attachment_of ON submission_attachment(submission_id);

-- Wrong PINs and unknown tracking tokens, counted per code and per client address.
CREATE TABLE tracking_failure (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL,
    client  TEXT NOT NULL,
    at      INTEGER NOT NULL
);
CREATE INDEX tracking_failure_code ON tracking_failure(code, at);
CREATE INDEX tracking_failure_client ON tracking_failure(client, at);

CREATE INDEX dossier_code ON dossier(code);
CREATE INDEX audit_entity ON audit_event(entity, entity_id) WHERE entity = 'submission';
CREATE INDEX dossier_tracking ON dossier(tracking_token);
