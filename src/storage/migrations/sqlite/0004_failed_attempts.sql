-- sige schema 4: one table for the failures that throttling counts (wrong passwords,
-- wrong PINs, unknown tracking tokens), instead of one per kind. They are not records:
-- they are forgotten after a day.

CREATE TABLE failed_attempt (
    id      INTEGER PRIMARY KEY,
    kind    TEXT NOT NULL,   -- "login", "tracking_pin", "tracking_token"
    key     TEXT NOT NULL,   -- the username or code tried, or '' when none applies
    client  TEXT NOT NULL,
    at      INTEGER NOT NULL
);
CREATE INDEX failed_attempt_key ON failed_attempt(kind, key, at);
CREATE INDEX failed_attempt_client ON failed_attempt(kind, client, at);

DROP TABLE login_failure;
DROP TABLE tracking_failure;
