//! Demo data for FrontDesk (`frontdesk demo`, the benchmarks): providers, operatories and
//! patients in families with accented and non-Latin names, insurance, a schedule that includes
//! today, and money. Deterministic for a given seed. Kept out of the production use-case crate.
mod insurance;
mod money;
mod people;
mod schedule;
mod today;
mod users;

pub use people::{generate_patients, load_demo, DemoSummary};
pub use users::add_demo_users;

/// A small generic fee list for demo data: common codes with the office's own plain words
/// (CDT descriptions are licensed and not shipped).
pub const DEMO_FEES_CSV: &str = include_str!("../data/demo-fees.csv");
