//! Cosmetic packages and memberships: the catalogue, sales (each posts a charge) and redemptions.
use chrono::{DateTime, NaiveDate, Utc};
use frontdesk_domain::money::Cents;
use frontdesk_domain::PatientId;
use frontdesk_ledger::NewEntry;

use crate::audit::{insert as audit, AuditEvent};
use crate::ledger::entries::{post_in, PostError};
use crate::{Db, Result, StoreError};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Package {
    pub id: i64,
    pub name: String,
    pub sessions: i64,
    pub price_cents: i64,
    pub active: bool,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Sale {
    pub id: i64,
    pub package_id: i64,
    pub name: String,
    pub patient_id: i64,
    pub sessions: i64,
    pub price_cents: i64,
    pub sold_on: NaiveDate,
    pub redeemed: i64,
}

pub async fn add_package(db: &Db, name: &str, sessions: i64, price: Cents) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO packages (name, sessions, price_cents) VALUES (?, ?, ?) RETURNING id",
    )
    .bind(name)
    .bind(sessions)
    .bind(price.0)
    .fetch_one(&db.writer)
    .await?)
}

pub async fn set_active(db: &Db, id: i64, active: bool) -> Result<()> {
    let done = sqlx::query("UPDATE packages SET active = ? WHERE id = ?")
        .bind(active)
        .bind(id)
        .execute(&db.writer)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound("package"));
    }
    Ok(())
}

pub async fn packages(db: &Db) -> Result<Vec<Package>> {
    Ok(sqlx::query_as(
        "SELECT id, name, sessions, price_cents, active FROM packages ORDER BY active DESC, name",
    )
    .fetch_all(&db.reader)
    .await?)
}

pub async fn package(db: &Db, id: i64) -> Result<Package> {
    sqlx::query_as("SELECT id, name, sessions, price_cents, active FROM packages WHERE id = ?")
        .bind(id)
        .fetch_optional(&db.reader)
        .await?
        .ok_or(StoreError::NotFound("package"))
}

/// Records the sale and posts its charge (`charge`) in one transaction.
pub async fn sell(
    db: &Db,
    package: &Package,
    charge: &NewEntry,
    locked_through: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> std::result::Result<i64, PostError> {
    let mut tx = db.writer.begin().await?;
    let ids = post_in(&mut tx, std::slice::from_ref(charge), locked_through, now).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO package_sales (package_id, patient_id, sessions, price_cents, sold_on, charge_entry_id, created_at, actor) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(package.id)
    .bind(charge.patient_id)
    .bind(package.sessions)
    .bind(package.price_cents)
    .bind(charge.date)
    .bind(ids[0])
    .bind(now)
    .bind(&charge.actor)
    .fetch_one(&mut *tx)
    .await?;
    let event = AuditEvent {
        actor: &charge.actor,
        action: "package.sell",
        entity: "patient",
        entity_id: Some(charge.patient_id),
        fields: vec!["package".into()],
    };
    audit(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// A sale whose charge was reversed is void: it is not listed and cannot be redeemed.
const NOT_VOID: &str =
    "NOT EXISTS (SELECT 1 FROM ledger_entries v WHERE v.reverses = s.charge_entry_id)";

const SALES: &str =
    "SELECT s.id, s.package_id, p.name, s.patient_id, s.sessions, s.price_cents, s.sold_on, \
     (SELECT count(*) FROM package_redemptions r WHERE r.sale_id = s.id) AS redeemed \
     FROM package_sales s JOIN packages p ON p.id = s.package_id";

pub async fn sales_for(db: &Db, patient: PatientId) -> Result<Vec<Sale>> {
    let sql = format!("{SALES} WHERE s.patient_id = ? AND {NOT_VOID} ORDER BY s.sold_on, s.id");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(patient)
        .fetch_all(&db.reader)
        .await?)
}

/// Every sale not voided, whoever bought it (the unearned report), oldest first.
pub async fn sales_not_void(db: &Db) -> Result<Vec<Sale>> {
    let sql = format!("{SALES} WHERE {NOT_VOID} ORDER BY s.sold_on, s.id");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(&db.reader)
        .await?)
}

/// Redeems one session of `sale` (refused when none is left).
pub async fn redeem(
    db: &Db,
    sale: i64,
    appointment: Option<i64>,
    on: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = db.writer.begin().await?;
    let sql = format!(
        "SELECT s.sessions - (SELECT count(*) FROM package_redemptions r WHERE r.sale_id = s.id), s.patient_id \
         FROM package_sales s WHERE s.id = ? AND {NOT_VOID}"
    );
    let left: Option<(i64, i64)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(sale)
        .fetch_optional(&mut *tx)
        .await?;
    let Some((left, patient)) = left else {
        return Err(StoreError::NotFound("package sale"));
    };
    if left <= 0 {
        return Err(StoreError::Refused("no sessions are left on this package"));
    }
    sqlx::query(
        "INSERT INTO package_redemptions (sale_id, appointment_id, redeemed_on, created_at, actor) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(sale)
    .bind(appointment)
    .bind(on)
    .bind(now)
    .bind(actor)
    .execute(&mut *tx)
    .await?;
    let event = AuditEvent {
        actor,
        action: "package.redeem",
        entity: "patient",
        entity_id: Some(patient),
        fields: vec!["package_session".into()],
    };
    audit(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(())
}
