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
        /// First start: no user exists yet; create the administrator.
        needs_first_admin: bool,
        /// Who is signed in (None: show the sign-in screen, or the lock screen if `locked_user`).
        user: Option<crate::users::SessionUser>,
        /// The session is locked: this user may come back with their PIN.
        locked_user: Option<String>,
        /// Minutes idle before the window locks.
        auto_lock_minutes: u32,
    },
    Locked {
        reason: LockReason,
        message: String,
    },
}
