//! The patient ledger's rules as pure functions over plain data: no I/O, no database, no clock
//! reads (the caller passes the dates and "today" in).
//!
//! Each patient has a ledger; the ledgers of a family are rolled up to their guarantor, the person
//! who gets the statement. Entries are never edited or deleted: a mistake is corrected with a
//! [`EntryKind::Reversal`] linked to the original.
//!
//! - [`entry`]: the records ([`Entry`], [`NewEntry`], payment methods, adjustment kinds).
//! - [`sign`]: the sign convention: what each entry does to the balance.
//! - [`validate`]: whether a new entry may be posted ([`validate_new_entry`]).
//! - [`mod@balance`]: what the guarantor owes ([`balance()`]).
//! - [`open_items`]: which charges are still open once credits went to the oldest first.
//! - [`mod@allocate`]: splitting a payment over open charges ([`allocate()`]), unapplied credit.
//! - [`mod@aging`]: the balance in 0–30, 31–60, 61–90 and over-90-day buckets ([`aging()`]).
//! - [`mod@patient_due`]: "balance − estimated insurance = patient due" ([`patient_due()`]).
//! - [`production`]: production and collections by day (the production report).
//! - [`package_value`]: what a prepaid package still holds (sessions left at the price paid).
//! - [`plan`]: payment plans: [`instalments`] and what is [`overdue`].
//!
//! # Sign convention
//!
//! Every amount is typed as a positive number of cents; the entry's kind says which way it moves
//! the balance. A positive balance is money the guarantor owes the office; a negative balance is a
//! credit (the office owes the guarantor, or holds prepaid money).
//!
//! | entry                                   | effect on the balance          |
//! |-----------------------------------------|--------------------------------|
//! | charge                                  | `+ amount` (a debit)           |
//! | refund (adjustment)                     | `+ amount` (a debit: money given back) |
//! | payment (any method, insurance too)     | `− amount` (a credit)          |
//! | PPO write-off, discount, bad debt       | `− amount` (a credit)          |
//! | reversal of an entry                    | `−` the original's effect      |
//!
//! So `balance = Σ charges + Σ refunds − Σ payments − Σ other adjustments`, counting only entries
//! that were not reversed (an entry and its reversal add up to zero).
//!
//! Amounts are shown to the UI as integer cents (`i64`).
pub mod aging;
pub mod allocate;
pub mod balance;
mod cents_serde;
pub mod entry;
pub mod open_items;
pub mod package_value;
pub mod patient_due;
pub mod plan;
pub mod production;
pub mod sign;
pub mod validate;

#[cfg(test)]
mod fixture;

pub use aging::{aging, Aging};
pub use allocate::{allocate, Allocation, AllocationOrder, Applied};
pub use balance::{balance, credits_total, debits_total};
pub use entry::{
    AdjustmentKind, ClaimId, Entry, EntryId, EntryKind, GuarantorId, NewEntry, PaymentMethod,
    TreatmentItemId,
};
pub use open_items::{open_charges, OpenCharge, OpenItems};
pub use patient_due::patient_due;
pub use plan::{instalments, overdue, Instalment, Overdue, MAX_INSTALMENTS};
pub use production::{production_by_day, Production};
pub use sign::{effect, Direction};
pub use validate::validate_new_entry;
