-- The office fee schedule: its own procedure codes, descriptions and fees (integer cents).
CREATE TABLE procedure_codes (
    code        TEXT PRIMARY KEY COLLATE NOCASE,
    description TEXT NOT NULL,
    fee_cents   INTEGER NOT NULL CHECK (fee_cents >= 0),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
