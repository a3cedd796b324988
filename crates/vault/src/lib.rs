//! The database key: generated from the OS's random source, kept in the OS keychain, and written
//! out once as a recovery code for the day the keychain is lost.

pub mod backup_passphrase;
pub mod error;
pub mod key;
pub mod keychain;
pub mod recovery_code;

pub use error::VaultError;
pub use key::DatabaseKey;
pub use keychain::{KeyStore, OsKeychain};
pub use recovery_code::RecoveryCode;
