//! FrontDesk domain: the records a front desk keeps and the rules about them.
//! Pure code: no database, no window, no clock reads (the clock is passed in).

pub mod backup_retention;
pub mod backup_schedule;
pub mod clock;
pub mod contact_log;
pub mod dob;
pub mod error;
pub mod family;
pub mod fee_schedule;
pub mod money;
pub mod new_patient_sources;
pub mod patient;
pub mod patient_diff;
pub mod redacted;
pub mod search_key;
pub mod search_query;
pub mod validation;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{FieldError, ParseProblem, ValidationErrors};
pub use family::Relationship;
pub use patient::*;
pub use redacted::Redacted;
