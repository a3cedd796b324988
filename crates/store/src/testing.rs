//! Helpers for tests of older schemas. Not used by the application.
use crate::{Db, Result};

/// Inserts a patient using only the columns of schema version 1.
pub async fn insert_v1_patient(
    db: &Db,
    last: &str,
    first: &str,
    dob: &str,
    chart: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO patients (last_name, first_name, date_of_birth, chart_number, last_key, first_key, chart_key, \
         created_at, created_by, updated_at, updated_by) \
         VALUES (?, ?, ?, ?, lower(?), lower(?), lower(?), '2025-01-01T00:00:00Z', 'test', '2025-01-01T00:00:00Z', 'test')",
    )
    .bind(last)
    .bind(first)
    .bind(dob)
    .bind(chart)
    .bind(last)
    .bind(first)
    .bind(chart)
    .execute(&db.writer)
    .await?;
    Ok(())
}

/// Runs raw SQL as anyone holding the key could (tests of the audit chain's tamper evidence).
pub async fn execute_raw(db: &Db, sql: &str) -> Result<()> {
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string()))
        .execute(&db.writer)
        .await?;
    Ok(())
}

/// Inserts an audit entry with the columns of the schema before the hash chain (version 14).
pub async fn insert_v14_audit(db: &Db, at: &str, actor: &str, action: &str) -> Result<()> {
    sqlx::query("INSERT INTO audit_log (at, actor, action, entity, entity_id, fields) VALUES (?, ?, ?, 'patient', 1, '[\"last_name\"]')")
        .bind(at)
        .bind(actor)
        .bind(action)
        .execute(&db.writer)
        .await?;
    Ok(())
}
