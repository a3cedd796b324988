//! Appointments: reads of a window, a patient's upcoming visits and counts, booking and moving
//! (checked by the rules against the appointments around it inside one `BEGIN IMMEDIATE`
//! transaction, so two windows cannot both take one slot), and status changes.
use chrono::{DateTime, Utc};
use frontdesk_domain::PatientId;
use frontdesk_scheduling::{
    Appointment, AppointmentId, AppointmentStatus, Booking, BookingError, Office, StatusChange,
};

use super::office::json;
use crate::audit::{self, AuditEvent};
use crate::{Db, Result, StoreError};

/// An appointment with who it is for and the notes.
#[derive(Debug, Clone)]
pub struct StoredAppointment {
    pub appointment: Appointment,
    pub patient_id: PatientId,
    pub notes: String,
    pub cancel_reason: String,
    pub checked_in_at: Option<DateTime<Utc>>,
    /// Procedure codes the visit is booked for.
    pub procedures: Vec<String>,
}

const COLUMNS: &str =
    "id, patient_id, start_epoch, end_epoch, provider_id, operatory_id, devices_json, type_id, \
    status, notes, cancel_reason, checked_in_at, procedures_json";

type Row = (
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    String,
    i64,
    String,
    String,
    String,
    Option<DateTime<Utc>>,
    String,
);

fn from_row(r: Row) -> Result<StoredAppointment> {
    let (
        id,
        patient,
        start,
        end,
        provider,
        operatory,
        devices,
        type_id,
        status,
        notes,
        reason,
        checked_in,
        procedures,
    ) = r;
    Ok(StoredAppointment {
        appointment: Appointment {
            id,
            start: DateTime::from_timestamp(start, 0)
                .ok_or(StoreError::Corrupt("appointment time"))?,
            minutes: u32::try_from((end - start) / 60)
                .map_err(|_| StoreError::Corrupt("appointment length"))?,
            provider,
            operatory,
            devices: json(&devices, "appointment devices")?,
            type_id,
            status: AppointmentStatus::parse(&status)
                .ok_or(StoreError::Corrupt("appointment status"))?,
        },
        patient_id: patient,
        notes,
        cancel_reason: reason,
        checked_in_at: checked_in,
        procedures: json(&procedures, "appointment procedures")?,
    })
}

/// An appointment lasts at most 12 hours, so one overlapping `from` started after this: the
/// lower bound that lets the start index find a window instead of scanning all earlier years.
fn earliest_start(from: DateTime<Utc>) -> i64 {
    from.timestamp() - i64::from(frontdesk_scheduling::MAX_MINUTES) * 60 - 1
}

async fn overlapping(
    conn: &mut sqlx::SqliteConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<StoredAppointment>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM appointments WHERE start_epoch < ? AND start_epoch > ? AND end_epoch > ? \
         ORDER BY start_epoch, id"
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(to.timestamp())
        .bind(earliest_start(from))
        .bind(from.timestamp())
        .fetch_all(conn)
        .await?;
    rows.into_iter().map(from_row).collect()
}

/// Appointments overlapping `[from, to)`, by start.
pub async fn between(
    db: &Db,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<StoredAppointment>> {
    let mut conn = db.reader.acquire().await?;
    overlapping(&mut conn, from, to).await
}

/// Appointments in `[from, to)` that can stand in a request's way: the provider's, or in one of
/// `operatories` (all operatories when empty), or any when `all` (e.g. devices are requested).
pub async fn for_request(
    db: &Db,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    provider: i64,
    operatories: &[i64],
    all: bool,
) -> Result<Vec<Appointment>> {
    if all || operatories.is_empty() {
        return Ok(between(db, from, to)
            .await?
            .into_iter()
            .map(|a| a.appointment)
            .collect());
    }
    let marks = vec!["?"; operatories.len()].join(", ");
    let sql = format!(
        "SELECT {COLUMNS} FROM appointments WHERE start_epoch < ? AND start_epoch > ? AND end_epoch > ? \
         AND (provider_id = ? OR operatory_id IN ({marks})) ORDER BY start_epoch, id"
    );
    let mut q = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql))
        .bind(to.timestamp())
        .bind(earliest_start(from))
        .bind(from.timestamp())
        .bind(provider);
    for o in operatories {
        q = q.bind(o);
    }
    q.fetch_all(&db.reader)
        .await?
        .into_iter()
        .map(|r| from_row(r).map(|a| a.appointment))
        .collect()
}

