-- The communication log: every call, text or email to a patient (appointment confirmations,
-- reminders, follow-ups), with its outcome. Append-only, like the audit log.
CREATE TABLE contact_log (
    id             INTEGER PRIMARY KEY,
    patient_id     INTEGER NOT NULL REFERENCES patients (id),
    appointment_id INTEGER REFERENCES appointments (id),
    at             TEXT NOT NULL,
    actor          TEXT NOT NULL,
    method         TEXT NOT NULL CHECK (method IN ('call','text','email','in_person')),
    outcome        TEXT NOT NULL CHECK (outcome IN ('confirmed','left_message','no_answer','will_cancel','other')),
    note           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contact_log_by_patient ON contact_log (patient_id, at);
CREATE INDEX contact_log_by_appointment ON contact_log (appointment_id, at);
CREATE TRIGGER contact_log_append_only_update BEFORE UPDATE ON contact_log
BEGIN
    SELECT RAISE(ABORT, 'the communication log is append-only');
END;
CREATE TRIGGER contact_log_append_only_delete BEFORE DELETE ON contact_log
BEGIN
    SELECT RAISE(ABORT, 'the communication log is append-only');
END;
