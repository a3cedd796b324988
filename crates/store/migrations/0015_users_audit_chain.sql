-- People: each person signs in as themselves. Users are never deleted (audit entries name them).
CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    username        TEXT NOT NULL UNIQUE,
    full_name       TEXT NOT NULL,
    role            TEXT NOT NULL,
    grants          TEXT NOT NULL DEFAULT '[]',
    revokes         TEXT NOT NULL DEFAULT '[]',
    password_hash   TEXT NOT NULL,
    pin_hash        TEXT,
    active          INTEGER NOT NULL DEFAULT 1,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    last_failed_at  TEXT,
    locked_out      INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- The last full-password sign-in of each user on each workstation (the PIN window).
CREATE TABLE password_sign_ins (
    user_id     INTEGER NOT NULL REFERENCES users (id),
    workstation TEXT NOT NULL,
    at          TEXT NOT NULL,
    PRIMARY KEY (user_id, workstation)
);

-- The audit log becomes a hash chain. Entries written before this migration are sealed into the
-- chain, in order, when the database is next opened (hashing is done by the application).
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
CREATE INDEX audit_log_by_actor ON audit_log (actor, id);
CREATE INDEX audit_log_by_at ON audit_log (at);

DROP TRIGGER audit_log_append_only_update;
-- Only the one-time sealing of an unsealed entry may update it.
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
WHEN OLD.hash IS NOT NULL
  OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor
  OR NEW.action IS NOT OLD.action OR NEW.entity IS NOT OLD.entity
  OR NEW.entity_id IS NOT OLD.entity_id OR NEW.fields IS NOT OLD.fields
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
