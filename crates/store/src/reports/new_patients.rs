//! Patients whose first completed visit falls in a range, with the referral source on their
//! record (the new-patients and referrals reports).
use chrono::{DateTime, Utc};
use frontdesk_domain::PatientId;

use crate::{Db, Result, StoreError};

/// (patient, start of their first completed visit, referral source as typed) for the patients
/// whose first completed visit starts in `[from, to)`, by that visit.
pub async fn first_visits_between(
    db: &Db,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(PatientId, DateTime<Utc>, String)>> {
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT f.patient_id, f.first_start, p.referral_source FROM \
           (SELECT patient_id, MIN(start_epoch) AS first_start FROM appointments \
             WHERE status = 'completed' GROUP BY patient_id) f \
         JOIN patients p ON p.id = f.patient_id \
         WHERE f.first_start >= ? AND f.first_start < ? ORDER BY f.first_start, f.patient_id",
    )
    .bind(from.timestamp())
    .bind(to.timestamp())
    .fetch_all(&db.reader)
    .await?;
    rows.into_iter()
        .map(|(p, start, source)| {
            Ok((
                p,
                DateTime::from_timestamp(start, 0)
                    .ok_or(StoreError::Corrupt("appointment time"))?,
                source,
            ))
        })
        .collect()
}
