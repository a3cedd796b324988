//! Users and their sign-in state. Passwords and PINs are stored only as Argon2id hashes; the rules
//! (who may do what, throttling) live in `frontdesk-access`. Every change is audited in the same
//! transaction, by field name.
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::audit::{self, AuditEvent};
use crate::{Db, Result, StoreError};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub full_name: String,
    pub role: String,
    /// JSON arrays of permission ids.
    pub grants: String,
    pub revokes: String,
    pub password_hash: String,
    pub pin_hash: Option<String>,
    pub active: bool,
    pub failed_attempts: i64,
    pub last_failed_at: Option<DateTime<Utc>>,
    pub locked_out: bool,
    pub created_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, username, full_name, role, grants, revokes, password_hash, pin_hash, \
    active, failed_attempts, last_failed_at, locked_out, created_at";

pub struct NewUser<'a> {
    pub username: &'a str,
    pub full_name: &'a str,
    pub role: &'a str,
    pub grants: &'a str,
    pub password_hash: &'a str,
}

pub async fn count(db: &Db) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&db.reader)
        .await?)
}

pub async fn by_username(db: &Db, username: &str) -> Result<Option<UserRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM users WHERE username = ?"
    )))
    .bind(username)
    .fetch_optional(&db.writer)
    .await?)
}

pub async fn by_id(db: &Db, id: i64) -> Result<UserRow> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM users WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(&db.writer)
    .await?
    .ok_or(StoreError::NotFound("user"))
}

pub async fn list(db: &Db) -> Result<Vec<UserRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM users ORDER BY username"
    )))
    .fetch_all(&db.reader)
    .await?)
}

pub async fn active_admins(db: &Db) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE active = 1 AND role = 'admin'")
            .fetch_one(&db.writer)
            .await?,
    )
}

