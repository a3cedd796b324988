//! Providers and operatories (rooms/chairs) of the practice.
use crate::{Db, Result};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, sqlx::FromRow)]
pub struct Provider {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub colour: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, sqlx::FromRow)]
pub struct Operatory {
    pub id: i64,
    pub name: String,
}

pub async fn add_provider(db: &Db, name: &str, kind: &str, colour: &str) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO providers (name, kind, colour) VALUES (?, ?, ?) RETURNING id",
    )
    .bind(name)
    .bind(kind)
    .bind(colour)
    .fetch_one(&db.writer)
    .await?)
}

pub async fn add_operatory(db: &Db, name: &str) -> Result<i64> {
    Ok(
        sqlx::query_scalar("INSERT INTO operatories (name) VALUES (?) RETURNING id")
            .bind(name)
            .fetch_one(&db.writer)
            .await?,
    )
}

pub async fn providers(db: &Db) -> Result<Vec<Provider>> {
    Ok(
        sqlx::query_as("SELECT id, name, kind, colour FROM providers WHERE active ORDER BY id")
            .fetch_all(&db.reader)
            .await?,
    )
}

pub async fn operatories(db: &Db) -> Result<Vec<Operatory>> {
    Ok(
        sqlx::query_as("SELECT id, name FROM operatories WHERE active ORDER BY id")
            .fetch_all(&db.reader)
            .await?,
    )
}