/// Writes many appointments at once without checking them (benchmark and import fixtures only:
/// the caller guarantees they do not conflict).
pub async fn insert_unchecked(
    db: &Db,
    rows: &[(PatientId, Appointment)],
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = db.writer.begin().await?;
    for (patient, a) in rows {
        sqlx::query(
            "INSERT INTO appointments (patient_id, start_epoch, end_epoch, provider_id, operatory_id, type_id, \
             status, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, 'import')",
        )
        .bind(patient)
        .bind(a.start.timestamp())
        .bind(a.start.timestamp() + i64::from(a.minutes) * 60)
        .bind(a.provider)
        .bind(a.operatory)
        .bind(a.type_id)
        .bind(a.status.as_str())
        .bind(now)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The patient's appointments that start at or after `from`, by start.
pub async fn upcoming_for(
    db: &Db,
    patient: PatientId,
    from: DateTime<Utc>,
) -> Result<Vec<StoredAppointment>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM appointments WHERE patient_id = ? AND start_epoch >= ? \
         ORDER BY start_epoch, id LIMIT 50"
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(patient)
        .bind(from.timestamp())
        .fetch_all(&db.reader)
        .await?;
    rows.into_iter().map(from_row).collect()
}

/// How many of the patient's appointments were missed (broken), cancelled, and cancelled late
/// (less than 24 hours before they were to start).
pub async fn missed_and_cancelled(db: &Db, patient: PatientId) -> Result<(i64, i64, i64)> {
    Ok(sqlx::query_as(
        "SELECT COALESCE(SUM(status = 'broken'), 0), COALESCE(SUM(status = 'cancelled'), 0), \
                COALESCE(SUM(status = 'cancelled' AND start_epoch - CAST(strftime('%s', updated_at) AS INTEGER) < 86400), 0) \
         FROM appointments WHERE patient_id = ?",
    )
    .bind(patient)
    .fetch_one(&db.reader)
    .await?)
}

pub async fn get(db: &Db, id: AppointmentId) -> Result<StoredAppointment> {
    let sql = format!("SELECT {COLUMNS} FROM appointments WHERE id = ?");
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&db.reader)
        .await?;
    row.map(from_row)
        .transpose()?
        .ok_or(StoreError::NotFound("appointment"))
}

/// Why a booking was not written.
#[derive(Debug)]
pub enum BookError {
    Rules(BookingError),
    Store(StoreError),
}

impl From<StoreError> for BookError {
    fn from(e: StoreError) -> Self {
        BookError::Store(e)
    }
}

impl From<sqlx::Error> for BookError {
    fn from(e: sqlx::Error) -> Self {
        BookError::Store(e.into())
    }
}

