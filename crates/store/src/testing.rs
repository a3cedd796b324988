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
