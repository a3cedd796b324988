//! `subscribers` and `coverages`: who is insured under which plan with which member ID, and which
//! patients that covers, as primary or secondary, from when to when.
use chrono::{DateTime, NaiveDate, Utc};
use frontdesk_domain::{PatientId, Relationship};
use frontdesk_insurance::coverage::ValidCoverage;
use frontdesk_insurance::{Coverage, CoverageDraft, CoverageId, Plan, Rank};

use crate::audit::{self, AuditEvent};
use crate::insurance_plans::{plan_from, PlanRow, PLAN_COLUMNS};
use crate::{Db, Result, StoreError};

/// `NotFound("coverage")` unless `coverage` is one of the patient's.
pub(crate) async fn check_patient_coverage(
    conn: &mut sqlx::SqliteConnection,
    patient: PatientId,
    coverage: CoverageId,
) -> Result<()> {
    let covered: i64 =
        sqlx::query_scalar("SELECT count(*) FROM coverages WHERE id = ? AND patient_id = ?")
            .bind(coverage)
            .bind(patient)
            .fetch_one(conn)
            .await?;
    if covered == 0 {
        return Err(StoreError::NotFound("coverage"));
    }
    Ok(())
}

async fn exists(tx: &mut sqlx::SqliteConnection, table: &'static str, id: i64) -> Result<bool> {
    let sql = format!("SELECT count(*) FROM {table} WHERE id = ?");
    let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_one(tx)
        .await?;
    Ok(n > 0)
}

/// Adds (`id` None) or changes a coverage of `patient`. The subscriber row for (plan, insured
/// person) is found or made, and its member ID set. A patient has at most one primary and one
/// secondary coverage in force on any day.
pub async fn save_coverage(
    db: &Db,
    id: Option<CoverageId>,
    patient: PatientId,
    v: &ValidCoverage,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<CoverageId> {
    let d = &v.draft;
    let mut tx = db.writer.begin().await?;
    for (table, what, id) in [
        ("patients", "patient", patient),
        ("patients", "subscriber", d.subscriber_id),
        ("plans", "plan", d.plan_id),
    ] {
        if !exists(&mut tx, table, id).await? {
            return Err(StoreError::NotFound(what));
        }
    }
    let overlapping: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM coverages WHERE patient_id = ? AND rank = ? AND id IS NOT ? \
         AND effective <= COALESCE(?, '9999-12-31') AND COALESCE(termination, '9999-12-31') >= ?",
    )
    .bind(patient)
    .bind(d.rank.number())
    .bind(id)
    .bind(v.termination)
    .bind(v.effective)
    .fetch_one(&mut *tx)
    .await?;
    if overlapping > 0 {
        return Err(StoreError::Refused(
            "the patient already has a coverage of that rank (primary or secondary) in those dates; end it first",
        ));
    }
    let subscriber: i64 = sqlx::query_scalar(
        "INSERT INTO subscribers (plan_id, patient_id, member_id) VALUES (?, ?, ?) \
         ON CONFLICT (plan_id, patient_id) DO UPDATE SET member_id = excluded.member_id RETURNING id",
    )
    .bind(d.plan_id)
    .bind(d.subscriber_id)
    .bind(&d.member_id)
    .fetch_one(&mut *tx)
    .await?;
    let id = match id {
        None => sqlx::query_scalar(
            "INSERT INTO coverages (patient_id, subscriber_id, relationship, rank, effective, termination, \
             updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(patient)
        .bind(subscriber)
        .bind(d.relationship.as_str())
        .bind(d.rank.number())
        .bind(v.effective)
        .bind(v.termination)
        .bind(now)
        .bind(actor)
        .fetch_one(&mut *tx)
        .await?,
        Some(id) => {
            let done = sqlx::query(
                "UPDATE coverages SET subscriber_id = ?, relationship = ?, rank = ?, effective = ?, termination = ?, \
                 updated_at = ?, updated_by = ? WHERE id = ? AND patient_id = ?",
            )
            .bind(subscriber)
            .bind(d.relationship.as_str())
            .bind(d.rank.number())
            .bind(v.effective)
            .bind(v.termination)
            .bind(now)
            .bind(actor)
            .bind(id)
            .bind(patient)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound("coverage"));
            }
            id
        }
    };
    let event = AuditEvent {
        actor,
        action: "coverage.save",
        entity: "patient",
        entity_id: Some(patient),
        fields: vec![format!("coverage:{id}")],
    };
    audit::insert(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(id)
}

