//! `claims` and `claim_items`: claims per coverage and date of service, their status, the plan's
//! payment per procedure, the worklists, and the benefits used that payments add up to.
use chrono::{DateTime, NaiveDate, Utc};
use frontdesk_domain::money::Cents;
use frontdesk_domain::PatientId;
use frontdesk_insurance::claim::{ClaimId, PostedLine, Transition};
use frontdesk_insurance::claim_view::{ClaimDetail, ClaimLineView, ClaimSummary};
use frontdesk_insurance::{ClaimStatus, CoverageId, Rank, TreatmentItemId};

use frontdesk_ledger::{AdjustmentKind, EntryKind, NewEntry, PaymentMethod};

use crate::audit::{self, AuditEvent};
use crate::ledger::entries::{guarantor_of_in, post_in, PostError};
use crate::{family, Db, Result, StoreError};

/// A procedure going on a new claim.
#[derive(Debug, Clone, Copy)]
pub struct NewClaimLine {
    pub item: TreatmentItemId,
    pub fee_cents: i64,
    pub estimate_cents: i64,
}

async fn audit_claim(
    tx: &mut sqlx::SqliteConnection,
    action: &str,
    claim: ClaimId,
    fields: Vec<String>,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let event = AuditEvent {
        actor,
        action,
        entity: "claim",
        entity_id: Some(claim),
        fields,
    };
    audit::insert(tx, &event, now).await
}

