-- Pre-authorizations: planned procedures sent to one coverage; the plan approves an amount per
-- procedure until an expiry date, or denies.
CREATE TABLE preauths (
    id            INTEGER PRIMARY KEY,
    patient_id    INTEGER NOT NULL REFERENCES patients (id),
    coverage_id   INTEGER NOT NULL REFERENCES coverages (id),
    status        TEXT NOT NULL CHECK (status IN ('draft','sent','approved','denied')),
    created_on    TEXT NOT NULL,
    sent_on       TEXT,
    expires_on    TEXT,
    denial_reason TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);
CREATE INDEX preauths_by_patient ON preauths (patient_id);
CREATE INDEX preauths_by_status ON preauths (status, sent_on);

CREATE TABLE preauth_items (
    preauth_id        INTEGER NOT NULL REFERENCES preauths (id),
    treatment_item_id INTEGER NOT NULL REFERENCES treatment_items (id),
    approved_cents    INTEGER CHECK (approved_cents >= 0),
    PRIMARY KEY (preauth_id, treatment_item_id)
);
