//! `treatment_items`: a patient's treatment plan in order, and the procedures completed from it.
use chrono::{DateTime, NaiveDate, Utc};
use frontdesk_domain::PatientId;
use frontdesk_insurance::{TreatmentItem, TreatmentItemDraft, TreatmentItemId, TreatmentStatus};

use frontdesk_domain::money::Cents;
use frontdesk_ledger::{EntryKind, NewEntry};

use crate::audit::{self, AuditEvent};
use crate::ledger::entries::{guarantor_of_in, post_in, PostError};
use crate::{Db, Result, StoreError};

async fn audit_item(
    tx: &mut sqlx::SqliteConnection,
    action: &str,
    patient: PatientId,
    item: TreatmentItemId,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let event = AuditEvent {
        actor,
        action,
        entity: "patient",
        entity_id: Some(patient),
        fields: vec![format!("treatment_item:{item}")],
    };
    audit::insert(tx, &event, now).await
}

/// The status of one of the patient's procedures (`NotFound` if it is not theirs).
pub(crate) async fn status_of(
    conn: &mut sqlx::SqliteConnection,
    patient: PatientId,
    item: TreatmentItemId,
) -> Result<TreatmentStatus> {
    let status: Option<String> =
        sqlx::query_scalar("SELECT status FROM treatment_items WHERE id = ? AND patient_id = ?")
            .bind(item)
            .bind(patient)
            .fetch_optional(conn)
            .await?;
    let status = status.ok_or(StoreError::NotFound("treatment plan procedure"))?;
    TreatmentStatus::parse(&status).ok_or(StoreError::Corrupt("treatment status"))
}

/// The fee schedule's fee for `code`, if the office has the code.
pub async fn fee_for(db: &Db, code: &str) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT fee_cents FROM procedure_codes WHERE code = ?")
            .bind(code)
            .fetch_optional(&db.reader)
            .await?,
    )
}

/// Appends a planned procedure at the end of the plan.
pub async fn add(
    db: &Db,
    patient: PatientId,
    d: &TreatmentItemDraft,
    fee_cents: i64,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<TreatmentItemId> {
    let mut tx = db.writer.begin().await?;
    let found: i64 = sqlx::query_scalar("SELECT count(*) FROM patients WHERE id = ?")
        .bind(patient)
        .fetch_one(&mut *tx)
        .await?;
    if found == 0 {
        return Err(StoreError::NotFound("patient"));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO treatment_items (patient_id, position, code, tooth, surface, units, fee_cents, status, \
         updated_at, updated_by) VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM treatment_items \
         WHERE patient_id = ?), ?, ?, ?, ?, ?, 'planned', ?, ?) RETURNING id",
    )
    .bind(patient)
    .bind(patient)
    .bind(&d.code)
    .bind(&d.tooth)
    .bind(&d.surface)
    .bind(d.units)
    .bind(fee_cents)
    .bind(now)
    .bind(actor)
    .fetch_one(&mut *tx)
    .await?;
    audit_item(&mut tx, "treatment.add", patient, id, actor, now).await?;
    tx.commit().await?;
    Ok(id)
}

const ITEM_COLUMNS: &str =
    "t.id, t.patient_id, t.position, t.code, COALESCE(pc.description, ''), t.tooth, \
    t.surface, t.units, t.fee_cents, t.status, t.completed_on";

type ItemRow = (
    i64,
    i64,
    i64,
    String,
    String,
    String,
    String,
    i64,
    i64,
    String,
    Option<NaiveDate>,
);

pub(crate) fn item_from(r: ItemRow) -> Result<TreatmentItem> {
    let (
        id,
        patient_id,
        position,
        code,
        description,
        tooth,
        surface,
        units,
        fee_cents,
        status,
        done,
    ) = r;
    Ok(TreatmentItem {
        id,
        patient_id,
        position,
        code,
        description,
        tooth,
        surface,
        units,
        fee_cents,
        status: TreatmentStatus::parse(&status).ok_or(StoreError::Corrupt("treatment status"))?,
        completed_on: done.map(|d| d.to_string()),
    })
}

