-- Family: the guarantor (responsible party) of a patient; NULL = own guarantor.
ALTER TABLE patients ADD COLUMN guarantor_id INTEGER REFERENCES patients (id);
ALTER TABLE patients ADD COLUMN relationship_to_guarantor TEXT NOT NULL DEFAULT 'self'
    CHECK (relationship_to_guarantor IN ('self','spouse','child','parent','other'));
CREATE INDEX patients_by_guarantor ON patients (guarantor_id) WHERE guarantor_id IS NOT NULL;

-- Patients are archived, never deleted.
CREATE TRIGGER patients_never_deleted BEFORE DELETE ON patients
BEGIN
    SELECT RAISE(ABORT, 'patients are archived, never deleted');
END;

-- Audit log: who did what to which record, and which fields changed (names only, never values).
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    fields    TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, id);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- The practice: providers and operatories (the scheduling issue extends these).
CREATE TABLE providers (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL,
    kind   TEXT NOT NULL CHECK (kind IN ('dentist','hygienist','injector','assistant')),
    colour TEXT NOT NULL DEFAULT '#4a90d9',
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE operatories (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    active INTEGER NOT NULL DEFAULT 1
);
