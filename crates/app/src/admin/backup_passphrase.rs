//! The office's backup passphrase. When the administrator sets one, every backup (by hand or on
//! the schedule) is encrypted under a key derived from it (Argon2id, salted) instead of the
//! database key, so an off-site copy opens with the passphrase alone — not this PC's keychain or
//! recovery code. The derived key and its parameters are kept inside the encrypted database
//! (never the passphrase), so scheduled backups need no one to type it.
use frontdesk_access::Permission;
use frontdesk_vault::backup_passphrase::{check_passphrase, PassphraseKdf};
use frontdesk_vault::DatabaseKey;
use serde::{Deserialize, Serialize};

use crate::{App, AppError, ErrorCode};

const KEY: &str = "backup_passphrase_key";

#[derive(Default, Serialize, Deserialize)]
struct Stored {
    kdf: Option<PassphraseKdf>,
    /// The derived key, hex (inside the encrypted database only).
    key: Option<String>,
}

pub(crate) struct PassphraseKey {
    pub kdf: PassphraseKdf,
    pub key: DatabaseKey,
}

impl App {
    /// Sets (or with None, clears) the backup passphrase; later backups use it.
    pub async fn set_backup_passphrase(&self, passphrase: Option<&str>) -> Result<(), AppError> {
        self.require(Permission::BackupsRestore).await?;
        let stored = match passphrase {
            None => Stored::default(),
            Some(p) => {
                check_passphrase(p)?;
                let kdf = PassphraseKdf::new()?;
                let key = kdf.derive(p)?;
                Stored {
                    kdf: Some(kdf),
                    key: Some(hex::encode(&key.bytes()[..])),
                }
            }
        };
        crate::admin::settings::write(&self.db, KEY, &stored).await?;
        let event = frontdesk_store::AuditEvent {
            actor: &self.actor(),
            action: if passphrase.is_some() {
                "backup.passphrase_set"
            } else {
                "backup.passphrase_cleared"
            },
            entity: "database",
            entity_id: None,
            fields: vec![],
        };
        Ok(frontdesk_store::audit::append(&self.db, &event, self.now()).await?)
    }

    /// True when backups are made with the office's passphrase.
    pub async fn backup_passphrase_is_set(&self) -> Result<bool, AppError> {
        self.require_signed_in()?;
        Ok(self.backup_passphrase_key().await?.is_some())
    }

    pub(crate) async fn backup_passphrase_key(&self) -> Result<Option<PassphraseKey>, AppError> {
        let s: Stored = crate::admin::settings::read(&self.db, KEY).await?;
        match (s.kdf, s.key) {
            (Some(kdf), Some(hex_key)) => {
                let bytes: [u8; 32] = hex::decode(hex_key)
                    .ok()
                    .and_then(|b| b.try_into().ok())
                    .ok_or_else(|| {
                        AppError::new(
                            ErrorCode::Storage,
                            "the stored backup passphrase key is damaged; set the passphrase again",
                        )
                    })?;
                Ok(Some(PassphraseKey {
                    kdf,
                    key: DatabaseKey::from_bytes(bytes),
                }))
            }
            _ => Ok(None),
        }
    }
}
