#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    /// The keychain answered, but holds no key for this database.
    #[error("the keychain has no key for this database")]
    KeychainMissing,
    /// The keychain cannot be reached (no Secret Service, locked, denied).
    #[error("the keychain cannot be reached: {0}")]
    KeychainUnavailable(String),
    /// The keychain holds something that is not a FrontDesk key.
    #[error("the keychain entry for this database is damaged")]
    KeychainCorrupt,
    #[error("{0}")]
    InvalidRecoveryCode(String),
    #[error("the operating system's random source failed")]
    Random,
    /// A backup passphrase too short, or a backup's key parameters damaged.
    #[error("{0}")]
    Passphrase(String),
}