/// Creates a draft claim. Every procedure must be the patient's, completed on `service_date`, and
/// not already on a claim to this coverage.
pub async fn create(
    db: &Db,
    patient: PatientId,
    coverage: CoverageId,
    service_date: NaiveDate,
    lines: &[NewClaimLine],
    actor: &str,
    now: DateTime<Utc>,
) -> Result<ClaimId> {
    if lines.is_empty() {
        return Err(StoreError::Refused(
            "a claim needs at least one completed procedure",
        ));
    }
    let mut tx = db.writer.begin().await?;
    crate::coverages::check_patient_coverage(&mut tx, patient, coverage).await?;
    for l in lines {
        let item: Option<(String, Option<NaiveDate>)> = sqlx::query_as(
            "SELECT status, completed_on FROM treatment_items WHERE id = ? AND patient_id = ?",
        )
        .bind(l.item)
        .bind(patient)
        .fetch_optional(&mut *tx)
        .await?;
        match item {
            None => return Err(StoreError::NotFound("treatment plan procedure")),
            Some((s, d)) if s != "completed" || d != Some(service_date) => {
                return Err(StoreError::Refused(
                    "a claim takes only procedures completed on its date of service",
                ))
            }
            Some(_) => {}
        }
        let claimed: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM claim_items ci JOIN claims c ON c.id = ci.claim_id \
             WHERE ci.treatment_item_id = ? AND c.coverage_id = ?",
        )
        .bind(l.item)
        .bind(coverage)
        .fetch_one(&mut *tx)
        .await?;
        if claimed > 0 {
            return Err(StoreError::Refused(
                "a procedure is already on a claim to this plan",
            ));
        }
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO claims (patient_id, coverage_id, service_date, status, created_at, updated_at, updated_by) \
         VALUES (?, ?, ?, 'draft', ?, ?, ?) RETURNING id",
    )
    .bind(patient)
    .bind(coverage)
    .bind(service_date)
    .bind(now)
    .bind(now)
    .bind(actor)
    .fetch_one(&mut *tx)
    .await?;
    for l in lines {
        sqlx::query(
            "INSERT INTO claim_items (claim_id, treatment_item_id, fee_cents, estimate_cents) VALUES (?, ?, ?, ?)",
        )
        .bind(id)
        .bind(l.item)
        .bind(l.fee_cents)
        .bind(l.estimate_cents)
        .execute(&mut *tx)
        .await?;
    }
    audit_claim(
        &mut tx,
        "claim.create",
        id,
        vec![format!("patient:{patient}")],
        actor,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Applies a checked status change, if the claim is still in `from` (else `Stale`).
pub async fn set_status(
    db: &Db,
    id: ClaimId,
    from: ClaimStatus,
    t: &Transition,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = db.writer.begin().await?;
    let note = t.note.as_deref().filter(|n| !n.is_empty());
    let done = sqlx::query(
        "UPDATE claims SET status = ?, sent_on = COALESCE(?, sent_on), \
         denial_reason = COALESCE(?, denial_reason), follow_up_on = COALESCE(?, follow_up_on), \
         notes = CASE WHEN ? IS NULL THEN notes WHEN notes = '' THEN ? ELSE notes || char(10) || ? END, \
         updated_at = ?, updated_by = ? WHERE id = ? AND status = ?",
    )
    .bind(t.status.as_str())
    .bind(t.sent_on)
    .bind(t.denial_reason.as_deref())
    .bind(t.follow_up)
    .bind(note)
    .bind(note)
    .bind(note)
    .bind(now)
    .bind(actor)
    .bind(id)
    .bind(from.as_str())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::Stale);
    }
    audit_claim(
        &mut tx,
        "claim.status",
        id,
        vec![format!("status:{}", t.status.as_str())],
        actor,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Records the plan's payment per procedure and the claim's new status.
#[allow(clippy::too_many_arguments)]
pub async fn post_payment(
    db: &Db,
    id: ClaimId,
    from: ClaimStatus,
    lines: &[PostedLine],
    status: ClaimStatus,
    paid_on: NaiveDate,
    locked_through: Option<NaiveDate>,
    actor: &str,
    now: DateTime<Utc>,
) -> std::result::Result<(), PostError> {
    let mut tx = db.writer.begin().await?;
    let done = sqlx::query(
        "UPDATE claims SET status = ?, paid_on = ?, follow_up_on = NULL, updated_at = ?, updated_by = ? \
         WHERE id = ? AND status = ?",
    )
    .bind(status.as_str())
    .bind(paid_on)
    .bind(now)
    .bind(actor)
    .bind(id)
    .bind(from.as_str())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::Stale.into());
    }
    for l in lines {
        sqlx::query(
            "UPDATE claim_items SET paid_cents = ?, write_off_cents = ?, deductible_cents = ? \
             WHERE claim_id = ? AND treatment_item_id = ?",
        )
        .bind(l.paid.0)
        .bind(l.write_off.0)
        .bind(l.deductible.0)
        .bind(id)
        .bind(l.treatment_item_id)
        .execute(&mut *tx)
        .await?;
    }
    let entries = insurance_entries(&mut tx, id, lines, paid_on, actor).await?;
    post_in(&mut tx, &entries, locked_through, now).await?;
    audit_claim(
        &mut tx,
        "claim.payment",
        id,
        vec!["paid".into(), "write_off".into(), "deductible".into()],
        actor,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The ledger entries of a claim payment: the plan's payment and the PPO write-off of each
/// procedure, on the patient's account.
async fn insurance_entries(
    tx: &mut sqlx::SqliteConnection,
    claim: ClaimId,
    lines: &[PostedLine],
    paid_on: NaiveDate,
    actor: &str,
) -> Result<Vec<NewEntry>> {
    let patient: i64 = sqlx::query_scalar("SELECT patient_id FROM claims WHERE id = ?")
        .bind(claim)
        .fetch_one(&mut *tx)
        .await?;
    let guarantor = guarantor_of_in(tx, patient).await?;
    let entry = |kind: EntryKind| NewEntry {
        patient_id: patient,
        guarantor_id: guarantor,
        date: paid_on,
        actor: actor.to_string(),
        note: format!("Claim {claim}"),
        kind,
    };
    let paid: i64 = lines.iter().map(|l| l.paid.0).sum();
    let written_off: i64 = lines.iter().map(|l| l.write_off.0).sum();
    let mut out = Vec::new();
    if paid > 0 {
        out.push(entry(EntryKind::Payment {
            method: PaymentMethod::Insurance { claim_id: claim },
            amount: Cents(paid),
        }));
    }
    if written_off > 0 {
        out.push(entry(EntryKind::Adjustment {
            adjustment: AdjustmentKind::PpoWriteOff,
            amount: Cents(written_off),
        }));
    }
    Ok(out)
}

/// Sets the follow-up date and replaces the notes.
pub async fn set_follow_up(
    db: &Db,
    id: ClaimId,
    follow_up: Option<NaiveDate>,
    notes: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = db.writer.begin().await?;
    let done = sqlx::query(
        "UPDATE claims SET follow_up_on = ?, notes = ?, updated_at = ?, updated_by = ? WHERE id = ?",
    )
    .bind(follow_up)
    .bind(notes)
    .bind(now)
    .bind(actor)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound("claim"));
    }
    audit_claim(
        &mut tx,
        "claim.follow_up",
        id,
        vec!["follow_up_on".into(), "notes".into()],
        actor,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

const SUMMARY_SQL: &str = "SELECT c.id, c.patient_id, c.coverage_id, ca.name || ' - ' || pl.group_name, cv.rank, \
    c.service_date, c.status, c.sent_on, c.paid_on, c.denial_reason, c.follow_up_on, c.notes, \
    (SELECT COALESCE(SUM(fee_cents), 0) FROM claim_items WHERE claim_id = c.id), \
    (SELECT COALESCE(SUM(estimate_cents), 0) FROM claim_items WHERE claim_id = c.id), \
    (SELECT COALESCE(SUM(paid_cents), 0) FROM claim_items WHERE claim_id = c.id) \
    FROM claims c JOIN coverages cv ON cv.id = c.coverage_id JOIN subscribers s ON s.id = cv.subscriber_id \
    JOIN plans pl ON pl.id = s.plan_id JOIN carriers ca ON ca.id = pl.carrier_id";

type SummaryRow = (
    i64,
    i64,
    i64,
    String,
    i64,
    NaiveDate,
    String,
    Option<NaiveDate>,
    Option<NaiveDate>,
    String,
    Option<NaiveDate>,
    String,
    i64,
    i64,
    i64,
);

async fn summaries(db: &Db, rows: Vec<SummaryRow>) -> Result<Vec<ClaimSummary>> {
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let (
            id,
            patient,
            coverage_id,
            plan,
            rank,
            service,
            status,
            sent,
            paid,
            reason,
            follow,
            notes,
            fee,
            est,
            paid_c,
        ) = r;
        out.push(ClaimSummary {
            id,
            patient: family::summary(db, patient).await?,
            coverage_id,
            plan,
            rank: Rank::from_number(rank).ok_or(StoreError::Corrupt("coverage rank"))?,
            service_date: service.to_string(),
            status: ClaimStatus::parse(&status).ok_or(StoreError::Corrupt("claim status"))?,
            sent_on: sent.map(|d| d.to_string()),
            paid_on: paid.map(|d| d.to_string()),
            denial_reason: reason,
            follow_up_on: follow.map(|d| d.to_string()),
            notes,
            fee_cents: fee,
            estimate_cents: est,
            paid_cents: paid_c,
        });
    }
    Ok(out)
}

