//! The OS keychain (Secret Service on Linux, Credential Manager on Windows, Keychain on macOS).
use crate::{DatabaseKey, VaultError};

/// Where the database key is kept between runs.
pub trait KeyStore: Send + Sync {
    /// The key for `database_id`, or `KeychainMissing` / `KeychainUnavailable`.
    fn load(&self, database_id: &str) -> Result<DatabaseKey, VaultError>;
    fn store(&self, database_id: &str, key: &DatabaseKey) -> Result<(), VaultError>;
    fn delete(&self, database_id: &str) -> Result<(), VaultError>;
}

/// The real keychain of this computer.
#[derive(Debug, Clone)]
pub struct OsKeychain {
    service: String,
}

impl Default for OsKeychain {
    fn default() -> Self {
        Self {
            service: "FrontDesk".into(),
        }
    }
}

impl OsKeychain {
    fn entry(&self, database_id: &str) -> Result<keyring::Entry, VaultError> {
        keyring::Entry::new(&self.service, &format!("database-key:{database_id}")).map_err(map_err)
    }
}

fn map_err(e: keyring::Error) -> VaultError {
    match e {
        keyring::Error::NoEntry => VaultError::KeychainMissing,
        keyring::Error::BadEncoding(_) => VaultError::KeychainCorrupt,
        other => VaultError::KeychainUnavailable(other.to_string()),
    }
}

impl KeyStore for OsKeychain {
    fn load(&self, database_id: &str) -> Result<DatabaseKey, VaultError> {
        let secret =
            zeroize::Zeroizing::new(self.entry(database_id)?.get_password().map_err(map_err)?);
        DatabaseKey::from_hex(&secret).ok_or(VaultError::KeychainCorrupt)
    }

    fn store(&self, database_id: &str, key: &DatabaseKey) -> Result<(), VaultError> {
        self.entry(database_id)?
            .set_password(&key.to_hex())
            .map_err(map_err)
    }

    fn delete(&self, database_id: &str) -> Result<(), VaultError> {
        match self.entry(database_id)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_err(e)),
        }
    }
}
