//! `contact_log`: the append-only communication log.
use chrono::{DateTime, Utc};
use frontdesk_domain::contact_log::{
    ContactDraft, ContactEntry, ContactMethodUsed, ContactOutcome,
};
use frontdesk_domain::PatientId;

use crate::{Db, Result, StoreError};

pub async fn add(
    db: &Db,
    patient: PatientId,
    appointment: Option<i64>,
    d: &ContactDraft,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO contact_log (patient_id, appointment_id, at, actor, method, outcome, note) \
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(patient)
    .bind(appointment)
    .bind(now)
    .bind(actor)
    .bind(d.method.as_str())
    .bind(d.outcome.as_str())
    .bind(&d.note)
    .fetch_one(&db.writer)
    .await?)
}

type Row = (
    i64,
    i64,
    Option<i64>,
    DateTime<Utc>,
    String,
    String,
    String,
    String,
);

fn entry(r: Row) -> Result<ContactEntry> {
    Ok(ContactEntry {
        id: r.0,
        patient_id: r.1,
        appointment_id: r.2,
        at: r.3,
        actor: r.4,
        method: ContactMethodUsed::parse(&r.5).ok_or(StoreError::Corrupt("contact method"))?,
        outcome: ContactOutcome::parse(&r.6).ok_or(StoreError::Corrupt("contact outcome"))?,
        note: r.7,
    })
}

/// The patient's log, newest first.
pub async fn for_patient(db: &Db, patient: PatientId, limit: i64) -> Result<Vec<ContactEntry>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, patient_id, appointment_id, at, actor, method, outcome, note FROM contact_log \
         WHERE patient_id = ? ORDER BY at DESC, id DESC LIMIT ?",
    )
    .bind(patient)
    .bind(limit)
    .fetch_all(&db.reader)
    .await?;
    rows.into_iter().map(entry).collect()
}

/// The latest entry about an appointment, if any.
pub async fn latest_for_appointment(db: &Db, appointment: i64) -> Result<Option<ContactEntry>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, patient_id, appointment_id, at, actor, method, outcome, note FROM contact_log \
         WHERE appointment_id = ? ORDER BY at DESC, id DESC LIMIT 1",
    )
    .bind(appointment)
    .fetch_optional(&db.reader)
    .await?;
    row.map(entry).transpose()
}
