//! Key/value settings of this database (clinic timezone, database id, …). No PHI here.
use crate::{Db, Result};

pub async fn get(db: &Db, key: &str) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(key)
            .fetch_optional(&db.reader)
            .await?,
    )
}

pub async fn set(db: &Db, key: &str, value: &str) -> Result<()> {
    sqlx::query("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(key)
        .bind(value)
        .execute(&db.writer)
        .await?;
    Ok(())
}
