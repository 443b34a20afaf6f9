-- sige schema 1: organisations, units, users, catalogue, dossiers, transfers, delivery
-- notes, attachments, annotations, sessions, login throttling and the audit chain.
-- Instants are INTEGER microseconds since the epoch (UTC); booleans are 0/1.
-- Records are never deleted: triggers refuse DELETE on every record table.

CREATE TABLE organization (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    time_zone   TEXT NOT NULL DEFAULT 'America/Lima',
    created_at  INTEGER NOT NULL
);

CREATE TABLE unit (
    id               INTEGER PRIMARY KEY,
    organization_id  INTEGER NOT NULL REFERENCES organization(id),
    parent_id        INTEGER REFERENCES unit(id),
    code             TEXT NOT NULL,
    name             TEXT NOT NULL,
    is_desk          INTEGER NOT NULL DEFAULT 0,
    active           INTEGER NOT NULL DEFAULT 1,
    UNIQUE (organization_id, code)
);
CREATE INDEX unit_parent ON unit(parent_id);

CREATE TABLE app_user (
    id             INTEGER PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    email          TEXT NOT NULL DEFAULT '',
    profile        TEXT NOT NULL,
    unit_id        INTEGER REFERENCES unit(id),
    password_hash  TEXT NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1,
    sees_subunits  INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);

CREATE TABLE dossier_type (
    id               INTEGER PRIMARY KEY,
    organization_id  INTEGER NOT NULL REFERENCES organization(id),
    code             TEXT NOT NULL,
    name             TEXT NOT NULL,
    origin           TEXT NOT NULL,
    active           INTEGER NOT NULL DEFAULT 1,
    UNIQUE (organization_id, code)
);

-- One row per organisation and year: the last number given. Incremented inside the
-- registering transaction, so numbers are gapless and unique.
CREATE TABLE dossier_counter (
    organization_id  INTEGER NOT NULL REFERENCES organization(id),
    year             INTEGER NOT NULL,
    last_number      INTEGER NOT NULL,
    PRIMARY KEY (organization_id, year)
);

CREATE TABLE dossier (
    id                        INTEGER PRIMARY KEY,
    organization_id           INTEGER NOT NULL REFERENCES organization(id),
    code                      TEXT NOT NULL,
    number                    INTEGER NOT NULL,
    letters                   TEXT NOT NULL DEFAULT '',
    year                      INTEGER NOT NULL,
    type_id                   INTEGER NOT NULL REFERENCES dossier_type(id),
    summary                   TEXT NOT NULL,
    origin                    TEXT NOT NULL,
    reserved                  INTEGER NOT NULL,
    priority                  TEXT NOT NULL,
    instrument_number         TEXT NOT NULL DEFAULT '',
    folios                    INTEGER NOT NULL,
    volumes                   INTEGER NOT NULL,
    procedure_id              INTEGER,
    applicant_name            TEXT,
    applicant_id_type         TEXT,
    applicant_id_number       TEXT,
    applicant_email           TEXT,
    applicant_phone           TEXT,
    applicant_address         TEXT,
    state                     TEXT NOT NULL,
    state_before_archive      TEXT,
    registered_unit_id        INTEGER NOT NULL REFERENCES unit(id),
    desk_unit_id              INTEGER NOT NULL REFERENCES unit(id),
    custody_unit_id           INTEGER NOT NULL REFERENCES unit(id),
    custody_permission        TEXT NOT NULL,
    custody_since             INTEGER NOT NULL,
    pending_transfer_id       INTEGER,
    created_by                INTEGER NOT NULL REFERENCES app_user(id),
    created_at                INTEGER NOT NULL,
    updated_at                INTEGER NOT NULL,
    tracking_token            TEXT NOT NULL UNIQUE,
    pin                       TEXT NOT NULL,
    annulment_requested_at    INTEGER,
    annulment_requested_by    INTEGER REFERENCES app_user(id),
    annulment_request_reason  TEXT NOT NULL DEFAULT '',
    annulled_at               INTEGER,
    annulled_by               INTEGER REFERENCES app_user(id),
    annulment_reason          TEXT NOT NULL DEFAULT '',
    UNIQUE (organization_id, year, number),
    UNIQUE (organization_id, code)
);
CREATE INDEX dossier_custody ON dossier(custody_unit_id, state);
CREATE INDEX dossier_registered ON dossier(registered_unit_id);
CREATE INDEX dossier_desk ON dossier(desk_unit_id);
CREATE INDEX dossier_created ON dossier(created_at);

