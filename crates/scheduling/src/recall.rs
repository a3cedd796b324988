//! Recall: a recall type (prophy every 6 months, perio maintenance every 3, Botox every 4) lists
//! the procedure codes that satisfy it. A patient's due date is the date of the last **completed**
//! matching procedure plus the interval in calendar months; a day that does not exist in the
//! target month clamps to its last day (Aug 31 + 6 months = Feb 28, or Feb 29 in a leap year).
//!
//! A patient with no matching history has no due date: [`due_date`] returns `None` and
//! [`recall_state`] says [`RecallState::NeverSeen`], which the recall list treats as due now.
use chrono::{Months, NaiveDate};
use frontdesk_domain::ValidationErrors;
use serde::{Deserialize, Serialize};

use crate::checks::Problems;

pub type RecallTypeId = i64;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct RecallType {
    pub id: RecallTypeId,
    pub name: String,
    /// 1 to 60 months.
    pub interval_months: u32,
    /// Completing any of these satisfies the recall (compared trimmed, ignoring case).
    pub procedure_codes: Vec<String>,
}

impl RecallType {
    /// `name`, `interval_months` (1–60), `procedure_codes` (at least one).
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut p = Problems::default();
        p.name("name", &self.name, 100);
        if !(1..=60).contains(&self.interval_months) {
            p.add("interval_months", "must be 1 to 60 months");
        }
        if self.procedure_codes.iter().all(|c| c.trim().is_empty()) {
            p.add("procedure_codes", "list at least one procedure code");
        }
        p.finish()
    }

    pub fn satisfied_by(&self, code: &str) -> bool {
        let code = code.trim();
        self.procedure_codes
            .iter()
            .any(|c| !c.trim().is_empty() && c.trim().eq_ignore_ascii_case(code))
    }
}

/// A procedure the patient completed, on the local date of service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct CompletedProcedure {
    pub code: String,
    pub date: NaiveDate,
}

/// `date` plus `months` calendar months, clamped to the end of a shorter month.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// Last completed matching procedure + the interval; `None` when there is none (never seen).
pub fn due_date(recall: &RecallType, history: &[CompletedProcedure]) -> Option<NaiveDate> {
    history
        .iter()
        .filter(|p| recall.satisfied_by(&p.code))
        .map(|p| p.date)
        .max()
        .map(|last| add_months(last, recall.interval_months))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum RecallState {
    /// No matching completed procedure: due now.
    NeverSeen,
    /// Due later.
    Upcoming { due: NaiveDate },
    /// Due today or overdue since `due`.
    Due { due: NaiveDate },
}

impl RecallState {
    /// It belongs on the "due" recall list today.
    pub fn is_due(self) -> bool {
        !matches!(self, RecallState::Upcoming { .. })
    }
}

/// Where the patient stands for `recall` on `today` (clinic date).
pub fn recall_state(
    recall: &RecallType,
    history: &[CompletedProcedure],
    today: NaiveDate,
) -> RecallState {
    match due_date(recall, history) {
        None => RecallState::NeverSeen,
        Some(due) if due <= today => RecallState::Due { due },
        Some(due) => RecallState::Upcoming { due },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn recall(months: u32, codes: &[&str]) -> RecallType {
        RecallType {
            id: 1,
            name: "Prophy".into(),
            interval_months: months,
            procedure_codes: codes.iter().map(|c| c.to_string()).collect(),
        }
    }

    fn done(code: &str, date: NaiveDate) -> CompletedProcedure {
        CompletedProcedure {
            code: code.into(),
            date,
        }
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end() {
        for (from, months, want) in [
            (d(2026, 8, 31), 6, d(2027, 2, 28)),
            (d(2027, 8, 31), 6, d(2028, 2, 29)), // leap year
            (d(2026, 1, 31), 1, d(2026, 2, 28)),
            (d(2026, 3, 31), 3, d(2026, 6, 30)),
            (d(2026, 5, 31), 4, d(2026, 9, 30)),
            (d(2026, 2, 28), 6, d(2026, 8, 28)),
            (d(2026, 1, 15), 3, d(2026, 4, 15)),
            (d(2026, 11, 30), 3, d(2027, 2, 28)),
            (d(2024, 2, 29), 12, d(2025, 2, 28)),
        ] {
            assert_eq!(add_months(from, months), want, "{from} + {months}");
        }
    }

    #[test]
    fn due_from_the_last_matching_completed_procedure() {
        let prophy = recall(6, &["D1110", "D1120"]);
        let history = [
            done("D1110", d(2025, 3, 3)),
            done("d1120 ", d(2026, 8, 31)), // latest match, typed loosely
            done("D0120", d(2026, 10, 1)),  // an exam does not count
        ];
        assert_eq!(due_date(&prophy, &history), Some(d(2027, 2, 28)));
        let perio = recall(3, &["D4910"]);
        assert_eq!(due_date(&perio, &history), None);
        let botox = recall(4, &["BOTOX"]);
        assert_eq!(
            due_date(&botox, &[done("botox", d(2026, 10, 31))]),
            Some(d(2027, 2, 28))
        );
    }

    #[test]
    fn states() {
        let prophy = recall(6, &["D1110"]);
        let history = [done("D1110", d(2026, 1, 10))];
        for (today, want) in [
            (
                d(2026, 7, 9),
                RecallState::Upcoming {
                    due: d(2026, 7, 10),
                },
            ),
            (
                d(2026, 7, 10),
                RecallState::Due {
                    due: d(2026, 7, 10),
                },
            ),
            (
                d(2026, 12, 1),
                RecallState::Due {
                    due: d(2026, 7, 10),
                },
            ),
        ] {
            assert_eq!(recall_state(&prophy, &history, today), want, "{today}");
        }
        let never = recall_state(&prophy, &[], d(2026, 7, 9));
        assert_eq!(never, RecallState::NeverSeen);
        assert!(never.is_due());
        assert!(!RecallState::Upcoming {
            due: d(2026, 7, 10)
        }
        .is_due());
    }

    #[test]
    fn validation_names_fields() {
        assert!(recall(6, &["D1110"]).validate().is_ok());
        let fields: Vec<String> = recall(0, &[" "])
            .validate()
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, vec!["interval_months", "procedure_codes"]);
        assert_eq!(
            recall(61, &["D1110"]).validate().unwrap_err().first_field(),
            Some("interval_months")
        );
    }
}
