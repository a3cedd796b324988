//! Money: the office fee schedule, the account, ledger postings (payments, adjustments,
//! reversals), payment plans, packages, the day sheet and statements.
pub mod account;
pub mod day_sheet;
pub mod fee_schedule;
pub mod ledger_postings;
pub mod packages;
pub mod payment_plans;
pub mod statements;
