//! Reports for running the office: production and collections, how appointments turned out, how
//! recall worked, new patients by month and referral source, the aging of accounts, the insurance aging of outstanding claims, unbilled procedures and unearned
//! prepayments. Each needs "view reports", is audited (who ran which report over which dates),
//! and reconciles with the screens it summarises: `production` with the day sheets, `aging` with
//! each account's balance, `insurance-aging` with the outstanding-claims worklist
//! (tests/rust/reports.rs proves it on the demo data). Any of them can be saved as CSV
//! ([`csv_export`]).
pub mod aging;
pub mod appointments;
pub mod csv_export;
pub mod insurance_aging;
pub mod new_patients;
pub mod production;
pub mod recall;
pub mod unbilled;
pub mod unearned;

use chrono::NaiveDate;
use frontdesk_insurance::text::parse_typed_date;

use crate::{App, AppError};

/// A report's date range, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The longest range a report runs over (ten years and a bit): a typo in a year gives an error
/// instead of a scan of every entry since year 1.
const MAX_DAYS: i64 = 3700;

impl Range {
    /// `from` and `to` as typed (e.g. `03/01/2026` or `2026-03-01`).
    pub fn parse(from: &str, to: &str) -> Result<Range, AppError> {
        let date = |field: &str, s: &str| {
            parse_typed_date(s)
                .ok_or_else(|| AppError::invalid(field, "is not a real date (e.g. 03/10/2026)"))
        };
        let (from, to) = (date("from", from)?, date("to", to)?);
        if to < from {
            return Err(AppError::invalid("to", "is before the start of the range"));
        }
        if (to - from).num_days() > MAX_DAYS {
            return Err(AppError::invalid(
                "to",
                "is more than ten years after the start",
            ));
        }
        Ok(Range { from, to })
    }
}

impl App {
    /// Logs who ran which report (the range as the fields; reports show PHI such as names).
    async fn audit_report(&self, name: &str, range: Option<Range>) -> Result<(), AppError> {
        let what = match range {
            Some(r) => format!("{name} {}..{}", r.from, r.to),
            None => format!("{name} as of {}", self.today()),
        };
        self.audit_export("report.run", "report", None, &what).await
    }
}
