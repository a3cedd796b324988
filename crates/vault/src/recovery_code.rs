//! The recovery code: the 32-byte key in Crockford base32 (no I, L, O, U; case-insensitive;
//! I/L read as 1 and O as 0), in 13 groups of four characters, each followed by a check character
//! (Luhn mod 32) so a mistyped group is found and named before the database is even tried.
//! Example shape: `7KQ2M-…` ×13, 65 characters in all.
use std::sync::OnceLock;

use data_encoding::{Encoding, Specification};
use zeroize::Zeroizing;

use crate::{DatabaseKey, VaultError};

const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUP: usize = 4;
/// 256 bits in base32: 52 characters.
const DATA_CHARS: usize = 52;
pub const GROUPS: usize = DATA_CHARS / GROUP;

fn crockford() -> &'static Encoding {
    static E: OnceLock<Encoding> = OnceLock::new();
    E.get_or_init(|| {
        let mut spec = Specification::new();
        spec.symbols.push_str(ALPHABET);
        spec.translate.from.push_str("abcdefghjkmnpqrstvwxyzILilOo");
        spec.translate.to.push_str("ABCDEFGHJKMNPQRSTVWXYZ111100");
        spec.encoding().expect("valid Crockford specification")
    })
}

fn value(c: u8) -> Option<u32> {
    ALPHABET.bytes().position(|a| a == c).map(|p| p as u32)
}

/// Luhn mod N check character over `group` (already upper-case, canonical symbols).
fn check_char(group: &[u8]) -> u8 {
    let n = 32u32;
    let mut factor = 2;
    let mut sum = 0;
    for &c in group.iter().rev() {
        let addend = factor * value(c).expect("canonical symbol");
        factor = if factor == 2 { 1 } else { 2 };
        sum += addend / n + addend % n;
    }
    let check = (n - sum % n) % n;
    ALPHABET.as_bytes()[check as usize]
}

/// A recovery code as shown to and typed by a person.
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryCode(Zeroizing<String>);

impl std::fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryCode([redacted])")
    }
}

impl RecoveryCode {
    pub fn from_key(key: &DatabaseKey) -> Self {
        let data = Zeroizing::new(crockford().encode(&key.bytes()[..]));
        let groups: Vec<String> = data
            .as_bytes()
            .chunks(GROUP)
            .map(|g| {
                let mut s = String::from_utf8(g.to_vec()).expect("ascii");
                s.push(check_char(g) as char);
                s
            })
            .collect();
        Self(Zeroizing::new(groups.join("-")))
    }

    /// The code grouped for display: `ABCD7-EFGH2-…`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Reads a typed code: spaces, dashes and case do not matter; I/L are 1 and O is 0.
    /// A typo is reported with the group it is in.
    pub fn parse_key(typed: &str) -> Result<DatabaseKey, VaultError> {
        let mut chars: Zeroizing<Vec<u8>> = Zeroizing::new(Vec::with_capacity(65));
        for c in typed
            .bytes()
            .filter(|c| !c.is_ascii_whitespace() && *c != b'-')
        {
            let canonical = match c.to_ascii_uppercase() {
                b'I' | b'L' => b'1',
                b'O' => b'0',
                u => u,
            };
            if value(canonical).is_none() {
                return Err(VaultError::InvalidRecoveryCode(
                    "a recovery code has only the digits 0-9 and the letters A-Z without U".into(),
                ));
            }
            chars.push(canonical);
        }
        let expected = GROUPS * (GROUP + 1);
        if chars.len() != expected {
            return Err(VaultError::InvalidRecoveryCode(format!(
                "a recovery code has {expected} characters ({GROUPS} groups of {}); this one has {}",
                GROUP + 1,
                chars.len()
            )));
        }
        let mut data: Zeroizing<Vec<u8>> = Zeroizing::new(Vec::with_capacity(DATA_CHARS));
        for (i, g) in chars.chunks(GROUP + 1).enumerate() {
            if check_char(&g[..GROUP]) != g[GROUP] {
                return Err(VaultError::InvalidRecoveryCode(format!(
                    "group {} of the recovery code has a typo",
                    i + 1
                )));
            }
            data.extend_from_slice(&g[..GROUP]);
        }
        let bytes = Zeroizing::new(crockford().decode(&data).map_err(|_| {
            VaultError::InvalidRecoveryCode("the recovery code is not valid".into())
        })?);
        let key: [u8; 32] = bytes[..].try_into().map_err(|_| {
            VaultError::InvalidRecoveryCode("the recovery code is not valid".into())
        })?;
        Ok(DatabaseKey::from_bytes(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn round_trips_with_any_spacing_and_case() {
        let key = DatabaseKey::generate().unwrap();
        let code = RecoveryCode::from_key(&key);
        assert_eq!(code.as_str().len(), 13 * 5 + 12);
        assert_eq!(code.as_str().split('-').count(), 13);
        assert_eq!(RecoveryCode::parse_key(code.as_str()).unwrap(), key);
        let sloppy = code
            .as_str()
            .to_lowercase()
            .replace('-', " ")
            .replace('1', "l")
            .replace('0', "o");
        assert_eq!(RecoveryCode::parse_key(&sloppy).unwrap(), key);
    }

    #[test]
    fn a_typo_names_its_group() {
        let key = DatabaseKey::from_bytes([7u8; 32]);
        let code = RecoveryCode::from_key(&key).as_str().to_string();
        let mut bytes = code.into_bytes();
        // Change the first character of group 3 (index 12) to another symbol.
        bytes[12] = if bytes[12] == b'A' { b'B' } else { b'A' };
        let err = RecoveryCode::parse_key(std::str::from_utf8(&bytes).unwrap()).unwrap_err();
        assert_eq!(
            err,
            VaultError::InvalidRecoveryCode("group 3 of the recovery code has a typo".into())
        );
    }

    #[test]
    fn wrong_length_and_symbols_are_refused() {
        assert!(
            matches!(RecoveryCode::parse_key("ABCD"), Err(VaultError::InvalidRecoveryCode(m)) if m.contains("65 characters"))
        );
        assert!(matches!(
            RecoveryCode::parse_key("ABCU!"),
            Err(VaultError::InvalidRecoveryCode(_))
        ));
    }

    proptest! {
        #[test]
        fn every_key_round_trips(bytes in proptest::array::uniform32(any::<u8>())) {
            let key = DatabaseKey::from_bytes(bytes);
            prop_assert_eq!(RecoveryCode::parse_key(RecoveryCode::from_key(&key).as_str()).unwrap(), key);
        }

        #[test]
        fn any_single_substitution_is_caught(bytes in proptest::array::uniform32(any::<u8>()), pos in 0usize..65, sym in 0usize..32) {
            let key = DatabaseKey::from_bytes(bytes);
            let code: Vec<u8> = RecoveryCode::from_key(&key).as_str().bytes().filter(|b| *b != b'-').collect();
            let mut typo = code.clone();
            typo[pos] = ALPHABET.as_bytes()[sym];
            prop_assume!(typo != code);
            prop_assert!(RecoveryCode::parse_key(std::str::from_utf8(&typo).unwrap()).is_err());
        }
    }
}