const COVERAGE_COLUMNS: &str =
    "cv.id, cv.patient_id, s.plan_id, s.patient_id, s.member_id, cv.relationship, \
    cv.rank, cv.effective, cv.termination, sp.last_name || ', ' || sp.first_name";

type CoverageRow = (
    i64,
    i64,
    i64,
    i64,
    String,
    String,
    i64,
    NaiveDate,
    Option<NaiveDate>,
    String,
);

fn coverage_from(r: CoverageRow, plan: &Plan) -> Result<Coverage> {
    let (
        id,
        patient_id,
        plan_id,
        subscriber_id,
        member_id,
        rel,
        rank,
        effective,
        termination,
        sub_name,
    ) = r;
    Ok(Coverage {
        id,
        patient_id,
        plan_label: plan.label(),
        subscriber_name: sub_name,
        details: CoverageDraft {
            plan_id,
            subscriber_id,
            member_id,
            relationship: Relationship::parse(&rel).ok_or(StoreError::Corrupt("relationship"))?,
            rank: Rank::from_number(rank).ok_or(StoreError::Corrupt("coverage rank"))?,
            effective: effective.to_string(),
            termination: termination.map(|t| t.to_string()).unwrap_or_default(),
        },
        last_verified: None,
        verification_due: None,
    })
}

/// A patient's coverages with their plans: primary first, newest first within a rank.
pub async fn coverages_with_plans(db: &Db, patient: PatientId) -> Result<Vec<(Coverage, Plan)>> {
    let sql = format!(
        "SELECT {COVERAGE_COLUMNS}, {PLAN_COLUMNS} FROM coverages cv \
         JOIN subscribers s ON s.id = cv.subscriber_id JOIN patients sp ON sp.id = s.patient_id \
         JOIN plans pl ON pl.id = s.plan_id JOIN carriers c ON c.id = pl.carrier_id \
         WHERE cv.patient_id = ? ORDER BY cv.rank, cv.effective DESC, cv.id DESC"
    );
    let rows: Vec<sqlx::sqlite::SqliteRow> = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(patient)
        .fetch_all(&db.reader)
        .await?;
    let mut out = rows.iter().map(split_row).collect::<Result<Vec<_>>>()?;
    for (c, _) in &mut out {
        with_verification(db, c).await?;
    }
    Ok(out)
}

/// Fills in the coverage's latest verification date and when it is due again.
async fn with_verification(db: &Db, c: &mut Coverage) -> Result<()> {
    let latest: Option<(NaiveDate, NaiveDate)> = sqlx::query_as(
        "SELECT verified_on, next_due FROM verifications WHERE coverage_id = ? \
         ORDER BY verified_on DESC, id DESC LIMIT 1",
    )
    .bind(c.id)
    .fetch_optional(&db.reader)
    .await?;
    c.last_verified = latest.map(|(v, _)| v.to_string());
    c.verification_due = latest.map(|(_, d)| d.to_string());
    Ok(())
}

/// One coverage with its plan.
pub async fn coverage_with_plan(db: &Db, id: CoverageId) -> Result<(Coverage, Plan)> {
    let sql = format!(
        "SELECT {COVERAGE_COLUMNS}, {PLAN_COLUMNS} FROM coverages cv \
         JOIN subscribers s ON s.id = cv.subscriber_id JOIN patients sp ON sp.id = s.patient_id \
         JOIN plans pl ON pl.id = s.plan_id JOIN carriers c ON c.id = pl.carrier_id WHERE cv.id = ?"
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&db.reader)
        .await?
        .ok_or(StoreError::NotFound("coverage"))?;
    let (mut c, p) = split_row(&row)?;
    with_verification(db, &mut c).await?;
    Ok((c, p))
}

fn split_row(row: &sqlx::sqlite::SqliteRow) -> Result<(Coverage, Plan)> {
    use sqlx::Row;
    let c: CoverageRow = (
        row.try_get(0)?,
        row.try_get(1)?,
        row.try_get(2)?,
        row.try_get(3)?,
        row.try_get(4)?,
        row.try_get(5)?,
        row.try_get(6)?,
        row.try_get(7)?,
        row.try_get(8)?,
        row.try_get(9)?,
    );
    let p: PlanRow = (
        row.try_get(10)?,
        row.try_get(11)?,
        row.try_get(12)?,
        row.try_get(13)?,
        row.try_get(14)?,
        row.try_get(15)?,
        row.try_get(16)?,
        row.try_get(17)?,
    );
    let plan = plan_from(p)?;
    Ok((coverage_from(c, &plan)?, plan))
}