/// Adds a user. `only_if_none`: the first administrator, created only while there are no users
/// (checked inside the write transaction, so two first starts cannot both make one).
pub async fn insert(
    db: &Db,
    u: &NewUser<'_>,
    only_if_none: bool,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    let mut tx = db.writer.begin().await?;
    if only_if_none {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
            .fetch_one(&mut *tx)
            .await?;
        if n > 0 {
            return Err(StoreError::Refused("this office already has users"));
        }
    }
    let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE username = ?")
        .bind(u.username)
        .fetch_optional(&mut *tx)
        .await?;
    if taken.is_some() {
        return Err(StoreError::Refused("that username is taken"));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (username, full_name, role, grants, password_hash, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(u.username)
    .bind(u.full_name)
    .bind(u.role)
    .bind(u.grants)
    .bind(u.password_hash)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let actor = if actor.is_empty() { u.username } else { actor };
    let fields = ["username", "full_name", "role", "grants", "password"];
    log(&mut tx, actor, "user.create", id, &fields, now).await?;
    tx.commit().await?;
    Ok(id)
}

async fn log(
    conn: &mut SqliteConnection,
    actor: &str,
    action: &str,
    id: i64,
    fields: &[&str],
    now: DateTime<Utc>,
) -> Result<()> {
    let event = AuditEvent {
        actor,
        action,
        entity: "user",
        entity_id: Some(id),
        fields: fields.iter().map(|f| f.to_string()).collect(),
    };
    audit::insert(conn, &event, now).await
}

async fn username_of(conn: &mut SqliteConnection, id: i64) -> Result<String> {
    Ok(
        sqlx::query_scalar("SELECT username FROM users WHERE id = ?")
            .bind(id)
            .fetch_one(conn)
            .await?,
    )
}

/// A change to one user by an administrator (or by the user, for their own password or PIN).
pub enum Change<'a> {
    Role(&'a str),
    Permissions { grants: &'a str, revokes: &'a str },
    Active(bool),
    Password(&'a str),
    Pin(Option<&'a str>),
    Unlock,
}

/// Applies a change; `guard` runs inside the transaction with the count of active
/// administrators, so the last-administrator rule cannot race.
pub async fn change(
    db: &Db,
    id: i64,
    c: Change<'_>,
    guard: impl FnOnce(&UserRow, i64) -> Result<()>,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = db.writer.begin().await?;
    let row: UserRow = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM users WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(StoreError::NotFound("user"))?;
    let admins: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE active = 1 AND role = 'admin'")
            .fetch_one(&mut *tx)
            .await?;
    guard(&row, admins)?;
    let (sql, action, fields): (&str, &str, &[&str]) = match &c {
        Change::Role(_) => (
            "UPDATE users SET role = ?, updated_at = ? WHERE id = ?",
            "user.role",
            &["role"],
        ),
        Change::Permissions { .. } => (
            "UPDATE users SET grants = ?, revokes = ?, updated_at = ? WHERE id = ?",
            "user.permissions",
            &["grants", "revokes"],
        ),
        Change::Active(true) => (
            "UPDATE users SET active = 1, updated_at = ? WHERE id = ?",
            "user.activate",
            &["active"],
        ),
        Change::Active(false) => (
            "UPDATE users SET active = 0, updated_at = ? WHERE id = ?",
            "user.deactivate",
            &["active"],
        ),
        Change::Password(_) => (
            "UPDATE users SET password_hash = ?, failed_attempts = 0, last_failed_at = NULL, \
             locked_out = 0, updated_at = ? WHERE id = ?",
            "user.password",
            &["password"],
        ),
        Change::Pin(_) => (
            "UPDATE users SET pin_hash = ?, updated_at = ? WHERE id = ?",
            "user.pin",
            &["pin"],
        ),
        Change::Unlock => (
            "UPDATE users SET failed_attempts = 0, last_failed_at = NULL, locked_out = 0, \
             updated_at = ? WHERE id = ?",
            "user.unlock",
            &["locked_out"],
        ),
    };
    let mut q = sqlx::query(sql);
    match c {
        Change::Role(r) => q = q.bind(r),
        Change::Permissions { grants, revokes } => q = q.bind(grants).bind(revokes),
        Change::Password(h) => q = q.bind(h),
        Change::Pin(h) => q = q.bind(h),
        Change::Active(_) | Change::Unlock => {}
    }
    q.bind(now).bind(id).execute(&mut *tx).await?;
    log(&mut tx, actor, action, id, fields, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Records a failed attempt (the new count, time and lock-out) and audits it.
pub async fn record_failure(
    db: &Db,
    id: i64,
    failed: i64,
    locked_out: bool,
    action: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = db.writer.begin().await?;
    sqlx::query(
        "UPDATE users SET failed_attempts = ?, last_failed_at = ?, locked_out = ? WHERE id = ?",
    )
    .bind(failed)
    .bind(now)
    .bind(locked_out)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let username = username_of(&mut tx, id).await?;
    let fields: &[&str] = if locked_out { &["locked_out"] } else { &[] };
    log(&mut tx, &username, action, id, fields, now).await?;
    tx.commit().await?;
    Ok(())
}

/// A good sign-in: resets the failures; `workstation` (full password only) opens the PIN window.
pub async fn record_sign_in(
    db: &Db,
    id: i64,
    workstation: Option<&str>,
    action: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = db.writer.begin().await?;
    sqlx::query("UPDATE users SET failed_attempts = 0, last_failed_at = NULL WHERE id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if let Some(ws) = workstation {
        sqlx::query(
            "INSERT INTO password_sign_ins (user_id, workstation, at) VALUES (?, ?, ?) \
             ON CONFLICT (user_id, workstation) DO UPDATE SET at = excluded.at",
        )
        .bind(id)
        .bind(ws)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    let username = username_of(&mut tx, id).await?;
    log(&mut tx, &username, action, id, &[], now).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn last_password_sign_in(
    db: &Db,
    id: i64,
    workstation: &str,
) -> Result<Option<DateTime<Utc>>> {
    Ok(
        sqlx::query_scalar(
            "SELECT at FROM password_sign_ins WHERE user_id = ? AND workstation = ?",
        )
        .bind(id)
        .bind(workstation)
        .fetch_optional(&db.writer)
        .await?,
    )
}
