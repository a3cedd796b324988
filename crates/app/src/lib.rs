//! FrontDesk use-cases: the one API that the desktop commands, the CLI and the tests call.
//! Start with [`start`]: it opens (or on first run creates) the encrypted database with the key
//! from the OS keychain, or reports that the recovery code is needed.
//!
//! One folder per capability, matching the screens and the rule crates: `patients`, `schedule`,
//! `insurance`, `money`, `documents`, `admin`, `users` (sign-in, permissions, the audit log), `reports`. See docs/architecture.md.

pub mod admin;
pub mod documents;
pub mod error;
pub mod insurance;
pub mod money;
pub mod patients;
pub mod reports;
pub mod schedule;
pub mod users;

pub use admin::lifecycle::{start, unlock_with_recovery_code, App, Config, Locked, Started};
pub use admin::startup_status::{AppStatus, LockReason};
pub use error::{AppError, ErrorCode};
