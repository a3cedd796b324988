-- The patient ledger: charges, payments, adjustments and reversals. Append-only: nothing is ever
-- edited or deleted; a correction is a reversing entry linked to the original (`reverses`).
-- `effect_cents` is the entry's signed effect on the guarantor's balance (charges and refunds
-- positive, payments and other adjustments negative, a reversal the negative of its original), so
-- a balance is one SUM. Entries posted together (a payment split over a family) share `batch_id`.
CREATE TABLE ledger_entries (
    id                INTEGER PRIMARY KEY,
    batch_id          INTEGER NOT NULL,
    patient_id        INTEGER NOT NULL REFERENCES patients (id),
    guarantor_id      INTEGER NOT NULL REFERENCES patients (id),
    entry_date        TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    actor             TEXT NOT NULL,
    note              TEXT NOT NULL DEFAULT '',
    kind              TEXT NOT NULL CHECK (kind IN ('charge','payment','adjustment','reversal')),
    amount_cents      INTEGER NOT NULL CHECK (amount_cents > 0),
    effect_cents      INTEGER NOT NULL,
    code              TEXT,
    treatment_item_id INTEGER REFERENCES treatment_items (id),
    method            TEXT CHECK (method IN ('cash','card','check','insurance')),
    card_last_four    TEXT,
    check_number      TEXT,
    claim_id          INTEGER REFERENCES claims (id),
    adjustment        TEXT CHECK (adjustment IN ('ppo_write_off','discount','refund','bad_debt')),
    reverses          INTEGER UNIQUE REFERENCES ledger_entries (id)
);
CREATE INDEX ledger_by_guarantor ON ledger_entries (guarantor_id, entry_date, id);
CREATE INDEX ledger_by_patient ON ledger_entries (patient_id, entry_date, id);
CREATE INDEX ledger_by_date ON ledger_entries (entry_date, id);
CREATE INDEX ledger_by_item ON ledger_entries (treatment_item_id) WHERE treatment_item_id IS NOT NULL;
CREATE TRIGGER ledger_append_only_update BEFORE UPDATE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only: post a reversing entry');
END;
CREATE TRIGGER ledger_append_only_delete BEFORE DELETE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'the ledger is append-only: post a reversing entry');
END;

