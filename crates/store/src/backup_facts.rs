//! What a backup's manifest records and `verify-backup` checks: the schema version, how many
//! patients, appointments and ledger entries, the audit chain's head, and SQLite's full integrity and foreign-key checks.
use crate::{Db, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub schema_version: i64,
    pub patients: i64,
    pub appointments: i64,
    pub ledger_entries: i64,
    pub audit_entries: i64,
    /// The audit chain's head hash (compare with a printed one to detect a rollback).
    pub audit_head: String,
}

pub async fn facts(db: &Db) -> Result<Facts> {
    let count = async |table: &str| -> Result<i64> {
        Ok(
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM {table}")))
                .fetch_one(&db.reader)
                .await?,
        )
    };
    Ok(Facts {
        schema_version: db.schema_version().await?,
        patients: count("patients").await?,
        appointments: count("appointments").await?,
        ledger_entries: count("ledger_entries").await?,
        audit_entries: count("audit_log").await?,
        audit_head: crate::audit::head_hash(db).await?.1,
    })
}

/// `PRAGMA integrity_check` (every page and index, not only the structure) and
/// `PRAGMA foreign_key_check`: true when both find nothing wrong.
pub async fn full_check(db: &Db) -> Result<bool> {
    let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&db.writer)
        .await?;
    let dangling: Vec<(String,)> = sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
        .fetch_all(&db.writer)
        .await?;
    Ok(integrity == ["ok"] && dangling.is_empty())
}
