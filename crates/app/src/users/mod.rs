//! People: who is signed in (`session`), the sign-in, PIN and lock rules applied to the database
//! (`sign_in`), the administrator's user management (`user_admin`), the security settings
//! (`security_settings`) and the tamper-evident audit log (`audit_log`).
pub mod audit_log;
pub mod security_settings;
pub mod session;
pub mod sign_in;
pub mod user_admin;

pub use frontdesk_access::{Permission, Role};
pub use session::SessionUser;