-- Full text over code, summary and applicant; case and accents ignored ("nunez" finds
-- "Núñez"). External content: the triggers keep it in step with dossier.
CREATE VIRTUAL TABLE dossier_fts USING fts5(
    code, summary, applicant_name, applicant_id_number,
    content = 'dossier', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER dossier_fts_insert AFTER INSERT ON dossier BEGIN
    INSERT INTO dossier_fts (rowid, code, summary, applicant_name, applicant_id_number)
    VALUES (new.id, new.code, new.summary, new.applicant_name, new.applicant_id_number);
END;
CREATE TRIGGER dossier_fts_update AFTER UPDATE ON dossier
WHEN old.summary IS NOT new.summary OR old.applicant_name IS NOT new.applicant_name
  OR old.applicant_id_number IS NOT new.applicant_id_number OR old.code IS NOT new.code
BEGIN
    INSERT INTO dossier_fts (dossier_fts, rowid, code, summary, applicant_name, applicant_id_number)
    VALUES ('delete', old.id, old.code, old.summary, old.applicant_name, old.applicant_id_number);
    INSERT INTO dossier_fts (rowid, code, summary, applicant_name, applicant_id_number)
    VALUES (new.id, new.code, new.summary, new.applicant_name, new.applicant_id_number);
END;

CREATE TABLE delivery_note (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL,
    number        INTEGER NOT NULL,
    year          INTEGER NOT NULL,
    from_unit_id  INTEGER NOT NULL REFERENCES unit(id),
    to_unit_id    INTEGER NOT NULL REFERENCES unit(id),
    created_by    INTEGER NOT NULL REFERENCES app_user(id),
    created_at    INTEGER NOT NULL,
    UNIQUE (from_unit_id, year, number)
);

CREATE TABLE transfer (
    id                INTEGER PRIMARY KEY,
    dossier_id        INTEGER NOT NULL REFERENCES dossier(id),
    from_unit_id      INTEGER NOT NULL REFERENCES unit(id),
    to_unit_id        INTEGER NOT NULL REFERENCES unit(id),
    action            TEXT NOT NULL,
    permission        TEXT NOT NULL,
    from_permission   TEXT NOT NULL,
    folios_added      INTEGER NOT NULL,
    volumes_added     INTEGER NOT NULL,
    notes             TEXT NOT NULL DEFAULT '',
    state             TEXT NOT NULL,
    sent_at           INTEGER NOT NULL,
    sent_by           INTEGER NOT NULL REFERENCES app_user(id),
    received_at       INTEGER,
    received_by       INTEGER REFERENCES app_user(id),
    reverted_at       INTEGER,
    reverted_by       INTEGER REFERENCES app_user(id),
    revert_reason     TEXT NOT NULL DEFAULT '',
    delivery_note_id  INTEGER REFERENCES delivery_note(id)
);
CREATE INDEX transfer_dossier ON transfer(dossier_id, id);
CREATE INDEX transfer_pending ON transfer(to_unit_id, sent_at) WHERE state = 'pending';
CREATE INDEX transfer_sent_pending ON transfer(from_unit_id, sent_at) WHERE state = 'pending';
-- The route: every unit a dossier was sent to and not taken back.
CREATE INDEX transfer_route ON transfer(to_unit_id, dossier_id) WHERE state <> 'reverted';
CREATE INDEX transfer_note ON transfer(delivery_note_id) WHERE delivery_note_id IS NOT NULL;

CREATE TABLE attachment (
    id            INTEGER PRIMARY KEY,
    dossier_id    INTEGER NOT NULL REFERENCES dossier(id),
    name          TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    version       INTEGER NOT NULL,
    uploaded_by   INTEGER NOT NULL REFERENCES app_user(id),
    created_at    INTEGER NOT NULL,
    UNIQUE (dossier_id, name, version)
);
CREATE INDEX attachment_sha ON attachment(sha256);

CREATE TABLE annotation (
    id          INTEGER PRIMARY KEY,
    dossier_id  INTEGER NOT NULL REFERENCES dossier(id),
    text        TEXT NOT NULL,
    author_id   INTEGER NOT NULL REFERENCES app_user(id),
    unit_id     INTEGER REFERENCES unit(id),
    created_at  INTEGER NOT NULL,
    removed_at  INTEGER,
    removed_by  INTEGER REFERENCES app_user(id)
);
CREATE INDEX annotation_dossier ON annotation(dossier_id, id);

-- Sessions hold the SHA-256 of the token, never the token.
CREATE TABLE session (
    token_hash  TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES app_user(id),
    csrf_token  TEXT NOT NULL,
    client      TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    ended_at    INTEGER
);
CREATE INDEX session_by_user ON session(user_id);

CREATE TABLE login_failure (
    id        INTEGER PRIMARY KEY,
    username  TEXT NOT NULL,
    client    TEXT NOT NULL,
    at        INTEGER NOT NULL
);
CREATE INDEX login_failure_user ON login_failure(username, at);
CREATE INDEX login_failure_client ON login_failure(client, at);

-- The audit chain: seq is the position, hash = SHA-256(canonical form incl. prev_hash).
CREATE TABLE audit_event (
    seq          INTEGER PRIMARY KEY,
    at           INTEGER NOT NULL,
    actor_id     INTEGER,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    entity       TEXT NOT NULL,
    entity_id    INTEGER NOT NULL,
    dossier_id   INTEGER,
    client       TEXT NOT NULL,
    before_json  TEXT NOT NULL,
    after_json   TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);
CREATE INDEX audit_dossier ON audit_event(dossier_id, seq) WHERE dossier_id IS NOT NULL;

-- The head of the chain, one row: appenders lock it, so the chain stays a line.
CREATE TABLE audit_head (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   INTEGER NOT NULL,
    hash  TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Nothing is ever deleted (PRODUCT.md), and the audit record is never changed.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
CREATE TRIGGER dossier_no_delete BEFORE DELETE ON dossier
BEGIN SELECT RAISE(ABORT, 'dossiers are never deleted'); END;
CREATE TRIGGER transfer_no_delete BEFORE DELETE ON transfer
BEGIN SELECT RAISE(ABORT, 'transfers are never deleted'); END;
CREATE TRIGGER attachment_no_delete BEFORE DELETE ON attachment
BEGIN SELECT RAISE(ABORT, 'attachments are never deleted'); END;
CREATE TRIGGER annotation_no_delete BEFORE DELETE ON annotation
BEGIN SELECT RAISE(ABORT, 'annotations are never deleted'); END;
CREATE TRIGGER app_user_no_delete BEFORE DELETE ON app_user
BEGIN SELECT RAISE(ABORT, 'users are deactivated, never deleted'); END;
