//! `asap_requests`: the ASAP list.
use chrono::{DateTime, Utc};
use frontdesk_domain::PatientId;
use frontdesk_scheduling::Preferences;

use crate::{Db, Result, StoreError};

#[derive(Debug, Clone)]
pub struct AsapRow {
    pub id: i64,
    pub patient_id: PatientId,
    pub appointment_id: Option<i64>,
    pub type_id: i64,
    pub provider_id: Option<i64>,
    pub preferences: Preferences,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

#[allow(clippy::too_many_arguments)]
pub async fn add(
    db: &Db,
    patient: PatientId,
    appointment: Option<i64>,
    type_id: i64,
    provider: Option<i64>,
    preferences: &Preferences,
    note: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO asap_requests (patient_id, appointment_id, type_id, provider_id, preferences_json, note, \
         created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(patient)
    .bind(appointment)
    .bind(type_id)
    .bind(provider)
    .bind(serde_json::to_string(preferences).expect("serializes"))
    .bind(note)
    .bind(now)
    .bind(actor)
    .fetch_one(&db.writer)
    .await?)
}

/// Takes a request off the list (kept, inactive).
pub async fn close(db: &Db, id: i64) -> Result<()> {
    let done = sqlx::query("UPDATE asap_requests SET active = 0 WHERE id = ?")
        .bind(id)
        .execute(&db.writer)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound("ASAP request"));
    }
    Ok(())
}

/// Active requests, oldest first (first come, first served).
pub async fn active(db: &Db) -> Result<Vec<AsapRow>> {
    type Row = (
        i64,
        i64,
        Option<i64>,
        i64,
        Option<i64>,
        String,
        String,
        DateTime<Utc>,
    );
    let rows: Vec<Row> =
        sqlx::query_as(
            "SELECT id, patient_id, appointment_id, type_id, provider_id, preferences_json, note, created_at \
             FROM asap_requests WHERE active = 1 ORDER BY created_at, id",
        )
        .fetch_all(&db.reader)
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(AsapRow {
                id: r.0,
                patient_id: r.1,
                appointment_id: r.2,
                type_id: r.3,
                provider_id: r.4,
                preferences: serde_json::from_str(&r.5)
                    .map_err(|_| StoreError::Corrupt("ASAP preferences"))?,
                note: r.6,
                created_at: r.7,
            })
        })
        .collect()
}
