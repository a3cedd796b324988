//! FrontDesk use-cases: the one API that the desktop commands, the CLI and the tests call.
//! Start with [`start`]: it opens (or on first run creates) the encrypted database with the key
//! from the OS keychain, or reports that the recovery code is needed.

pub mod account;
pub mod actor;
pub mod asap;
pub mod bench_schedule;
pub mod bench_search;
pub mod checkin_packet;
pub mod claim_form;
pub mod claims;
pub mod confirmations;
pub mod coverage;
pub mod data_dir;
pub mod day_sheet;
pub mod demo;
pub mod demo_insurance;
mod demo_money;
pub mod demo_schedule;
pub mod documents_api;
pub mod error;
pub mod family;
pub mod fees;
pub mod insurance;
pub mod lifecycle;
pub mod limits;
pub mod office_documents;
pub mod packages;
pub mod patients;
pub mod payment_plans;
pub mod payments;
pub mod preauths;
pub mod printing;
pub mod recall;
pub mod receipt;
pub mod recovery_kit;
pub mod restore;
pub mod saved_document;
pub mod schedule;
pub mod schedule_setup;
pub mod statements;
pub mod status;
pub mod treatment_plan;
pub mod verification;

pub use error::{AppError, ErrorCode};
pub use lifecycle::{start, unlock_with_recovery_code, App, Config, Locked, Started};
pub use status::{AppStatus, LockReason};
