//! Office settings kept as typed JSON values in the encrypted database: read with a default when
//! none is stored, save, and a typed `storage` error (naming the setting, never its value) when a
//! stored value no longer reads — a corrupt setting is reported, not silently replaced.
use frontdesk_store::{settings, Db};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::{AppError, ErrorCode};

/// The setting `key`, or `T::default()` when none is stored.
pub(crate) async fn read<T: DeserializeOwned + Default>(db: &Db, key: &str) -> Result<T, AppError> {
    match settings::get(db, key).await? {
        None => Ok(T::default()),
        Some(text) => parse(key, &text),
    }
}

/// Saves `value` as the setting `key`.
pub(crate) async fn write<T: Serialize>(db: &Db, key: &str, value: &T) -> Result<(), AppError> {
    let json = serde_json::to_string(value).map_err(|_| {
        AppError::new(
            ErrorCode::Internal,
            format!("setting {key} could not be written"),
        )
    })?;
    Ok(settings::set(db, key, &json).await?)
}

fn parse<T: DeserializeOwned>(key: &str, text: &str) -> Result<T, AppError> {
    serde_json::from_str(text).map_err(|_| {
        AppError::new(
            ErrorCode::Storage,
            format!("the stored setting {key} is damaged; set it again on the Office screen"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    struct Limits {
        days: i64,
    }

    #[test]
    fn a_stored_value_reads_back() {
        let l: Limits = parse("limits", r#"{"days":7}"#).unwrap();
        assert_eq!(l, Limits { days: 7 });
    }

    #[test]
    fn a_damaged_value_is_a_typed_storage_error_naming_the_setting_not_the_value() {
        let e = parse::<Limits>("limits", r#"{"days":"Ana Lopez"}"#).unwrap_err();
        assert_eq!(e.code, ErrorCode::Storage);
        assert!(e.message.contains("limits"), "{}", e.message);
        assert!(!e.message.contains("Ana"), "{}", e.message);
    }

    #[tokio::test]
    async fn read_defaults_when_unset_and_fails_on_damage_in_a_real_database() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::create(&dir.path().join("t.db"), &frontdesk_store::DbKey::Plaintext)
            .await
            .unwrap();
        assert_eq!(
            read::<Limits>(&db, "limits").await.unwrap(),
            Limits::default()
        );
        write(&db, "limits", &Limits { days: 3 }).await.unwrap();
        assert_eq!(
            read::<Limits>(&db, "limits").await.unwrap(),
            Limits { days: 3 }
        );
        settings::set(&db, "limits", "not json").await.unwrap();
        assert_eq!(
            read::<Limits>(&db, "limits").await.unwrap_err().code,
            ErrorCode::Storage
        );
        db.close().await;
    }
}
