//! Writing and reading patient records. Every write logs an audit entry in the same transaction.
use chrono::{DateTime, Utc};
use frontdesk_domain::search_key::{fold_name, phone_digits};
use frontdesk_domain::validation::ValidPatient;
use frontdesk_domain::{Patient, PatientId, PatientStatus};
use sqlx::sqlite::SqliteArguments;
use sqlx::{query::Query, Sqlite, SqliteConnection};

use crate::audit::{self, AuditEvent};
use crate::patient_rows::{PatientRow, PATIENT_COLUMNS};
use crate::{Db, Result, StoreError};

const WRITE_COLUMNS: [&str; 35] = [
    "last_name",
    "first_name",
    "middle_name",
    "preferred_name",
    "date_of_birth",
    "sex",
    "address_line1",
    "address_line2",
    "address_city",
    "address_state",
    "address_postal_code",
    "address_country",
    "phone_home",
    "phone_mobile",
    "phone_work",
    "email",
    "contact_preferred",
    "ok_voicemail",
    "ok_text",
    "ok_email",
    "chart_number",
    "status",
    "allergies",
    "premedication",
    "medical_alerts",
    "notes",
    "emergency_name",
    "emergency_relationship",
    "emergency_phone",
    "referral_source",
    "last_key",
    "first_key",
    "preferred_key",
    "chart_key",
    "updated_at",
];

fn bind_fields<'q>(
    q: Query<'q, Sqlite, SqliteArguments>,
    v: &'q ValidPatient,
    chart: &'q str,
    now: DateTime<Utc>,
) -> Query<'q, Sqlite, SqliteArguments> {
    let d = &v.draft;
    q.bind(&d.last_name)
        .bind(&d.first_name)
        .bind(&d.middle_name)
        .bind(&d.preferred_name)
        .bind(v.date_of_birth)
        .bind(v.sex.as_str())
        .bind(&d.address.line1)
        .bind(&d.address.line2)
        .bind(&d.address.city)
        .bind(&d.address.state)
        .bind(&d.address.postal_code)
        .bind(&d.address.country)
        .bind(&d.phone_home)
        .bind(&d.phone_mobile)
        .bind(&d.phone_work)
        .bind(&d.email)
        .bind(d.contact.preferred.as_str())
        .bind(d.contact.ok_voicemail)
        .bind(d.contact.ok_text)
        .bind(d.contact.ok_email)
        .bind(chart)
        .bind(v.status.as_str())
        .bind(&d.medical.allergies)
        .bind(d.medical.premedication)
        .bind(&d.medical.alerts)
        .bind(&d.notes)
        .bind(&d.emergency_contact.name)
        .bind(&d.emergency_contact.relationship)
        .bind(&d.emergency_contact.phone)
        .bind(&d.referral_source)
        .bind(fold_name(&d.last_name))
        .bind(fold_name(&d.first_name))
        .bind(fold_name(&d.preferred_name))
        .bind(fold_name(chart))
        .bind(now)
}

fn insert_sql() -> String {
    let cols = WRITE_COLUMNS.join(", ");
    let marks = vec!["?"; WRITE_COLUMNS.len()].join(", ");
    format!(
        "INSERT INTO patients ({cols}, created_at, created_by, updated_by) VALUES ({marks}, ?, ?, ?) RETURNING id"
    )
}

fn update_sql() -> String {
    let sets = WRITE_COLUMNS.map(|c| format!("{c} = ?")).join(", ");
    format!("UPDATE patients SET {sets}, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?")
}

async fn next_chart_number(conn: &mut SqliteConnection) -> Result<String> {
    // A counter row instead of max(chart_number): creating a patient stays O(log n). A number
    // typed by hand may already hold the next value; skip past it (the chart index makes it cheap).
    loop {
        let n: i64 = sqlx::query_scalar(
            "UPDATE chart_sequence SET last = last + 1 WHERE id = 1 RETURNING last",
        )
        .fetch_one(&mut *conn)
        .await?;
        let chart = format!("{n:06}");
        let taken: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM patients WHERE chart_number = ?")
                .bind(&chart)
                .fetch_optional(&mut *conn)
                .await?;
        if taken.is_none() {
            return Ok(chart);
        }
    }
}

