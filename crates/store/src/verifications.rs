//! `verifications`: eligibility checks per coverage, and what they add to benefits used.
use chrono::{DateTime, NaiveDate, Utc};
use frontdesk_domain::money::Cents;
use frontdesk_insurance::verification::{ValidVerification, Verification, VerificationMethod};
use frontdesk_insurance::CoverageId;

use crate::audit::{self, AuditEvent};
use crate::{Db, Result, StoreError};

pub async fn add(
    db: &Db,
    coverage: CoverageId,
    v: &ValidVerification,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    let mut tx = db.writer.begin().await?;
    let patient: Option<i64> = sqlx::query_scalar("SELECT patient_id FROM coverages WHERE id = ?")
        .bind(coverage)
        .fetch_optional(&mut *tx)
        .await?;
    let patient = patient.ok_or(StoreError::NotFound("coverage"))?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO verifications (coverage_id, verified_on, verified_by, method, reference, benefits_confirmed, \
         remaining_max_cents, remaining_deductible_cents, used_elsewhere_cents, deductible_used_elsewhere_cents, \
         notes, next_due, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(coverage)
    .bind(v.verified_on)
    .bind(actor)
    .bind(v.draft.method.as_str())
    .bind(&v.draft.reference)
    .bind(v.draft.benefits_confirmed)
    .bind(v.remaining_max.map(|c| c.0))
    .bind(v.remaining_deductible.map(|c| c.0))
    .bind(v.used_elsewhere.0)
    .bind(v.deductible_used_elsewhere.0)
    .bind(&v.draft.notes)
    .bind(v.next_due)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let event = AuditEvent {
        actor,
        action: "coverage.verify",
        entity: "patient",
        entity_id: Some(patient),
        fields: vec![format!("coverage:{coverage}")],
    };
    audit::insert(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(id)
}

type Row = (
    i64,
    i64,
    NaiveDate,
    String,
    String,
    String,
    bool,
    Option<i64>,
    Option<i64>,
    i64,
    i64,
    String,
    NaiveDate,
);

/// A coverage's verifications, newest first.
pub async fn for_coverage(db: &Db, coverage: CoverageId) -> Result<Vec<Verification>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, coverage_id, verified_on, verified_by, method, reference, benefits_confirmed, \
         remaining_max_cents, remaining_deductible_cents, used_elsewhere_cents, deductible_used_elsewhere_cents, \
         notes, next_due FROM verifications WHERE coverage_id = ? ORDER BY verified_on DESC, id DESC",
    )
    .bind(coverage)
    .fetch_all(&db.reader)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Verification {
                id: r.0,
                coverage_id: r.1,
                verified_on: r.2.to_string(),
                verified_by: r.3,
                method: VerificationMethod::parse(&r.4)
                    .ok_or(StoreError::Corrupt("verification method"))?,
                reference: r.5,
                benefits_confirmed: r.6,
                remaining_max_cents: r.7,
                remaining_deductible_cents: r.8,
                used_elsewhere_cents: r.9,
                deductible_used_elsewhere_cents: r.10,
                notes: r.11,
                next_due: r.12.to_string(),
            })
        })
        .collect()
}

/// Benefits used elsewhere per the latest verification made in `[from, to)`:
/// (annual, deductible).
pub async fn used_elsewhere(
    db: &Db,
    coverage: CoverageId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(Cents, Cents)> {
    let row: Option<(i64, i64)> = sqlx::query_as(
        "SELECT used_elsewhere_cents, deductible_used_elsewhere_cents FROM verifications \
         WHERE coverage_id = ? AND verified_on >= ? AND verified_on < ? ORDER BY verified_on DESC, id DESC LIMIT 1",
    )
    .bind(coverage)
    .bind(from)
    .bind(to)
    .fetch_optional(&db.reader)
    .await?;
    let (a, d) = row.unwrap_or_default();
    Ok((Cents(a), Cents(d)))
}
