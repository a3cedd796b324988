//! The rows behind the recall report: every completed recall procedure of the patients still on
//! the books, the next recall visit each has booked, and the appointments made around the visits.
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use frontdesk_domain::PatientId;

use crate::{Db, Result, StoreError};

fn marks(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// Every (patient, date) on which one of `codes` was completed, by patient then date (patients
/// not archived).
pub async fn visits(db: &Db, codes: &[String]) -> Result<Vec<(PatientId, NaiveDate)>> {
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT DISTINCT t.patient_id, t.completed_on FROM treatment_items t \
         JOIN patients p ON p.id = t.patient_id \
         WHERE t.status = 'completed' AND t.code IN ({}) AND p.status <> 'archived' \
         ORDER BY t.patient_id, t.completed_on",
        marks(codes.len())
    );
    let mut q = sqlx::query_as::<_, (i64, NaiveDate)>(sqlx::AssertSqlSafe(sql));
    for c in codes {
        q = q.bind(c.trim().to_uppercase());
    }
    Ok(q.fetch_all(&db.reader).await?)
}

/// Each patient's next scheduled or confirmed appointment from `from` whose type includes one of
/// `codes` (as the recall list counts "booked").
pub async fn next_booked(
    db: &Db,
    from: DateTime<Utc>,
    codes: &[String],
) -> Result<HashMap<PatientId, DateTime<Utc>>> {
    if codes.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT a.patient_id, MIN(a.start_epoch) FROM appointments a \
         JOIN appointment_types t ON t.id = a.type_id \
         WHERE a.start_epoch >= ? AND a.status IN ('scheduled', 'confirmed') \
           AND EXISTS (SELECT 1 FROM json_each(t.procedure_codes_json) j WHERE upper(j.value) IN ({})) \
         GROUP BY a.patient_id",
        marks(codes.len())
    );
    let mut q = sqlx::query_as::<_, (i64, i64)>(sqlx::AssertSqlSafe(sql)).bind(from.timestamp());
    for c in codes {
        q = q.bind(c.trim().to_uppercase());
    }
    q.fetch_all(&db.reader)
        .await?
        .into_iter()
        .map(|(p, s)| {
            Ok((
                p,
                DateTime::from_timestamp(s, 0).ok_or(StoreError::Corrupt("appointment time"))?,
            ))
        })
        .collect()
}

/// Appointments made before `made_before` that start at or after `starting_from`, as (made at,
/// starts at) by patient: whether a patient left a visit with the next one booked.
pub async fn made_and_starting(
    db: &Db,
    starting_from: DateTime<Utc>,
    made_before: DateTime<Utc>,
) -> Result<HashMap<PatientId, Vec<(DateTime<Utc>, DateTime<Utc>)>>> {
    let rows: Vec<(i64, DateTime<Utc>, i64)> = sqlx::query_as(
        "SELECT patient_id, created_at, start_epoch FROM appointments \
         WHERE start_epoch >= ? AND created_at < ?",
    )
    .bind(starting_from.timestamp())
    .bind(made_before)
    .fetch_all(&db.reader)
    .await?;
    let mut out: HashMap<PatientId, Vec<_>> = HashMap::new();
    for (p, made, start) in rows {
        let start =
            DateTime::from_timestamp(start, 0).ok_or(StoreError::Corrupt("appointment time"))?;
        out.entry(p).or_default().push((made, start));
    }
    Ok(out)
}
