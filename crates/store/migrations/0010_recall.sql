-- Recall types: how often a patient should come back for a kind of care, and the procedure codes
-- that count as having had it (e.g. prophy every 6 months: D1110, D1120).
CREATE TABLE recall_types (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL UNIQUE,
    interval_months      INTEGER NOT NULL CHECK (interval_months BETWEEN 1 AND 120),
    procedure_codes_json TEXT NOT NULL DEFAULT '[]'
);
