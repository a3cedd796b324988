//! Recall: recall types, each patient's matching completed procedures (the last one, or all),
//! the next matching visit booked, and the cancelled or missed appointments nobody rebooked (the
//! unscheduled list).
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use frontdesk_domain::PatientId;
use frontdesk_scheduling::RecallType;

use crate::schedule::StoredAppointment;
use crate::{Db, Result, StoreError};

pub async fn add_recall_type(db: &Db, r: &RecallType) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO recall_types (name, interval_months, procedure_codes_json) VALUES (?, ?, ?) RETURNING id",
    )
    .bind(&r.name)
    .bind(i64::from(r.interval_months))
    .bind(serde_json::to_string(&r.procedure_codes).expect("serializes"))
    .fetch_one(&db.writer)
    .await?)
}

pub async fn update_recall_type(db: &Db, r: &RecallType) -> Result<()> {
    let done = sqlx::query(
        "UPDATE recall_types SET name = ?, interval_months = ?, procedure_codes_json = ? WHERE id = ?",
    )
    .bind(&r.name)
    .bind(i64::from(r.interval_months))
    .bind(serde_json::to_string(&r.procedure_codes).expect("serializes"))
    .bind(r.id)
    .execute(&db.writer)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound("recall type"));
    }
    Ok(())
}

pub async fn recall_types(db: &Db) -> Result<Vec<RecallType>> {
    let rows: Vec<(i64, String, i64, String)> = sqlx::query_as(
        "SELECT id, name, interval_months, procedure_codes_json FROM recall_types ORDER BY name",
    )
    .fetch_all(&db.reader)
    .await?;
    rows.into_iter()
        .map(|(id, name, months, codes)| {
            Ok(RecallType {
                id,
                name,
                interval_months: u32::try_from(months).unwrap_or(6),
                procedure_codes: serde_json::from_str(&codes)
                    .map_err(|_| StoreError::Corrupt("recall codes"))?,
            })
        })
        .collect()
}

/// `?, ?, …` for `codes`, and the codes as bound: trimmed, upper-case (stored codes are).
fn code_marks(codes: &[String]) -> (String, Vec<String>) {
    (
        vec!["?"; codes.len()].join(", "),
        codes.iter().map(|c| c.trim().to_uppercase()).collect(),
    )
}

/// For every patient who ever had one of `codes` completed: the latest date (not archived patients).
pub async fn last_done(db: &Db, codes: &[String]) -> Result<Vec<(PatientId, NaiveDate)>> {
    completed(
        db,
        codes,
        "t.patient_id, MAX(t.completed_on)",
        "GROUP BY t.patient_id",
    )
    .await
}

/// Every (patient, date) on which one of `codes` was completed, by patient then date (not
/// archived patients): the recall report's history of visits.
pub async fn visits(db: &Db, codes: &[String]) -> Result<Vec<(PatientId, NaiveDate)>> {
    completed(
        db,
        codes,
        "DISTINCT t.patient_id, t.completed_on",
        "ORDER BY t.patient_id, t.completed_on",
    )
    .await
}

/// `select` and `tail` are one of the two fixed clauses above, never outside input.
async fn completed(
    db: &Db,
    codes: &[String],
    select: &'static str,
    tail: &'static str,
) -> Result<Vec<(PatientId, NaiveDate)>> {
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    let (marks, codes) = code_marks(codes);
    let sql = format!(
        "SELECT {select} FROM treatment_items t JOIN patients p ON p.id = t.patient_id \
         WHERE t.status = 'completed' AND t.code IN ({marks}) AND p.status <> 'archived' {tail}"
    );
    let mut q = sqlx::query_as::<_, (i64, NaiveDate)>(sqlx::AssertSqlSafe(sql));
    for c in codes {
        q = q.bind(c);
    }
    Ok(q.fetch_all(&db.reader).await?)
}

/// Each patient's next appointment, at or after `from`, that holds time and whose type includes
/// one of `codes` (a visit that will satisfy the recall; another kind of visit does not).
pub async fn next_booked(
    db: &Db,
    from: DateTime<Utc>,
    codes: &[String],
) -> Result<HashMap<PatientId, DateTime<Utc>>> {
    if codes.is_empty() {
        return Ok(HashMap::new());
    }
    let (marks, codes) = code_marks(codes);
    let sql = format!(
        "SELECT a.patient_id, MIN(a.start_epoch) FROM appointments a JOIN appointment_types t ON t.id = a.type_id \
         WHERE a.start_epoch >= ? AND a.status IN ('scheduled', 'confirmed') \
           AND EXISTS (SELECT 1 FROM json_each(t.procedure_codes_json) j WHERE upper(j.value) IN ({marks})) \
         GROUP BY a.patient_id"
    );
    let mut q = sqlx::query_as::<_, (i64, i64)>(sqlx::AssertSqlSafe(sql)).bind(from.timestamp());
    for c in codes {
        q = q.bind(c);
    }
    q.fetch_all(&db.reader)
        .await?
        .into_iter()
        .map(|(p, s)| {
            let start =
                DateTime::from_timestamp(s, 0).ok_or(StoreError::Corrupt("appointment time"))?;
            Ok((p, start))
        })
        .collect()
}

/// Appointments cancelled or missed since `since` whose patient has nothing booked after them.
pub async fn unscheduled(db: &Db, since: DateTime<Utc>) -> Result<Vec<StoredAppointment>> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT a.id FROM appointments a WHERE a.status IN ('cancelled', 'broken') AND a.start_epoch >= ? \
         AND NOT EXISTS (SELECT 1 FROM appointments b WHERE b.patient_id = a.patient_id \
             AND b.status IN ('scheduled', 'confirmed', 'arrived', 'seated', 'completed') AND b.start_epoch > a.start_epoch) \
         ORDER BY a.start_epoch DESC LIMIT 500",
    )
    .bind(since.timestamp())
    .fetch_all(&db.reader)
    .await?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push(crate::schedule::get(db, id).await?);
    }
    Ok(out)
}
