//! `preauths` and `preauth_items`: pre-authorizations of planned procedures, their answers, the
//! pending worklist and the approved amounts the estimate uses.
use chrono::{DateTime, NaiveDate, Utc};
use frontdesk_domain::money::Cents;
use frontdesk_domain::PatientId;
use frontdesk_insurance::preauth::{
    ApprovedAmount, Preauth, PreauthChange, PreauthId, PreauthLine, PreauthStatus,
};
use frontdesk_insurance::{CoverageId, TreatmentItemId, TreatmentStatus};

use crate::audit::{self, AuditEvent};
use crate::{family, treatment, Db, Result, StoreError};

/// Creates a draft for planned procedures of the patient.
pub async fn create(
    db: &Db,
    patient: PatientId,
    coverage: CoverageId,
    items: &[TreatmentItemId],
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<PreauthId> {
    if items.is_empty() {
        return Err(StoreError::Refused("choose at least one planned procedure"));
    }
    let mut tx = db.writer.begin().await?;
    crate::coverages::check_patient_coverage(&mut tx, patient, coverage).await?;
    for item in items {
        if treatment::status_of(&mut tx, patient, *item).await? != TreatmentStatus::Planned {
            return Err(StoreError::Refused(
                "pre-authorizations are for planned procedures; completed ones go on a claim",
            ));
        }
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO preauths (patient_id, coverage_id, status, created_on, updated_at, updated_by) \
         VALUES (?, ?, 'draft', ?, ?, ?) RETURNING id",
    )
    .bind(patient)
    .bind(coverage)
    .bind(today)
    .bind(now)
    .bind(actor)
    .fetch_one(&mut *tx)
    .await?;
    for item in items {
        sqlx::query("INSERT INTO preauth_items (preauth_id, treatment_item_id) VALUES (?, ?)")
            .bind(id)
            .bind(item)
            .execute(&mut *tx)
            .await?;
    }
    let event = AuditEvent {
        actor,
        action: "preauth.create",
        entity: "preauth",
        entity_id: Some(id),
        fields: vec![format!("patient:{patient}")],
    };
    audit::insert(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Applies a checked change if the pre-authorization is still in `from` (else `Stale`).
pub async fn apply(
    db: &Db,
    id: PreauthId,
    from: PreauthStatus,
    c: &PreauthChange,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = db.writer.begin().await?;
    let done = sqlx::query(
        "UPDATE preauths SET status = ?, sent_on = COALESCE(?, sent_on), expires_on = COALESCE(?, expires_on), \
         denial_reason = COALESCE(?, denial_reason), updated_at = ?, updated_by = ? WHERE id = ? AND status = ?",
    )
    .bind(c.status.as_str())
    .bind(c.sent_on)
    .bind(c.expires)
    .bind(c.reason.as_deref())
    .bind(now)
    .bind(actor)
    .bind(id)
    .bind(from.as_str())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::Stale);
    }
    for (item, amount) in &c.approved {
        sqlx::query(
            "UPDATE preauth_items SET approved_cents = ? WHERE preauth_id = ? AND treatment_item_id = ?",
        )
        .bind(amount.0)
        .bind(id)
        .bind(item)
        .execute(&mut *tx)
        .await?;
    }
    let event = AuditEvent {
        actor,
        action: "preauth.status",
        entity: "preauth",
        entity_id: Some(id),
        fields: vec![format!("status:{}", c.status.as_str())],
    };
    audit::insert(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(())
}

type Row = (
    i64,
    i64,
    i64,
    String,
    String,
    NaiveDate,
    Option<NaiveDate>,
    Option<NaiveDate>,
    String,
);

const SELECT: &str =
    "SELECT pa.id, pa.patient_id, pa.coverage_id, ca.name || ' - ' || pl.group_name, pa.status, \
    pa.created_on, pa.sent_on, pa.expires_on, pa.denial_reason FROM preauths pa \
    JOIN coverages cv ON cv.id = pa.coverage_id JOIN subscribers s ON s.id = cv.subscriber_id \
    JOIN plans pl ON pl.id = s.plan_id JOIN carriers ca ON ca.id = pl.carrier_id";

async fn build(db: &Db, rows: Vec<Row>, today: NaiveDate) -> Result<Vec<Preauth>> {
    let mut out = Vec::with_capacity(rows.len());
    for (id, patient, coverage_id, plan, status, created, sent, expires, reason) in rows {
        let items = treatment::items(db, patient).await?;
        let approved: Vec<(i64, Option<i64>)> = sqlx::query_as(
            "SELECT treatment_item_id, approved_cents FROM preauth_items WHERE preauth_id = ? ORDER BY rowid",
        )
        .bind(id)
        .fetch_all(&db.reader)
        .await?;
        let status =
            PreauthStatus::parse(&status).ok_or(StoreError::Corrupt("pre-authorization status"))?;
        out.push(Preauth {
            id,
            patient: family::summary(db, patient).await?,
            coverage_id,
            plan,
            status: status.as_of(expires, today),
            created_on: created.to_string(),
            sent_on: sent.map(|d| d.to_string()),
            expires_on: expires.map(|d| d.to_string()),
            denial_reason: reason,
            lines: approved
                .into_iter()
                .filter_map(|(item, cents)| {
                    Some(PreauthLine {
                        item: items.iter().find(|i| i.id == item)?.clone(),
                        approved_cents: cents,
                    })
                })
                .collect(),
        });
    }
    Ok(out)
}

pub async fn for_patient(db: &Db, patient: PatientId, today: NaiveDate) -> Result<Vec<Preauth>> {
    let sql = format!("{SELECT} WHERE pa.patient_id = ? ORDER BY pa.id DESC");
    let rows = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(patient)
        .fetch_all(&db.reader)
        .await?;
    build(db, rows, today).await
}

pub async fn get(db: &Db, id: PreauthId, today: NaiveDate) -> Result<Preauth> {
    let sql = format!("{SELECT} WHERE pa.id = ?");
    let rows = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_all(&db.reader)
        .await?;
    build(db, rows, today)
        .await?
        .pop()
        .ok_or(StoreError::NotFound("pre-authorization"))
}

/// Sent and unanswered since before `sent_before`, oldest first.
pub async fn pending(db: &Db, sent_before: NaiveDate, today: NaiveDate) -> Result<Vec<Preauth>> {
    let sql =
        format!("{SELECT} WHERE pa.status = 'sent' AND pa.sent_on < ? ORDER BY pa.sent_on, pa.id");
    let rows = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(sent_before)
        .fetch_all(&db.reader)
        .await?;
    build(db, rows, today).await
}

/// Approved amounts for the patient's procedures still in force on `day`.
pub async fn approved_amounts(
    db: &Db,
    patient: PatientId,
    day: NaiveDate,
) -> Result<Vec<ApprovedAmount>> {
    let rows: Vec<(i64, i64, i64, i64, NaiveDate)> = sqlx::query_as(
        "SELECT pa.id, pa.coverage_id, pi.treatment_item_id, pi.approved_cents, pa.expires_on \
         FROM preauth_items pi JOIN preauths pa ON pa.id = pi.preauth_id \
         WHERE pa.patient_id = ? AND pa.status = 'approved' AND pi.approved_cents IS NOT NULL \
           AND pa.expires_on >= ? ORDER BY pa.id",
    )
    .bind(patient)
    .bind(day)
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(preauth, coverage_id, item, cents, expires)| ApprovedAmount {
                preauth,
                coverage_id,
                item,
                amount: Cents(cents),
                expires,
            },
        )
        .collect())
}
