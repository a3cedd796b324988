//! `statement_runs` and `statements`: every statement kept as sent (its PDF), so a reprint is the
//! same document; a run records who ran it, when, for which guarantors and the totals.
use chrono::{DateTime, NaiveDate, Utc};
use frontdesk_ledger::GuarantorId;

use crate::audit::{insert as audit, AuditEvent};
use crate::{Db, Result, StoreError};

/// A statement about to be kept.
pub struct NewStatement {
    pub guarantor_id: GuarantorId,
    pub statement_date: NaiveDate,
    pub balance_cents: i64,
    pub amount_due_cents: i64,
    pub pdf: Vec<u8>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StatementRecord {
    pub id: i64,
    pub run_id: Option<i64>,
    pub guarantor_id: i64,
    pub statement_date: NaiveDate,
    pub balance_cents: i64,
    pub amount_due_cents: i64,
    pub created_at: DateTime<Utc>,
    pub actor: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RunRecord {
    pub id: i64,
    pub run_at: DateTime<Utc>,
    pub actor: String,
    pub min_balance_cents: i64,
    pub skip_days: i64,
    pub statement_count: i64,
    pub total_due_cents: i64,
}

async fn insert_statement(
    conn: &mut sqlx::SqliteConnection,
    run: Option<i64>,
    s: &NewStatement,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO statements (run_id, guarantor_id, statement_date, balance_cents, amount_due_cents, created_at, actor, pdf) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(run)
    .bind(s.guarantor_id)
    .bind(s.statement_date)
    .bind(s.balance_cents)
    .bind(s.amount_due_cents)
    .bind(now)
    .bind(actor)
    .bind(&s.pdf)
    .fetch_one(&mut *conn)
    .await?;
    let event = AuditEvent {
        actor,
        action: "statement.create",
        entity: "patient",
        entity_id: Some(s.guarantor_id),
        fields: vec!["statement".into()],
    };
    audit(conn, &event, now).await?;
    Ok(id)
}

/// Keeps one statement printed on its own (not part of a run).
pub async fn keep(db: &Db, s: &NewStatement, actor: &str, now: DateTime<Utc>) -> Result<i64> {
    let mut tx = db.writer.begin().await?;
    let id = insert_statement(&mut tx, None, s, actor, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Records a run and its statements in one transaction; returns the run id.
pub async fn record_run(
    db: &Db,
    min_balance_cents: i64,
    skip_days: i64,
    statements: &[NewStatement],
    actor: &str,
    now: DateTime<Utc>,
) -> Result<(i64, Vec<i64>)> {
    let mut tx = db.writer.begin().await?;
    let total: i64 = statements.iter().map(|s| s.amount_due_cents).sum();
    let run: i64 = sqlx::query_scalar(
        "INSERT INTO statement_runs (run_at, actor, min_balance_cents, skip_days, statement_count, total_due_cents) \
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(now)
    .bind(actor)
    .bind(min_balance_cents)
    .bind(skip_days)
    .bind(statements.len() as i64)
    .bind(total)
    .fetch_one(&mut *tx)
    .await?;
    let mut ids = Vec::with_capacity(statements.len());
    for s in statements {
        ids.push(insert_statement(&mut tx, Some(run), s, actor, now).await?);
    }
    tx.commit().await?;
    Ok((run, ids))
}

const COLS: &str =
    "id, run_id, guarantor_id, statement_date, balance_cents, amount_due_cents, created_at, actor";

pub async fn for_guarantor(db: &Db, guarantor: GuarantorId) -> Result<Vec<StatementRecord>> {
    let sql = format!("SELECT {COLS} FROM statements WHERE guarantor_id = ? ORDER BY id DESC");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(guarantor)
        .fetch_all(&db.reader)
        .await?)
}

pub async fn for_run(db: &Db, run: i64) -> Result<Vec<StatementRecord>> {
    let sql = format!("SELECT {COLS} FROM statements WHERE run_id = ? ORDER BY id");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(run)
        .fetch_all(&db.reader)
        .await?)
}

/// The PDF exactly as it was sent.
pub async fn pdf(db: &Db, id: i64) -> Result<(StatementRecord, Vec<u8>)> {
    let sql = format!("SELECT {COLS} FROM statements WHERE id = ?");
    let rec: StatementRecord = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&db.reader)
        .await?
        .ok_or(StoreError::NotFound("statement"))?;
    let pdf: Vec<u8> = sqlx::query_scalar("SELECT pdf FROM statements WHERE id = ?")
        .bind(id)
        .fetch_one(&db.reader)
        .await?;
    Ok((rec, pdf))
}

pub async fn runs(db: &Db, limit: i64) -> Result<Vec<RunRecord>> {
    Ok(sqlx::query_as(
        "SELECT id, run_at, actor, min_balance_cents, skip_days, statement_count, total_due_cents \
         FROM statement_runs ORDER BY id DESC LIMIT ?",
    )
    .bind(limit)
    .fetch_all(&db.reader)
    .await?)
}