/// A patient's claims, newest date of service first.
pub async fn for_patient(db: &Db, patient: PatientId) -> Result<Vec<ClaimSummary>> {
    let sql =
        format!("{SUMMARY_SQL} WHERE c.patient_id = ? ORDER BY c.service_date DESC, c.id DESC");
    let rows = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(patient)
        .fetch_all(&db.reader)
        .await?;
    summaries(db, rows).await
}

/// Claims waiting on the payer that were sent before `sent_before`, oldest first.
pub async fn outstanding(db: &Db, sent_before: NaiveDate) -> Result<Vec<ClaimSummary>> {
    let sql = format!(
        "{SUMMARY_SQL} WHERE c.status IN ('sent', 'received', 'appealed') AND c.sent_on < ? \
         ORDER BY c.sent_on, c.id"
    );
    let rows = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(sent_before)
        .fetch_all(&db.reader)
        .await?;
    summaries(db, rows).await
}

/// Claims made and not sent yet (the unbilled report), oldest date of service first.
pub async fn drafts(db: &Db) -> Result<Vec<ClaimSummary>> {
    let sql = format!("{SUMMARY_SQL} WHERE c.status = 'draft' ORDER BY c.service_date, c.id");
    let rows = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(&db.reader)
        .await?;
    summaries(db, rows).await
}

/// Denied claims, by follow-up date.
pub async fn denied(db: &Db) -> Result<Vec<ClaimSummary>> {
    let sql = format!(
        "{SUMMARY_SQL} WHERE c.status = 'denied' ORDER BY c.follow_up_on IS NULL, c.follow_up_on, c.id"
    );
    let rows = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(&db.reader)
        .await?;
    summaries(db, rows).await
}

