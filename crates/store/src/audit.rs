//! The audit log: append-only (triggers refuse UPDATE and DELETE). Field names, never values.
use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::SqliteConnection;

use crate::{Db, Result};

/// Something that happened to a record, to be logged.
#[derive(Debug, Clone)]
pub struct AuditEvent<'a> {
    pub actor: &'a str,
    /// e.g. `patient.read`, `patient.create`, `patient.update`, `family.link`.
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<i64>,
    /// Names of the fields read or changed; never their values.
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    #[sqlx(json)]
    pub fields: Vec<String>,
}

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    e: &AuditEvent<'_>,
    at: DateTime<Utc>,
) -> Result<()> {
    let fields = serde_json::to_string(&e.fields).expect("field names serialize");
    sqlx::query("INSERT INTO audit_log (at, actor, action, entity, entity_id, fields) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(at)
        .bind(e.actor)
        .bind(e.action)
        .bind(e.entity)
        .bind(e.entity_id)
        .bind(fields)
        .execute(conn)
        .await?;
    Ok(())
}

/// Appends one entry on its own (for reads; writes log inside their own transaction).
pub async fn append(db: &Db, e: &AuditEvent<'_>, at: DateTime<Utc>) -> Result<()> {
    let mut conn = db.writer.acquire().await?;
    insert(&mut conn, e, at).await
}

/// Entries about one record, newest first.
pub async fn for_entity(
    db: &Db,
    entity: &str,
    entity_id: i64,
    limit: i64,
) -> Result<Vec<AuditEntry>> {
    Ok(sqlx::query_as(
        "SELECT at, actor, action, entity, entity_id, fields FROM audit_log \
         WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT ?",
    )
    .bind(entity)
    .bind(entity_id)
    .bind(limit)
    .fetch_all(&db.reader)
    .await?)
}

/// Every entry, oldest first (export and tests).
pub async fn all(db: &Db) -> Result<Vec<AuditEntry>> {
    Ok(sqlx::query_as(
        "SELECT at, actor, action, entity, entity_id, fields FROM audit_log ORDER BY id",
    )
    .fetch_all(&db.reader)
    .await?)
}
