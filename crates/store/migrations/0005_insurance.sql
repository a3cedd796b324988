-- Insurance: carriers → plans (benefits as the plan editor's JSON, checked by the estimate engine
-- before it is written) → subscribers (the insured person and member ID) → a patient's coverages.
CREATE TABLE carriers (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    payer_id     TEXT NOT NULL DEFAULT '',
    address_json TEXT NOT NULL DEFAULT '{}',
    phone        TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
);

CREATE TABLE plans (
    id            INTEGER PRIMARY KEY,
    carrier_id    INTEGER NOT NULL REFERENCES carriers (id),
    group_name    TEXT NOT NULL,
    group_number  TEXT NOT NULL DEFAULT '',
    employer      TEXT NOT NULL DEFAULT '',
    plan_type     TEXT NOT NULL CHECK (plan_type IN ('percentage','ppo')),
    benefits_json TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);

CREATE TABLE subscribers (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES plans (id),
    patient_id INTEGER NOT NULL REFERENCES patients (id),
    member_id  TEXT NOT NULL,
    UNIQUE (plan_id, patient_id)
);

CREATE TABLE coverages (
    id            INTEGER PRIMARY KEY,
    patient_id    INTEGER NOT NULL REFERENCES patients (id),
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id),
    relationship  TEXT NOT NULL CHECK (relationship IN ('self','spouse','child','parent','other')),
    rank          INTEGER NOT NULL CHECK (rank IN (1, 2)),
    effective     TEXT NOT NULL,
    termination   TEXT,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);
CREATE INDEX coverages_by_patient ON coverages (patient_id);

-- Treatment plans: procedures in plan order; the fee is copied from the fee schedule when added.
CREATE TABLE treatment_items (
    id           INTEGER PRIMARY KEY,
    patient_id   INTEGER NOT NULL REFERENCES patients (id),
    position     INTEGER NOT NULL,
    code         TEXT NOT NULL,
    tooth        TEXT NOT NULL DEFAULT '',
    surface      TEXT NOT NULL DEFAULT '',
    units        INTEGER NOT NULL CHECK (units BETWEEN 1 AND 1000),
    fee_cents    INTEGER NOT NULL CHECK (fee_cents >= 0),
    status       TEXT NOT NULL CHECK (status IN ('planned','completed')),
    completed_on TEXT,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    CHECK ((status = 'completed') = (completed_on IS NOT NULL))
);
CREATE INDEX treatment_items_by_patient ON treatment_items (patient_id, position);

-- Claims: one coverage, one date of service, completed procedures.
CREATE TABLE claims (
    id            INTEGER PRIMARY KEY,
    patient_id    INTEGER NOT NULL REFERENCES patients (id),
    coverage_id   INTEGER NOT NULL REFERENCES coverages (id),
    service_date  TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN
                    ('draft','sent','received','paid','partially_paid','denied','appealed')),
    sent_on       TEXT,
    paid_on       TEXT,
    denial_reason TEXT NOT NULL DEFAULT '',
    follow_up_on  TEXT,
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);
CREATE INDEX claims_by_patient ON claims (patient_id);
CREATE INDEX claims_by_status ON claims (status, sent_on);

CREATE TABLE claim_items (
    claim_id          INTEGER NOT NULL REFERENCES claims (id),
    treatment_item_id INTEGER NOT NULL REFERENCES treatment_items (id),
    fee_cents         INTEGER NOT NULL CHECK (fee_cents >= 0),
    estimate_cents    INTEGER NOT NULL DEFAULT 0 CHECK (estimate_cents >= 0),
    paid_cents        INTEGER NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
    write_off_cents   INTEGER NOT NULL DEFAULT 0 CHECK (write_off_cents >= 0),
    deductible_cents  INTEGER NOT NULL DEFAULT 0 CHECK (deductible_cents >= 0),
    PRIMARY KEY (claim_id, treatment_item_id)
);
CREATE INDEX claim_items_by_item ON claim_items (treatment_item_id);
