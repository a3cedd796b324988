//! Who may do what, and how we know who they are. Pure rules, no I/O:
//! - `permission`: the named permissions; `role_permissions`: the role → permission table;
//! - `password_hashing`: Argon2id for passwords and PINs (parameters in one place);
//! - `sign_in_throttle`: the growing delay and lock-out after failed attempts;
//! - `pin_window`: when a PIN is accepted instead of the full password;
//! - `user_rules`: usernames, full names, the last-administrator rule;
//! - `audit_chain`: the hash chain that makes the audit log tamper-evident.
pub mod audit_chain;
pub mod password_hashing;
pub mod permission;
pub mod pin_window;
pub mod role_permissions;
pub mod sign_in_throttle;
pub mod user_rules;

pub use permission::Permission;
pub use role_permissions::{effective_permissions, Role};
