-- The ASAP list: patients who want an earlier time (for a type, maybe with one provider, with their
-- preferences), possibly to replace an appointment they already have.
CREATE TABLE asap_requests (
    id               INTEGER PRIMARY KEY,
    patient_id       INTEGER NOT NULL REFERENCES patients (id),
    appointment_id   INTEGER REFERENCES appointments (id),
    type_id          INTEGER NOT NULL REFERENCES appointment_types (id),
    provider_id      INTEGER REFERENCES providers (id),
    preferences_json TEXT NOT NULL DEFAULT '{}',
    note             TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    created_by       TEXT NOT NULL,
    active           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX asap_active ON asap_requests (active, created_at);
