-- Eligibility verifications: who checked a coverage with the payer, how, what the payer stated,
-- benefits used at other offices, and when to check again.
CREATE TABLE verifications (
    id                              INTEGER PRIMARY KEY,
    coverage_id                     INTEGER NOT NULL REFERENCES coverages (id),
    verified_on                     TEXT NOT NULL,
    verified_by                     TEXT NOT NULL,
    method                          TEXT NOT NULL CHECK (method IN ('phone','payer_portal','fax')),
    reference                       TEXT NOT NULL DEFAULT '',
    benefits_confirmed              INTEGER NOT NULL DEFAULT 0,
    remaining_max_cents             INTEGER CHECK (remaining_max_cents >= 0),
    remaining_deductible_cents      INTEGER CHECK (remaining_deductible_cents >= 0),
    used_elsewhere_cents            INTEGER NOT NULL DEFAULT 0 CHECK (used_elsewhere_cents >= 0),
    deductible_used_elsewhere_cents INTEGER NOT NULL DEFAULT 0 CHECK (deductible_used_elsewhere_cents >= 0),
    notes                           TEXT NOT NULL DEFAULT '',
    next_due                        TEXT NOT NULL,
    created_at                      TEXT NOT NULL
);
CREATE INDEX verifications_by_coverage ON verifications (coverage_id, verified_on);
