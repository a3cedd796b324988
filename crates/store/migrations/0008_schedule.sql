-- Scheduling. Times of appointments and one-off blockouts are real instants (Unix seconds, UTC);
-- working hours, weekly blockouts and holidays are on the clinic's local clock (JSON of the
-- scheduling crate's types). The office's slot length and opening hours are a setting.
ALTER TABLE providers ADD COLUMN hours_json TEXT NOT NULL DEFAULT '{}';

CREATE TABLE devices (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    operatories_json TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE appointment_types (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL UNIQUE,
    slots                INTEGER NOT NULL CHECK (slots BETWEEN 1 AND 144),
    colour               TEXT NOT NULL DEFAULT '#4a90d9',
    procedure_codes_json TEXT NOT NULL DEFAULT '[]',
    may_overlap_provider INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE holidays (
    date TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE blockouts (
    id                 INTEGER PRIMARY KEY,
    scope_json         TEXT NOT NULL,
    time_json          TEXT NOT NULL,
    reason             TEXT NOT NULL DEFAULT '',
    allowed_types_json TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE appointments (
    id             INTEGER PRIMARY KEY,
    patient_id     INTEGER NOT NULL REFERENCES patients (id),
    start_epoch    INTEGER NOT NULL,
    end_epoch      INTEGER NOT NULL CHECK (end_epoch > start_epoch),
    provider_id    INTEGER NOT NULL REFERENCES providers (id),
    operatory_id   INTEGER NOT NULL REFERENCES operatories (id),
    devices_json   TEXT NOT NULL DEFAULT '[]',
    type_id        INTEGER NOT NULL REFERENCES appointment_types (id),
    status         TEXT NOT NULL CHECK (status IN
                     ('scheduled','confirmed','arrived','seated','completed','cancelled','broken')),
    notes          TEXT NOT NULL DEFAULT '',
    cancel_reason  TEXT NOT NULL DEFAULT '',
    checked_in_at  TEXT,
    seated_at      TEXT,
    checked_out_at TEXT,
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL
);
CREATE INDEX appointments_by_start ON appointments (start_epoch);
CREATE INDEX appointments_by_patient ON appointments (patient_id, start_epoch);
