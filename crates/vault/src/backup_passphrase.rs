//! A backup passphrase: an off-site backup encrypted with a key derived from a passphrase the
//! administrator keeps (Argon2id, salted), so it opens without this PC's keychain or recovery
//! code. The salt and parameters travel in the backup's manifest; the passphrase never does.
use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};

use crate::{DatabaseKey, VaultError};

pub const MIN_PASSPHRASE_CHARS: usize = 12;
/// Stronger than sign-in hashing: an off-site copy faces offline guessing.
pub const MEMORY_KIB: u32 = 64 * 1024;
pub const ITERATIONS: u32 = 3;
pub const LANES: u32 = 1;

/// How a backup's key was derived from its passphrase (written into the manifest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassphraseKdf {
    /// Always "argon2id".
    pub algorithm: String,
    pub memory_kib: u32,
    pub iterations: u32,
    pub lanes: u32,
    /// 16 random bytes, hex.
    pub salt: String,
}

impl PassphraseKdf {
    /// Fresh parameters with a random salt.
    pub fn new() -> Result<Self, VaultError> {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|_| VaultError::Random)?;
        Ok(PassphraseKdf {
            algorithm: "argon2id".into(),
            memory_kib: MEMORY_KIB,
            iterations: ITERATIONS,
            lanes: LANES,
            salt: hex::encode(salt),
        })
    }

    /// The 256-bit key for `passphrase` under these parameters.
    pub fn derive(&self, passphrase: &str) -> Result<DatabaseKey, VaultError> {
        let bad = || VaultError::Passphrase("the backup's key parameters are damaged".into());
        // A manifest is outside input: parameters beyond what FrontDesk writes (up to 1 GiB,
        // 10 passes, 8 lanes) are refused rather than run.
        let sane = (8..=1024 * 1024).contains(&self.memory_kib)
            && (1..=10).contains(&self.iterations)
            && (1..=8).contains(&self.lanes);
        if self.algorithm != "argon2id" || !sane {
            return Err(bad());
        }
        let salt = hex::decode(&self.salt).map_err(|_| bad())?;
        let params = Params::new(self.memory_kib, self.iterations, self.lanes, Some(32))
            .map_err(|_| bad())?;
        let mut out = [0u8; 32];
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(passphrase.as_bytes(), &salt, &mut out)
            .map_err(|_| bad())?;
        Ok(DatabaseKey::from_bytes(out))
    }
}

pub fn check_passphrase(p: &str) -> Result<(), VaultError> {
    if p.chars().count() < MIN_PASSPHRASE_CHARS || p.trim().is_empty() {
        return Err(VaultError::Passphrase(format!(
            "a backup passphrase has at least {MIN_PASSPHRASE_CHARS} characters"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_passphrase_and_salt_give_the_same_key_and_anything_else_another() {
        let kdf = PassphraseKdf {
            memory_kib: 1024,
            iterations: 1,
            ..PassphraseKdf::new().unwrap()
        };
        let a = kdf.derive("correct horse battery").unwrap();
        assert!(a.bytes() == kdf.derive("correct horse battery").unwrap().bytes());
        assert!(a.bytes() != kdf.derive("correct horse batterY").unwrap().bytes());
        let other_salt = PassphraseKdf {
            memory_kib: 1024,
            iterations: 1,
            ..PassphraseKdf::new().unwrap()
        };
        assert!(a.bytes() != other_salt.derive("correct horse battery").unwrap().bytes());
        let damaged = PassphraseKdf {
            salt: "zz".into(),
            ..kdf.clone()
        };
        assert!(damaged.derive("x").is_err());
        assert!(check_passphrase("short").is_err());
        assert!(check_passphrase("twelve chars").is_ok());
    }
}
