//! New patients by month and by where they came from, for the new-patients and referrals reports.
//!
//! - A patient is **new** in the month of their first completed visit.
//! - The **source** is the referral source on the patient's record, trimmed. Spellings that differ
//!   only in case or spacing are one source, shown as first met (in first-visit order). An empty
//!   source is [`NOT_RECORDED`].
//! - **Production** is what the caller measured for each new patient (their net production in
//!   the report's range), summed per row.
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

/// The source of a patient whose record names none.
pub const NOT_RECORDED: &str = "Not recorded";

/// One new patient as the reports see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPatient {
    pub first_visit: NaiveDate,
    /// As typed on the record.
    pub source: String,
    /// Cents.
    pub production: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct SourceMonth {
    /// `YYYY-MM`.
    pub month: String,
    pub source: String,
    pub new_patients: i64,
    /// Net production of those patients (cents).
    pub production: i64,
}

fn key(source: &str) -> String {
    source
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Rows by month, then source name (ignoring case); `patients` in any order.
pub fn by_month_and_source(patients: &[NewPatient]) -> Vec<SourceMonth> {
    let mut ordered: Vec<&NewPatient> = patients.iter().collect();
    ordered.sort_by_key(|p| p.first_visit);
    let mut labels: HashMap<String, String> = HashMap::new();
    let mut rows: BTreeMap<(String, String), SourceMonth> = BTreeMap::new();
    for p in ordered {
        let k = key(&p.source);
        let label = labels
            .entry(k.clone())
            .or_insert_with(|| {
                if k.is_empty() {
                    NOT_RECORDED.to_string()
                } else {
                    p.source.split_whitespace().collect::<Vec<_>>().join(" ")
                }
            })
            .clone();
        let month = p.first_visit.format("%Y-%m").to_string();
        let row = rows
            .entry((month.clone(), label.to_lowercase()))
            .or_insert(SourceMonth {
                month,
                source: label,
                new_patients: 0,
                production: 0,
            });
        row.new_patients += 1;
        row.production += p.production;
    }
    rows.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(m: u32, d: u32, source: &str, production: i64) -> NewPatient {
        NewPatient {
            first_visit: NaiveDate::from_ymd_opt(2026, m, d).unwrap(),
            source: source.into(),
            production,
        }
    }

    #[test]
    fn one_row_per_month_and_source_with_spellings_merged() {
        let rows = by_month_and_source(&[
            p(3, 9, "  website ", 5_000),
            p(3, 2, "Website", 10_000),
            p(3, 4, "Dr.  Lee", 0),
            p(3, 20, "", 2_000),
            p(4, 1, "WEBSITE", 7_000),
        ]);
        let got: Vec<(&str, &str, i64, i64)> = rows
            .iter()
            .map(|r| {
                (
                    r.month.as_str(),
                    r.source.as_str(),
                    r.new_patients,
                    r.production,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("2026-03", "Dr. Lee", 1, 0),
                ("2026-03", NOT_RECORDED, 1, 2_000),
                ("2026-03", "Website", 2, 15_000),
                ("2026-04", "Website", 1, 7_000),
            ]
        );
    }

    #[test]
    fn no_new_patients_no_rows() {
        assert!(by_month_and_source(&[]).is_empty());
    }
}
