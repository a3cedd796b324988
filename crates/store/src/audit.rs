//! The audit log: append-only (triggers refuse UPDATE and DELETE) and a hash chain (each entry's
//! `hash` covers its content and the previous entry's hash; see `frontdesk_access::audit_chain`).
//! Field names, never values.
use chrono::{DateTime, SecondsFormat, Utc};
use frontdesk_access::audit_chain::{self, ChainEntry, Verdict, GENESIS};
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

/// One entry with its place in the chain (the audit viewer, export and verification).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ChainedEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub fields: String,
    pub prev_hash: Option<String>,
    pub hash: Option<String>,
}

impl ChainedEntry {
    fn chain_entry(&self) -> ChainEntry {
        ChainEntry {
            id: self.id,
            at: self.at.clone(),
            actor: self.actor.clone(),
            action: self.action.clone(),
            entity: self.entity.clone(),
            entity_id: self.entity_id,
            fields: self.fields.clone(),
            prev_hash: self.prev_hash.clone().unwrap_or_default(),
        }
    }
}

/// The stored form of a time in the chain: RFC 3339, microseconds, UTC.
pub fn stored_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

async fn head(conn: &mut SqliteConnection) -> Result<(i64, String)> {
    let last: Option<(i64, Option<String>)> =
        sqlx::query_as("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
            .fetch_optional(&mut *conn)
            .await?;
    Ok(match last {
        Some((id, hash)) => (id, hash.unwrap_or_default()),
        None => (0, GENESIS.to_string()),
    })
}

pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    e: &AuditEvent<'_>,
    at: DateTime<Utc>,
) -> Result<()> {
    let fields = serde_json::to_string(&e.fields).expect("field names serialize");
    // Writes are serialized (one writer connection), so the head cannot move under us.
    let (last_id, prev_hash) = head(conn).await?;
    let entry = ChainEntry {
        id: last_id + 1,
        at: stored_time(at),
        actor: e.actor.to_string(),
        action: e.action.to_string(),
        entity: e.entity.to_string(),
        entity_id: e.entity_id,
        fields,
        prev_hash,
    };
    let hash = audit_chain::entry_hash(&entry);
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, fields, prev_hash, hash) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(entry.id)
    .bind(&entry.at)
    .bind(&entry.actor)
    .bind(&entry.action)
    .bind(&entry.entity)
    .bind(entry.entity_id)
    .bind(&entry.fields)
    .bind(&entry.prev_hash)
    .bind(&hash)
    .execute(conn)
    .await?;
    Ok(())
}

/// Appends one entry on its own (for reads; writes log inside their own transaction).
pub async fn append(db: &Db, e: &AuditEvent<'_>, at: DateTime<Utc>) -> Result<()> {
    let mut tx = db.writer.begin().await?;
    insert(&mut tx, e, at).await?;
    tx.commit().await?;
    Ok(())
}