/// One claim with its procedures.
pub async fn detail(db: &Db, id: ClaimId) -> Result<ClaimDetail> {
    let sql = format!("{SUMMARY_SQL} WHERE c.id = ?");
    let rows = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_all(&db.reader)
        .await?;
    let summary = summaries(db, rows)
        .await?
        .pop()
        .ok_or(StoreError::NotFound("claim"))?;
    let items = crate::treatment::items(db, summary.patient.id).await?;
    let amounts: Vec<(i64, i64, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT treatment_item_id, fee_cents, estimate_cents, paid_cents, write_off_cents, deductible_cents \
         FROM claim_items WHERE claim_id = ? ORDER BY rowid",
    )
    .bind(id)
    .fetch_all(&db.reader)
    .await?;
    let lines = amounts
        .into_iter()
        .filter_map(|(item, fee, est, paid, wo, ded)| {
            let item = items.iter().find(|i| i.id == item)?.clone();
            Some(ClaimLineView {
                item,
                fee_cents: fee,
                estimate_cents: est,
                paid_cents: paid,
                write_off_cents: wo,
                deductible_cents: ded,
            })
        })
        .collect();
    Ok(ClaimDetail { summary, lines })
}

/// The patient's procedures the plans have settled: on a paid, partially paid or denied claim.
pub async fn settled_items(db: &Db, patient: PatientId) -> Result<Vec<TreatmentItemId>> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT ci.treatment_item_id FROM claim_items ci JOIN claims c ON c.id = ci.claim_id \
         WHERE c.patient_id = ? AND c.status IN ('paid', 'partially_paid', 'denied')",
    )
    .bind(patient)
    .fetch_all(&db.reader)
    .await?)
}

/// Whether every one of `items` is on a paid (or partially paid) claim to `coverage`.
pub async fn paid_by(db: &Db, coverage: CoverageId, items: &[TreatmentItemId]) -> Result<bool> {
    for item in items {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM claim_items ci JOIN claims c ON c.id = ci.claim_id \
             WHERE ci.treatment_item_id = ? AND c.coverage_id = ? AND c.status IN ('paid', 'partially_paid')",
        )
        .bind(item)
        .bind(coverage)
        .fetch_one(&db.reader)
        .await?;
        if n == 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Benefits used under a coverage's subscriber in one benefit year, from the payments posted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BenefitsUsed {
    /// Paid for the patient.
    pub paid: Cents,
    /// Deductible applied for the patient.
    pub deductible: Cents,
    /// Paid for everyone the subscriber covers.
    pub family_paid: Cents,
    /// Deductible applied for everyone the subscriber covers.
    pub family_deductible: Cents,
}

/// Benefits used under `coverage`'s subscriber with dates of service in `[from, to)`.
pub async fn benefits_used(
    db: &Db,
    coverage: CoverageId,
    patient: PatientId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<BenefitsUsed> {
    let mut total = BenefitsUsed::default();
    for (_, u) in benefits_used_by_code(db, coverage, patient, from, to).await? {
        total.paid += u.paid;
        total.deductible += u.deductible;
        total.family_paid += u.family_paid;
        total.family_deductible += u.family_deductible;
    }
    Ok(total)
}

/// [`benefits_used`] per procedure code (in code order), so that what a plan exempts from its
/// maximum can be left out of what counts toward it.
pub async fn benefits_used_by_code(
    db: &Db,
    coverage: CoverageId,
    patient: PatientId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(String, BenefitsUsed)>> {
    let rows: Vec<(String, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT t.code, COALESCE(SUM(CASE WHEN c.patient_id = ? THEN ci.paid_cents END), 0), \
                COALESCE(SUM(CASE WHEN c.patient_id = ? THEN ci.deductible_cents END), 0), \
                COALESCE(SUM(ci.paid_cents), 0), COALESCE(SUM(ci.deductible_cents), 0) \
         FROM claim_items ci JOIN claims c ON c.id = ci.claim_id JOIN coverages cv ON cv.id = c.coverage_id \
              JOIN treatment_items t ON t.id = ci.treatment_item_id \
         WHERE cv.subscriber_id = (SELECT subscriber_id FROM coverages WHERE id = ?) \
           AND c.service_date >= ? AND c.service_date < ? \
         GROUP BY t.code ORDER BY t.code",
    )
    .bind(patient)
    .bind(patient)
    .bind(coverage)
    .bind(from)
    .bind(to)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(code, paid, deductible, family, family_deductible)| {
            (
                code,
                BenefitsUsed {
                    paid: Cents(paid),
                    deductible: Cents(deductible),
                    family_paid: Cents(family),
                    family_deductible: Cents(family_deductible),
                },
            )
        })
        .collect())
}
