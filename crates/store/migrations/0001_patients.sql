-- Settings (clinic timezone, database id, recovery-kit acknowledgement, …).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Patients. *_key columns are folded search keys (see domain::search_key).
CREATE TABLE patients (
    id                     INTEGER PRIMARY KEY,
    last_name              TEXT NOT NULL CHECK (length(trim(last_name)) > 0),
    first_name             TEXT NOT NULL CHECK (length(trim(first_name)) > 0),
    middle_name            TEXT NOT NULL DEFAULT '',
    preferred_name         TEXT NOT NULL DEFAULT '',
    date_of_birth          TEXT NOT NULL,
    sex                    TEXT NOT NULL DEFAULT 'unknown' CHECK (sex IN ('female','male','other','unknown')),
    address_line1          TEXT NOT NULL DEFAULT '',
    address_line2          TEXT NOT NULL DEFAULT '',
    address_city           TEXT NOT NULL DEFAULT '',
    address_state          TEXT NOT NULL DEFAULT '',
    address_postal_code    TEXT NOT NULL DEFAULT '',
    address_country        TEXT NOT NULL DEFAULT '',
    phone_home             TEXT NOT NULL DEFAULT '',
    phone_mobile           TEXT NOT NULL DEFAULT '',
    phone_work             TEXT NOT NULL DEFAULT '',
    email                  TEXT NOT NULL DEFAULT '',
    contact_preferred      TEXT NOT NULL DEFAULT 'call' CHECK (contact_preferred IN ('call','text','email','mail','none')),
    ok_voicemail           INTEGER NOT NULL DEFAULT 0,
    ok_text                INTEGER NOT NULL DEFAULT 0,
    ok_email               INTEGER NOT NULL DEFAULT 0,
    chart_number           TEXT NOT NULL COLLATE NOCASE UNIQUE,
    status                 TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','inactive','archived')),
    allergies              TEXT NOT NULL DEFAULT '',
    premedication          INTEGER NOT NULL DEFAULT 0,
    medical_alerts         TEXT NOT NULL DEFAULT '',
    notes                  TEXT NOT NULL DEFAULT '',
    emergency_name         TEXT NOT NULL DEFAULT '',
    emergency_relationship TEXT NOT NULL DEFAULT '',
    emergency_phone        TEXT NOT NULL DEFAULT '',
    referral_source        TEXT NOT NULL DEFAULT '',
    last_key               TEXT NOT NULL,
    first_key              TEXT NOT NULL,
    preferred_key          TEXT NOT NULL DEFAULT '',
    chart_key              TEXT NOT NULL,
    created_at             TEXT NOT NULL,
    created_by             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    updated_by             TEXT NOT NULL,
    version                INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX patients_by_last ON patients (last_key, first_key);
CREATE INDEX patients_by_first ON patients (first_key, last_key);
CREATE INDEX patients_by_preferred ON patients (preferred_key) WHERE preferred_key <> '';
CREATE INDEX patients_by_chart ON patients (chart_key);
CREATE INDEX patients_by_dob ON patients (date_of_birth);

-- Phone digits for search by any spelling, forwards (prefix) and reversed (last digits).
CREATE TABLE patient_phones (
    patient_id INTEGER NOT NULL REFERENCES patients (id),
    digits     TEXT NOT NULL,
    reversed   TEXT NOT NULL,
    PRIMARY KEY (patient_id, digits)
) WITHOUT ROWID;
CREATE INDEX patient_phones_by_digits ON patient_phones (digits);
CREATE INDEX patient_phones_by_reversed ON patient_phones (reversed);
