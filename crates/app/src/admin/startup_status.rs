//! What the desktop shows on start-up.
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum LockReason {
    /// The keychain answered but holds no (usable) key for this database.
    KeychainMissing,
    /// The keychain cannot be reached.
    KeychainUnavailable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum AppStatus {
    Ready {
        recovery_kit_pending: bool,
        user: String,
    },
    Locked {
        reason: LockReason,
        message: String,
    },
}