/// Seals entries written before the chain existed into it, in id order (run at every opening;
/// does nothing once all are sealed).
pub async fn seal_unchained(db: &Db) -> Result<usize> {
    let mut tx = db.writer.begin().await?;
    let rows: Vec<ChainedEntry> = sqlx::query_as(
        "SELECT id, at, actor, action, entity, entity_id, fields, prev_hash, hash FROM audit_log \
         WHERE hash IS NULL ORDER BY id",
    )
    .fetch_all(&mut *tx)
    .await?;
    for row in &rows {
        let prev: Option<Option<String>> =
            sqlx::query_scalar("SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1")
                .bind(row.id)
                .fetch_optional(&mut *tx)
                .await?;
        let mut e = row.chain_entry();
        e.prev_hash = prev.flatten().unwrap_or_else(|| GENESIS.to_string());
        let hash = audit_chain::entry_hash(&e);
        sqlx::query("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?")
            .bind(&e.prev_hash)
            .bind(&hash)
            .bind(row.id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(rows.len())
}

/// Walks the whole chain.
pub async fn verify_chain(db: &Db) -> Result<Verdict> {
    let rows: Vec<ChainedEntry> = sqlx::query_as(
        "SELECT id, at, actor, action, entity, entity_id, fields, prev_hash, hash FROM audit_log \
         ORDER BY id",
    )
    .fetch_all(&db.reader)
    .await?;
    let entries: Vec<(ChainEntry, String)> = rows
        .iter()
        .map(|r| (r.chain_entry(), r.hash.clone().unwrap_or_default()))
        .collect();
    Ok(audit_chain::verify(
        entries.iter().map(|(e, h)| (e, h.as_str())),
    ))
}

/// The newest entry's hash and the entry count (the genesis value for an empty log).
pub async fn head_hash(db: &Db) -> Result<(i64, String)> {
    let mut conn = db.reader.acquire().await?;
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
        .fetch_one(&mut *conn)
        .await?;
    let (_, hash) = head(&mut conn).await?;
    Ok((count, hash))
}

/// What the audit viewer filters on. Dates are the stored UTC times' bounds (inclusive from,
/// exclusive to).
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub patient_id: Option<i64>,
    pub action_prefix: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub limit: i64,
}

/// Entries matching the filter, newest first.
pub async fn list(db: &Db, f: &AuditFilter) -> Result<Vec<ChainedEntry>> {
    let mut sql = String::from(
        "SELECT id, at, actor, action, entity, entity_id, fields, prev_hash, hash FROM audit_log \
         WHERE 1 = 1",
    );
    if f.actor.is_some() {
        sql.push_str(" AND actor = ?");
    }
    if f.patient_id.is_some() {
        sql.push_str(" AND entity = 'patient' AND entity_id = ?");
    }
    if f.action_prefix.is_some() {
        sql.push_str(" AND action LIKE ? ESCAPE '\\'");
    }
    if f.from.is_some() {
        sql.push_str(" AND julianday(at) >= julianday(?)");
    }
    if f.to.is_some() {
        sql.push_str(" AND julianday(at) < julianday(?)");
    }
    sql.push_str(" ORDER BY id DESC LIMIT ?");
    let mut q = sqlx::query_as::<_, ChainedEntry>(sqlx::AssertSqlSafe(sql));
    if let Some(a) = &f.actor {
        q = q.bind(a);
    }
    if let Some(p) = f.patient_id {
        q = q.bind(p);
    }
    if let Some(a) = &f.action_prefix {
        let escaped = a
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        q = q.bind(format!("{escaped}%"));
    }
    if let Some(t) = f.from {
        q = q.bind(stored_time(t));
    }
    if let Some(t) = f.to {
        q = q.bind(stored_time(t));
    }
    let limit = if f.limit <= 0 { i64::MAX } else { f.limit };
    Ok(q.bind(limit).fetch_all(&db.reader).await?)
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

#[cfg(test)]
mod tests {
    use crate::{Db, DbKey};

    /// The start-up sealing finds its entries through the partial index, not by reading the
    /// whole log (which filled the writer's page cache with it at every start).
    #[tokio::test]
    async fn start_up_sealing_reads_only_the_unchained_entries() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::create(
            &dir.path().join("a.db"),
            &DbKey::Raw(zeroize::Zeroizing::new([3u8; 32])),
        )
        .await
        .unwrap();
        let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(
            "EXPLAIN QUERY PLAN SELECT id, at, actor, action, entity, entity_id, fields, prev_hash, \
             hash FROM audit_log WHERE hash IS NULL ORDER BY id",
        )
        .fetch_all(&db.writer)
        .await
        .unwrap();
        let detail: Vec<&str> = plan.iter().map(|p| p.3.as_str()).collect();
        assert!(
            detail.iter().any(|d| d.contains("audit_log_unchained")),
            "{detail:?}"
        );
        assert!(
            !detail
                .iter()
                .any(|d| d.starts_with("SCAN audit_log") && !d.contains("INDEX")),
            "{detail:?}"
        );
        db.close().await;
    }
}
