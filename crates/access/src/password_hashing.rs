//! Argon2id for passwords and PINs. The parameters live here and nowhere else. A password never
//! derives or opens the database key: it only proves who is at the keyboard.
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

/// 19 MiB, 2 iterations, 1 lane (OWASP's minimum for Argon2id).
pub const MEMORY_KIB: u32 = 19 * 1024;
pub const ITERATIONS: u32 = 2;
pub const LANES: u32 = 1;

pub const MIN_PASSWORD_CHARS: usize = 8;
pub const MAX_PASSWORD_CHARS: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error("The password must have at least {MIN_PASSWORD_CHARS} characters.")]
    PasswordTooShort,
    #[error("The password is too long.")]
    PasswordTooLong,
    #[error("The PIN must be 4 to 8 digits.")]
    BadPin,
    #[error("The password could not be hashed.")]
    Hashing,
}

fn hasher() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, LANES, None).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn check_password(password: &str) -> Result<(), SecretError> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS || password.trim().is_empty() {
        return Err(SecretError::PasswordTooShort);
    }
    if n > MAX_PASSWORD_CHARS {
        return Err(SecretError::PasswordTooLong);
    }
    Ok(())
}

pub fn check_pin(pin: &str) -> Result<(), SecretError> {
    if (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(SecretError::BadPin)
    }
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) with a fresh random salt.
pub fn hash_secret(secret: &str) -> Result<String, SecretError> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(secret.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| SecretError::Hashing)
}

/// True when `secret` matches the stored PHC string. A malformed stored hash never matches.
pub fn verify_secret(secret: &str, stored: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    // Verify with the parameters recorded in the hash (so raising them later keeps old hashes).
    Argon2::default()
        .verify_password(secret.as_bytes(), &parsed)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_the_parameters_and_salted() {
        let a = hash_secret("correct horse").unwrap();
        let b = hash_secret("correct horse").unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b);
        assert!(verify_secret("correct horse", &a));
        assert!(!verify_secret("correct horsE", &a));
        assert!(!verify_secret("correct horse", "not a hash"));
    }

    #[test]
    fn password_and_pin_rules() {
        assert_eq!(check_password("short"), Err(SecretError::PasswordTooShort));
        assert_eq!(
            check_password("        "),
            Err(SecretError::PasswordTooShort)
        );
        assert!(check_password("long enough").is_ok());
        for ok in ["1234", "12345678"] {
            assert!(check_pin(ok).is_ok());
        }
        for bad in ["123", "123456789", "12a4", "", "١٢٣٤"] {
            assert_eq!(check_pin(bad), Err(SecretError::BadPin), "{bad}");
        }
    }
}
