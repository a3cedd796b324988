//! The `procedure_codes` table: the office fee schedule.
use chrono::{DateTime, Utc};
use frontdesk_domain::fee_schedule::{FeeEntry, FeeImport};

use crate::audit::{self, AuditEvent};
use crate::{Db, Result};

/// Adds new codes and updates changed ones, in one transaction, and logs `fees.import`.
/// Codes missing from the file are kept (old treatment plans and claims refer to them).
pub async fn import(
    db: &Db,
    entries: &[FeeEntry],
    actor: &str,
    now: DateTime<Utc>,
) -> Result<FeeImport> {
    let mut tx = db.writer.begin().await?;
    let mut r = FeeImport::default();
    for e in entries {
        let old: Option<(String, i64)> =
            sqlx::query_as("SELECT description, fee_cents FROM procedure_codes WHERE code = ?")
                .bind(&e.code)
                .fetch_optional(&mut *tx)
                .await?;
        match old {
            Some((d, f)) if d == e.description && f == e.fee_cents => {
                r.unchanged += 1;
                continue;
            }
            Some(_) => r.updated += 1,
            None => r.added += 1,
        }
        sqlx::query(
            "INSERT INTO procedure_codes (code, description, fee_cents, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) \
             ON CONFLICT (code) DO UPDATE SET description = excluded.description, fee_cents = excluded.fee_cents, \
             updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        )
        .bind(&e.code)
        .bind(&e.description)
        .bind(e.fee_cents)
        .bind(now)
        .bind(actor)
        .execute(&mut *tx)
        .await?;
    }
    let event = AuditEvent {
        actor,
        action: "fees.import",
        entity: "fee_schedule",
        entity_id: None,
        fields: vec![
            format!("added={}", r.added),
            format!("updated={}", r.updated),
        ],
    };
    audit::insert(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(r)
}

/// Every code, in code order.
pub async fn list(db: &Db) -> Result<Vec<FeeEntry>> {
    let rows: Vec<(String, String, i64)> =
        sqlx::query_as("SELECT code, description, fee_cents FROM procedure_codes ORDER BY code")
            .fetch_all(&db.reader)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(code, description, fee_cents)| FeeEntry {
            code,
            description,
            fee_cents,
        })
        .collect())
}
