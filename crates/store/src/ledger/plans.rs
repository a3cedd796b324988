//! `payment_plans`: a guarantor's amount split into instalments. A plan is closed, never deleted.
use chrono::{DateTime, NaiveDate, Utc};
use frontdesk_domain::money::Cents;
use frontdesk_ledger::{GuarantorId, Instalment};

use crate::audit::{insert as audit, AuditEvent};
use crate::{Db, Result, StoreError};

#[derive(Debug, Clone)]
pub struct StoredPlan {
    pub id: i64,
    pub guarantor_id: GuarantorId,
    pub total: Cents,
    pub starts_on: NaiveDate,
    pub note: String,
    pub created_at: DateTime<Utc>,
    pub instalments: Vec<Instalment>,
}

/// Opens a plan; refused while the guarantor has another open plan.
pub async fn create(
    db: &Db,
    guarantor: GuarantorId,
    total: Cents,
    starts_on: NaiveDate,
    note: &str,
    instalments: &[Instalment],
    actor: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    let mut tx = db.writer.begin().await?;
    let open: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM payment_plans WHERE guarantor_id = ? AND closed_at IS NULL",
    )
    .bind(guarantor)
    .fetch_one(&mut *tx)
    .await?;
    if open > 0 {
        return Err(StoreError::Refused(
            "this account already has an open payment plan; close it first",
        ));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO payment_plans (guarantor_id, total_cents, starts_on, note, created_at, actor) \
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(guarantor)
    .bind(total.0)
    .bind(starts_on)
    .bind(note)
    .bind(now)
    .bind(actor)
    .fetch_one(&mut *tx)
    .await?;
    for (n, i) in instalments.iter().enumerate() {
        sqlx::query(
            "INSERT INTO payment_plan_instalments (plan_id, n, due_on, amount_cents) VALUES (?, ?, ?, ?)",
        )
        .bind(id)
        .bind(n as i64 + 1)
        .bind(i.due)
        .bind(i.amount.0)
        .execute(&mut *tx)
        .await?;
    }
    let event = AuditEvent {
        actor,
        action: "payment_plan.create",
        entity: "payment_plan",
        entity_id: Some(id),
        fields: vec!["total".into(), "instalments".into()],
    };
    audit(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Closes the guarantor's open plan (paid off or replaced).
pub async fn close(db: &Db, plan: i64, actor: &str, now: DateTime<Utc>) -> Result<()> {
    let mut tx = db.writer.begin().await?;
    let done = sqlx::query(
        "UPDATE payment_plans SET closed_at = ?, closed_by = ? WHERE id = ? AND closed_at IS NULL",
    )
    .bind(now)
    .bind(actor)
    .bind(plan)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound("open payment plan"));
    }
    let event = AuditEvent {
        actor,
        action: "payment_plan.close",
        entity: "payment_plan",
        entity_id: Some(plan),
        fields: vec!["closed".into()],
    };
    audit(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(())
}

type PlanRow = (i64, i64, i64, NaiveDate, String, DateTime<Utc>);

async fn with_instalments(db: &Db, rows: Vec<PlanRow>) -> Result<Vec<StoredPlan>> {
    let mut out = Vec::with_capacity(rows.len());
    for (id, guarantor_id, total, starts_on, note, created_at) in rows {
        let inst: Vec<(NaiveDate, i64)> = sqlx::query_as(
            "SELECT due_on, amount_cents FROM payment_plan_instalments WHERE plan_id = ? ORDER BY n",
        )
        .bind(id)
        .fetch_all(&db.reader)
        .await?;
        out.push(StoredPlan {
            id,
            guarantor_id,
            total: Cents(total),
            starts_on,
            note,
            created_at,
            instalments: inst
                .into_iter()
                .map(|(due, a)| Instalment {
                    due,
                    amount: Cents(a),
                })
                .collect(),
        });
    }
    Ok(out)
}

/// The guarantor's open plan, if any.
pub async fn open_for(db: &Db, guarantor: GuarantorId) -> Result<Option<StoredPlan>> {
    let rows: Vec<PlanRow> = sqlx::query_as(
        "SELECT id, guarantor_id, total_cents, starts_on, note, created_at FROM payment_plans \
         WHERE guarantor_id = ? AND closed_at IS NULL",
    )
    .bind(guarantor)
    .fetch_all(&db.reader)
    .await?;
    Ok(with_instalments(db, rows).await?.into_iter().next())
}

/// Every open plan (the overdue worklist).
pub async fn all_open(db: &Db) -> Result<Vec<StoredPlan>> {
    let rows: Vec<PlanRow> = sqlx::query_as(
        "SELECT id, guarantor_id, total_cents, starts_on, note, created_at FROM payment_plans \
         WHERE closed_at IS NULL ORDER BY id",
    )
    .fetch_all(&db.reader)
    .await?;
    with_instalments(db, rows).await
}

/// What the guarantor's family paid themselves (not insurance) on or after `since`, less refunds
/// and reversals of those: what counts towards a plan.
pub async fn paid_since(db: &Db, guarantor: GuarantorId, since: NaiveDate) -> Result<Cents> {
    let paid: Option<i64> = sqlx::query_scalar(
        "SELECT SUM(CASE \
            WHEN e.kind = 'payment' AND e.method <> 'insurance' THEN e.amount_cents \
            WHEN e.kind = 'adjustment' AND e.adjustment = 'refund' THEN -e.amount_cents \
            WHEN e.kind = 'reversal' AND o.kind = 'payment' AND o.method <> 'insurance' THEN -o.amount_cents \
            WHEN e.kind = 'reversal' AND o.kind = 'adjustment' AND o.adjustment = 'refund' THEN o.amount_cents \
            ELSE 0 END) \
         FROM ledger_entries e LEFT JOIN ledger_entries o ON o.id = e.reverses \
         WHERE e.guarantor_id = ? AND e.entry_date >= ?",
    )
    .bind(guarantor)
    .bind(since)
    .fetch_one(&db.reader)
    .await?;
    Ok(Cents(paid.unwrap_or(0)))
}
