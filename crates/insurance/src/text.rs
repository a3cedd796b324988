//! Small checks shared by the record drafts: required text, length, dates as typed (`3/10/2026`,
//! `2026-03-10`).
use chrono::NaiveDate;
use frontdesk_domain::FieldError;

/// Collects field problems for one draft.
#[derive(Default)]
pub struct Problems(pub Vec<FieldError>);

impl Problems {
    pub fn add(&mut self, field: impl Into<String>, problem: impl Into<String>) {
        self.0.push(FieldError::new(field, problem));
    }

    /// Trims `value` in place; reports it if required and empty, or longer than `max`.
    pub fn text(&mut self, field: &str, value: &mut String, required: bool, max: usize) {
        *value = value.trim().to_string();
        if required && value.is_empty() {
            self.add(field, "is required");
        } else if value.chars().count() > max {
            self.add(field, format!("is longer than {max} characters"));
        } else if value.chars().any(char::is_control) {
            self.add(field, "contains control characters");
        }
    }

    /// A required `YYYY-MM-DD` date.
    pub fn date(&mut self, field: &str, value: &str) -> Option<NaiveDate> {
        match parse_typed_date(value) {
            Some(d) => Some(d),
            None if value.trim().is_empty() => {
                self.add(field, "is required");
                None
            }
            None => {
                self.add(field, "is not a real date (e.g. 03/10/2026)");
                None
            }
        }
    }

    /// An optional `YYYY-MM-DD` date (empty is none).
    pub fn optional_date(&mut self, field: &str, value: &str) -> Option<NaiveDate> {
        if value.trim().is_empty() {
            return None;
        }
        self.date(field, value)
    }

    pub fn finish(self) -> Result<(), frontdesk_domain::ValidationErrors> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(frontdesk_domain::ValidationErrors(self.0))
        }
    }
}

/// A date as a coordinator types it: `2026-03-10`, `3/10/2026`, `03-10-2026` (month first).
pub fn parse_typed_date(s: &str) -> Option<NaiveDate> {
    frontdesk_domain::dob::parse_date_input(s.trim()).ok()
}
