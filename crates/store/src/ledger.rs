//! The patient ledger and what hangs off it: entries (append-only), payment plans, packages,
//! statements as sent.
pub mod entries;
pub mod packages;
pub mod plans;
pub mod statements;

pub use entries::{PostError, StoredEntry};

#[cfg(test)]
mod tests;