/// Checks `booking` against the appointments around it and writes it (insert, or move when
/// `booking.moving` is set), all in one `BEGIN IMMEDIATE` transaction.
#[allow(clippy::too_many_arguments)]
pub async fn book(
    db: &Db,
    office: &Office,
    patient: PatientId,
    booking: &Booking,
    procedures: &[String],
    notes: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> std::result::Result<AppointmentId, BookError> {
    let mut conn = db.writer.acquire().await?;
    sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await?;
    let result = book_in(
        &mut conn, office, patient, booking, procedures, notes, actor, now,
    )
    .await;
    let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
    sqlx::query(end).execute(&mut *conn).await?;
    result
}

#[allow(clippy::too_many_arguments)]
async fn book_in(
    conn: &mut sqlx::SqliteConnection,
    office: &Office,
    patient: PatientId,
    booking: &Booking,
    procedures: &[String],
    notes: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> std::result::Result<AppointmentId, BookError> {
    let found: i64 = sqlx::query_scalar("SELECT count(*) FROM patients WHERE id = ?")
        .bind(patient)
        .fetch_one(&mut *conn)
        .await?;
    if found == 0 {
        return Err(StoreError::NotFound("patient").into());
    }
    let span = booking.span();
    let around = overlapping(
        conn,
        span.start - chrono::Duration::hours(1),
        span.end + chrono::Duration::hours(1),
    )
    .await?;
    let existing: Vec<Appointment> = around.into_iter().map(|a| a.appointment).collect();
    frontdesk_scheduling::check_booking(booking, &existing, office).map_err(BookError::Rules)?;
    let devices = serde_json::to_string(&booking.devices).expect("serializes");
    let procedures = serde_json::to_string(procedures).expect("serializes");
    let start = booking.start.timestamp();
    let end = start + i64::from(booking.minutes) * 60;
    let (id, action) = match booking.moving {
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO appointments (patient_id, start_epoch, end_epoch, provider_id, operatory_id, devices_json, \
                 type_id, status, notes, procedures_json, created_at, created_by, updated_at, updated_by) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?, ?, ?) RETURNING id",
            )
            .bind(patient)
            .bind(start)
            .bind(end)
            .bind(booking.provider)
            .bind(booking.operatory)
            .bind(&devices)
            .bind(booking.type_id)
            .bind(notes)
            .bind(&procedures)
            .bind(now)
            .bind(actor)
            .bind(now)
            .bind(actor)
            .fetch_one(&mut *conn)
            .await?;
            (id, "appointment.book")
        }
        Some(id) => {
            let done = sqlx::query(
                "UPDATE appointments SET start_epoch = ?, end_epoch = ?, provider_id = ?, operatory_id = ?, \
                 devices_json = ?, type_id = ?, notes = ?, procedures_json = ?, updated_at = ?, updated_by = ? \
                 WHERE id = ? AND patient_id = ? AND status IN ('scheduled', 'confirmed')",
            )
            .bind(start)
            .bind(end)
            .bind(booking.provider)
            .bind(booking.operatory)
            .bind(&devices)
            .bind(booking.type_id)
            .bind(notes)
            .bind(&procedures)
            .bind(now)
            .bind(actor)
            .bind(id)
            .bind(patient)
            .execute(&mut *conn)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::Refused(
                    "only a scheduled or confirmed appointment of this patient can be moved",
                )
                .into());
            }
            (id, "appointment.move")
        }
    };
    let event = AuditEvent {
        actor,
        action,
        entity: "appointment",
        entity_id: Some(id),
        fields: vec![format!("patient:{patient}")],
    };
    audit::insert(conn, &event, now).await?;
    Ok(id)
}

/// Writes a checked status change if the appointment is still in `from` (else `Stale`).
pub async fn set_status(
    db: &Db,
    id: AppointmentId,
    from: AppointmentStatus,
    change: &StatusChange,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = db.writer.begin().await?;
    let column = match change.status {
        AppointmentStatus::Arrived => Some("checked_in_at"),
        AppointmentStatus::Seated => Some("seated_at"),
        AppointmentStatus::Completed => Some("checked_out_at"),
        _ => None,
    };
    let sql = format!(
        "UPDATE appointments SET status = ?, cancel_reason = COALESCE(?, cancel_reason), {} \
         updated_at = ?, updated_by = ? WHERE id = ? AND status = ?",
        column.map(|c| format!("{c} = ?,")).unwrap_or_default()
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(change.status.as_str())
        .bind(change.reason.as_deref());
    if column.is_some() {
        q = q.bind(change.at);
    }
    let done = q
        .bind(now)
        .bind(actor)
        .bind(id)
        .bind(from.as_str())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::Stale);
    }
    let event = AuditEvent {
        actor,
        action: "appointment.status",
        entity: "appointment",
        entity_id: Some(id),
        fields: vec![format!("status:{}", change.status.as_str())],
    };
    audit::insert(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Patients with an appointment that holds time in `[from, to)`, with their first such start.
pub async fn patients_booked_between(
    db: &Db,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(PatientId, DateTime<Utc>)>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT patient_id, MIN(start_epoch) FROM appointments \
         WHERE start_epoch >= ? AND start_epoch < ? AND status NOT IN ('cancelled', 'broken', 'completed') \
         GROUP BY patient_id ORDER BY MIN(start_epoch)",
    )
    .bind(from.timestamp())
    .bind(to.timestamp())
    .fetch_all(&db.reader)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(p, s)| Some((p, DateTime::from_timestamp(s, 0)?)))
        .collect())
}