/// The patient's procedures in plan order.
pub async fn items(db: &Db, patient: PatientId) -> Result<Vec<TreatmentItem>> {
    let sql = format!(
        "SELECT {ITEM_COLUMNS} FROM treatment_items t LEFT JOIN procedure_codes pc ON pc.code = t.code \
         WHERE t.patient_id = ? ORDER BY t.position, t.id"
    );
    let rows: Vec<ItemRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(patient)
        .fetch_all(&db.reader)
        .await?;
    rows.into_iter().map(item_from).collect()
}

/// Moves a procedure to `position` (1-based) in the patient's plan; the others shift.
pub async fn move_to(
    db: &Db,
    patient: PatientId,
    item: TreatmentItemId,
    position: i64,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = db.writer.begin().await?;
    let mut ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM treatment_items WHERE patient_id = ? ORDER BY position, id",
    )
    .bind(patient)
    .fetch_all(&mut *tx)
    .await?;
    let Some(from) = ids.iter().position(|&i| i == item) else {
        return Err(StoreError::NotFound("treatment plan procedure"));
    };
    ids.remove(from);
    let to = usize::try_from(position - 1).unwrap_or(0).min(ids.len());
    ids.insert(to, item);
    for (i, id) in ids.iter().enumerate() {
        sqlx::query("UPDATE treatment_items SET position = ? WHERE id = ?")
            .bind(i as i64 + 1)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    audit_item(&mut tx, "treatment.move", patient, item, actor, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Marks a planned procedure completed on `day` and posts its charge (fee × units) to the
/// patient's ledger on the same date, in one transaction.
pub async fn complete(
    db: &Db,
    patient: PatientId,
    item: TreatmentItemId,
    day: NaiveDate,
    locked_through: Option<NaiveDate>,
    actor: &str,
    now: DateTime<Utc>,
) -> std::result::Result<(), PostError> {
    let mut tx = db.writer.begin().await?;
    if status_of(&mut tx, patient, item).await? == TreatmentStatus::Completed {
        return Err(StoreError::Refused("that procedure is already completed").into());
    }
    sqlx::query(
        "UPDATE treatment_items SET status = 'completed', completed_on = ?, updated_at = ?, updated_by = ? \
         WHERE id = ?",
    )
    .bind(day)
    .bind(now)
    .bind(actor)
    .bind(item)
    .execute(&mut *tx)
    .await?;
    let (code, fee): (String, i64) =
        sqlx::query_as("SELECT code, fee_cents * units FROM treatment_items WHERE id = ?")
            .bind(item)
            .fetch_one(&mut *tx)
            .await?;
    if fee > 0 {
        let charge = NewEntry {
            patient_id: patient,
            guarantor_id: guarantor_of_in(&mut tx, patient).await?,
            date: day,
            actor: actor.to_string(),
            note: String::new(),
            kind: EntryKind::Charge {
                code,
                treatment_item_id: Some(item),
                amount: Cents(fee),
            },
        };
        post_in(&mut tx, &[charge], locked_through, now).await?;
    }
    audit_item(&mut tx, "treatment.complete", patient, item, actor, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a planned procedure (completed ones are history and stay).
pub async fn remove(
    db: &Db,
    patient: PatientId,
    item: TreatmentItemId,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = db.writer.begin().await?;
    if status_of(&mut tx, patient, item).await? == TreatmentStatus::Completed {
        return Err(StoreError::Refused(
            "a completed procedure is part of the record and cannot be removed",
        ));
    }
    let position: i64 =
        sqlx::query_scalar("DELETE FROM treatment_items WHERE id = ? RETURNING position")
            .bind(item)
            .fetch_one(&mut *tx)
            .await?;
    // Keep positions 1..n so "move to position" means the same as the row number.
    sqlx::query(
        "UPDATE treatment_items SET position = position - 1 WHERE patient_id = ? AND position > ?",
    )
    .bind(patient)
    .bind(position)
    .execute(&mut *tx)
    .await?;
    audit_item(&mut tx, "treatment.remove", patient, item, actor, now).await?;
    tx.commit().await?;
    Ok(())
}
