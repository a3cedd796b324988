//! Every appointment booked to start in a range, whatever became of it (the appointments report).
use chrono::{DateTime, Utc};
use frontdesk_scheduling::AppointmentStatus;

use crate::schedule::office::json;
use crate::{Db, Result, StoreError};

#[derive(Debug, Clone)]
pub struct BookedVisit {
    pub start: DateTime<Utc>,
    pub provider_id: i64,
    pub status: AppointmentStatus,
    /// When it last changed (a cancelled appointment's cancellation: cancelled is final).
    pub changed_at: DateTime<Utc>,
    /// Procedure codes the visit is booked for.
    pub procedures: Vec<String>,
}

/// Appointments starting in `[from, to)`, by start.
pub async fn booked_between(
    db: &Db,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<BookedVisit>> {
    let rows: Vec<(i64, i64, String, DateTime<Utc>, String)> = sqlx::query_as(
        "SELECT start_epoch, provider_id, status, updated_at, procedures_json FROM appointments \
         WHERE start_epoch >= ? AND start_epoch < ? ORDER BY start_epoch, id",
    )
    .bind(from.timestamp())
    .bind(to.timestamp())
    .fetch_all(&db.reader)
    .await?;
    rows.into_iter()
        .map(|(start, provider_id, status, changed_at, procedures)| {
            Ok(BookedVisit {
                start: DateTime::from_timestamp(start, 0)
                    .ok_or(StoreError::Corrupt("appointment time"))?,
                provider_id,
                status: AppointmentStatus::parse(&status)
                    .ok_or(StoreError::Corrupt("appointment status"))?,
                changed_at,
                procedures: json(&procedures, "appointment procedures")?,
            })
        })
        .collect()
}

/// Provider names by provider id.
pub type ProviderNames = std::collections::HashMap<i64, String>;

/// Every provider's name by id, those no longer active too (their past visits still count).
pub async fn provider_names(db: &Db) -> Result<ProviderNames> {
    let rows: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM providers")
        .fetch_all(&db.reader)
        .await?;
    Ok(rows.into_iter().collect())
}
