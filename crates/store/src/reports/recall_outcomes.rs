//! The rows behind the recall report besides the recall module's (every completed recall
//! procedure, the next recall visit booked): the appointments made around the visits.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use frontdesk_domain::PatientId;

use crate::{Db, Result, StoreError};

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
