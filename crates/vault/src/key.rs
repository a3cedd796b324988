//! A 256-bit SQLCipher key, wiped from memory when dropped and never printed.
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::VaultError;

#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct DatabaseKey([u8; 32]);

impl DatabaseKey {
    /// A new key from the operating system's cryptographic random source.
    pub fn generate() -> Result<Self, VaultError> {
        let mut k = [0u8; 32];
        getrandom::fill(&mut k).map_err(|_| VaultError::Random)?;
        Ok(Self(k))
    }

    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    pub fn bytes(&self) -> Zeroizing<[u8; 32]> {
        Zeroizing::new(self.0)
    }

    pub(crate) fn to_hex(&self) -> Zeroizing<String> {
        Zeroizing::new(hex::encode(self.0))
    }

    pub(crate) fn from_hex(s: &str) -> Option<Self> {
        let mut k = [0u8; 32];
        hex::decode_to_slice(s.trim(), &mut k).ok()?;
        Some(Self(k))
    }
}

impl std::fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DatabaseKey([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_differ_and_do_not_print() {
        let a = DatabaseKey::generate().unwrap();
        let b = DatabaseKey::generate().unwrap();
        assert_ne!(a, b);
        assert_eq!(format!("{a:?}"), "DatabaseKey([redacted])");
        assert_eq!(DatabaseKey::from_hex(&a.to_hex()), Some(a));
    }
}
