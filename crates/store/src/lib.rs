//! FrontDesk's encrypted database. All SQL of the application lives in this crate: one module
//! per table group, migrations in `migrations/` applied with `sqlx::migrate!`.

pub mod asap;
pub mod audit;
pub mod backup_facts;
pub mod claims;
pub mod contact_log;
pub mod coverages;
pub mod db;
pub mod error;
pub mod family;
pub mod fee_schedule;
pub mod insurance_plans;
pub mod ledger;
pub mod patient_rows;
pub mod patient_search;
pub mod patients;
pub mod practice;
pub mod preauths;
pub mod recall;
pub mod reports;
pub mod schedule;
pub mod settings;
pub mod testing;
pub mod treatment;
pub mod users;
pub mod verifications;

pub use audit::{AuditEntry, AuditEvent};
pub use db::{Db, DbKey};
pub use error::StoreError;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