-- A database from before the ledger: its completed procedures become charges (at the fee they were
-- completed at) and its paid claims the plans' payments and PPO write-offs, dated as they happened,
-- so balances start out true. Ids are set here (the table is empty): charges 1.., claim payments
-- 1,000,000,000 + claim, write-offs 2,000,000,000 + claim (in the payment's batch).
INSERT INTO ledger_entries (id, batch_id, patient_id, guarantor_id, entry_date, created_at, actor,
    note, kind, amount_cents, effect_cents, code, treatment_item_id)
SELECT ROW_NUMBER() OVER (ORDER BY t.completed_on, t.id),
       ROW_NUMBER() OVER (ORDER BY t.completed_on, t.id),
       t.patient_id, COALESCE(p.guarantor_id, p.id), t.completed_on, t.updated_at, t.updated_by,
       '', 'charge', t.fee_cents * t.units, t.fee_cents * t.units, t.code, t.id
FROM treatment_items t JOIN patients p ON p.id = t.patient_id
WHERE t.status = 'completed' AND t.fee_cents * t.units > 0;

INSERT INTO ledger_entries (id, batch_id, patient_id, guarantor_id, entry_date, created_at, actor,
    note, kind, amount_cents, effect_cents, method, claim_id)
SELECT 1000000000 + c.id, 1000000000 + c.id, c.patient_id, COALESCE(p.guarantor_id, p.id),
       c.paid_on, c.updated_at, c.updated_by, 'Claim ' || c.id, 'payment',
       SUM(i.paid_cents), -SUM(i.paid_cents), 'insurance', c.id
FROM claims c JOIN patients p ON p.id = c.patient_id JOIN claim_items i ON i.claim_id = c.id
WHERE c.paid_on IS NOT NULL
GROUP BY c.id HAVING SUM(i.paid_cents) > 0;

INSERT INTO ledger_entries (id, batch_id, patient_id, guarantor_id, entry_date, created_at, actor,
    note, kind, amount_cents, effect_cents, adjustment)
SELECT 2000000000 + c.id, 1000000000 + c.id, c.patient_id, COALESCE(p.guarantor_id, p.id),
       c.paid_on, c.updated_at, c.updated_by, 'Claim ' || c.id, 'adjustment',
       SUM(i.write_off_cents), -SUM(i.write_off_cents), 'ppo_write_off'
FROM claims c JOIN patients p ON p.id = c.patient_id JOIN claim_items i ON i.claim_id = c.id
WHERE c.paid_on IS NOT NULL
GROUP BY c.id HAVING SUM(i.write_off_cents) > 0;

-- Payment plans: a guarantor's amount split into instalments with due dates.
CREATE TABLE payment_plans (
    id           INTEGER PRIMARY KEY,
    guarantor_id INTEGER NOT NULL REFERENCES patients (id),
    total_cents  INTEGER NOT NULL CHECK (total_cents > 0),
    starts_on    TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    actor        TEXT NOT NULL,
    closed_at    TEXT,
    closed_by    TEXT
);
CREATE INDEX payment_plans_by_guarantor ON payment_plans (guarantor_id);
CREATE TABLE payment_plan_instalments (
    plan_id      INTEGER NOT NULL REFERENCES payment_plans (id),
    n            INTEGER NOT NULL,
    due_on       TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    PRIMARY KEY (plan_id, n)
);

-- Cosmetic packages and memberships: N prepaid sessions.
CREATE TABLE packages (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    sessions    INTEGER NOT NULL CHECK (sessions BETWEEN 1 AND 1000),
    price_cents INTEGER NOT NULL CHECK (price_cents > 0),
    active      INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE package_sales (
    id              INTEGER PRIMARY KEY,
    package_id      INTEGER NOT NULL REFERENCES packages (id),
    patient_id      INTEGER NOT NULL REFERENCES patients (id),
    sessions        INTEGER NOT NULL,
    price_cents     INTEGER NOT NULL,
    sold_on         TEXT NOT NULL,
    charge_entry_id INTEGER NOT NULL REFERENCES ledger_entries (id),
    created_at      TEXT NOT NULL,
    actor           TEXT NOT NULL
);
CREATE INDEX package_sales_by_patient ON package_sales (patient_id);
CREATE TABLE package_redemptions (
    id             INTEGER PRIMARY KEY,
    sale_id        INTEGER NOT NULL REFERENCES package_sales (id),
    appointment_id INTEGER REFERENCES appointments (id),
    redeemed_on    TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    actor          TEXT NOT NULL
);
CREATE INDEX package_redemptions_by_sale ON package_redemptions (sale_id);
CREATE TRIGGER package_redemptions_append_only_delete BEFORE DELETE ON package_redemptions
BEGIN
    SELECT RAISE(ABORT, 'redemptions are history');
END;

-- Statement runs and every statement as sent (the PDF itself, so a reprint is exact).
CREATE TABLE statement_runs (
    id              INTEGER PRIMARY KEY,
    run_at          TEXT NOT NULL,
    actor           TEXT NOT NULL,
    min_balance_cents INTEGER NOT NULL,
    skip_days       INTEGER NOT NULL,
    statement_count INTEGER NOT NULL,
    total_due_cents INTEGER NOT NULL
);
CREATE TABLE statements (
    id               INTEGER PRIMARY KEY,
    run_id           INTEGER REFERENCES statement_runs (id),
    guarantor_id     INTEGER NOT NULL REFERENCES patients (id),
    statement_date   TEXT NOT NULL,
    balance_cents    INTEGER NOT NULL,
    amount_due_cents INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    actor            TEXT NOT NULL,
    pdf              BLOB NOT NULL
);
CREATE INDEX statements_by_guarantor ON statements (guarantor_id, statement_date);
CREATE INDEX statements_by_run ON statements (run_id);
CREATE TRIGGER statements_append_only_update BEFORE UPDATE ON statements
BEGIN
    SELECT RAISE(ABORT, 'a statement is kept as it was sent');
END;