async fn write_phones(conn: &mut SqliteConnection, id: PatientId, v: &ValidPatient) -> Result<()> {
    sqlx::query("DELETE FROM patient_phones WHERE patient_id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let d = &v.draft;
    for phone in [&d.phone_home, &d.phone_mobile, &d.phone_work] {
        let digits = phone_digits(phone);
        if digits.is_empty() {
            continue;
        }
        let reversed: String = digits.chars().rev().collect();
        sqlx::query(
            "INSERT OR IGNORE INTO patient_phones (patient_id, digits, reversed) VALUES (?, ?, ?)",
        )
        .bind(id)
        .bind(&digits)
        .bind(&reversed)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

async fn insert_one(
    conn: &mut SqliteConnection,
    v: &ValidPatient,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<PatientId> {
    let chart = if v.draft.chart_number.is_empty() {
        next_chart_number(conn).await?
    } else {
        v.draft.chart_number.clone()
    };
    let sql = insert_sql();
    let q = bind_fields(
        sqlx::query(sqlx::AssertSqlSafe(sql.as_str())),
        v,
        &chart,
        now,
    )
    .bind(now)
    .bind(actor)
    .bind(actor);
    let id: i64 = sqlx::Row::get(&q.fetch_one(&mut *conn).await?, 0);
    write_phones(conn, id, v).await?;
    Ok(id)
}

/// Creates a patient and logs `patient.create`.
pub async fn create(
    db: &Db,
    v: &ValidPatient,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<PatientId> {
    let mut tx = db.writer.begin().await?;
    let id = insert_one(&mut tx, v, actor, now).await?;
    let event = AuditEvent {
        actor,
        action: "patient.create",
        entity: "patient",
        entity_id: Some(id),
        fields: vec![],
    };
    audit::insert(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Creates many patients in one transaction (demo data, imports, benchmarks); logs one entry each.
pub async fn create_many(
    db: &Db,
    patients: &[ValidPatient],
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Vec<PatientId>> {
    let mut tx = db.writer.begin().await?;
    let mut ids = Vec::with_capacity(patients.len());
    for v in patients {
        let id = insert_one(&mut tx, v, actor, now).await?;
        let event = AuditEvent {
            actor,
            action: "patient.create",
            entity: "patient",
            entity_id: Some(id),
            fields: vec![],
        };
        audit::insert(&mut tx, &event, now).await?;
        ids.push(id);
    }
    tx.commit().await?;
    Ok(ids)
}

/// Replaces a patient's fields if nobody changed the record since `expected_version`; logs
/// `patient.update` with the names of the changed fields.
pub async fn update(
    db: &Db,
    id: PatientId,
    expected_version: i64,
    v: &ValidPatient,
    changed_fields: Vec<String>,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = db.writer.begin().await?;
    let chart = if v.draft.chart_number.is_empty() {
        next_chart_number(&mut tx).await?
    } else {
        v.draft.chart_number.clone()
    };
    let sql = update_sql();
    let done = bind_fields(
        sqlx::query(sqlx::AssertSqlSafe(sql.as_str())),
        v,
        &chart,
        now,
    )
    .bind(actor)
    .bind(id)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(stale_or_missing(&mut tx, id).await);
    }
    write_phones(&mut tx, id, v).await?;
    let event = AuditEvent {
        actor,
        action: "patient.update",
        entity: "patient",
        entity_id: Some(id),
        fields: changed_fields,
    };
    audit::insert(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets the status (archive / restore) if the record is still at `expected_version`.
pub async fn set_status(
    db: &Db,
    id: PatientId,
    expected_version: i64,
    status: PatientStatus,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = db.writer.begin().await?;
    let done = sqlx::query(
        "UPDATE patients SET status = ?, updated_at = ?, updated_by = ?, version = version + 1 \
         WHERE id = ? AND version = ?",
    )
    .bind(status.as_str())
    .bind(now)
    .bind(actor)
    .bind(id)
    .bind(expected_version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(stale_or_missing(&mut tx, id).await);
    }
    let action = match status {
        PatientStatus::Archived => "patient.archive",
        _ => "patient.restore",
    };
    let event = AuditEvent {
        actor,
        action,
        entity: "patient",
        entity_id: Some(id),
        fields: vec!["status".into()],
    };
    audit::insert(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn stale_or_missing(conn: &mut SqliteConnection, id: PatientId) -> StoreError {
    match sqlx::query_scalar::<_, i64>("SELECT count(*) FROM patients WHERE id = ?")
        .bind(id)
        .fetch_one(conn)
        .await
    {
        Ok(0) => StoreError::NotFound("patient"),
        Ok(_) => StoreError::Stale,
        Err(e) => e.into(),
    }
}

/// Reads one patient (not audited here: the app logs reads of the card).
pub async fn get(db: &Db, id: PatientId) -> Result<Patient> {
    let sql = format!("SELECT {PATIENT_COLUMNS} FROM patients WHERE id = ?");
    let row: Option<PatientRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&db.reader)
        .await?;
    row.map(Patient::from)
        .ok_or(StoreError::NotFound("patient"))
}

pub async fn count(db: &Db) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM patients")
        .fetch_one(&db.reader)
        .await?)
}
