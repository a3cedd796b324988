//! The recall report: for each recall type, the recall visits that fell due in the range — seen,
//! booked, overdue, still unbooked — and the share of the range's recall visits after which the
//! patient left with the next one booked (the rules are
//! `frontdesk_scheduling::recall_outcomes`).
use std::collections::BTreeMap;

use frontdesk_access::Permission;
use frontdesk_scheduling::day_bounds;
use frontdesk_scheduling::recall_outcomes::{left_with_next_booked, PatientRecall, RecallCounts};
use frontdesk_store::{recall, reports::recall_outcomes};
use serde::Serialize;

use super::Range;
use crate::{App, AppError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct RecallRow {
    pub recall_type_id: i64,
    pub recall: String,
    pub interval_months: u32,
    #[serde(flatten)]
    pub counts: RecallCounts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct RecallReport {
    pub from: String,
    pub to: String,
    /// By recall type name.
    pub rows: Vec<RecallRow>,
    pub totals: RecallCounts,
}

impl App {
    pub async fn recall_report(&self, range: Range) -> Result<RecallReport, AppError> {
        self.require(Permission::ViewReports).await?;
        let today = self.today();
        let today_start = day_bounds(self.tz, today).start;
        let (from_start, to_end) = (
            day_bounds(self.tz, range.from).start,
            day_bounds(self.tz, range.to).end,
        );
        let made = recall_outcomes::made_and_starting(&self.db, from_start, to_end).await?;
        let mut rows = Vec::new();
        for kind in recall::recall_types(&self.db).await? {
            let booked = recall::next_booked(&self.db, today_start, &kind.procedure_codes).await?;
            let mut by_patient: BTreeMap<i64, Vec<chrono::NaiveDate>> = BTreeMap::new();
            for (p, day) in recall::visits(&self.db, &kind.procedure_codes).await? {
                by_patient.entry(p).or_default().push(day);
            }
            let mut counts = RecallCounts::default();
            for (patient, visits) in by_patient {
                let theirs = made.get(&patient).map(Vec::as_slice).unwrap_or(&[]);
                let visits_left_booked = visits
                    .iter()
                    .filter(|v| (range.from..=range.to).contains(*v))
                    .filter(|v| left_with_next_booked(day_bounds(self.tz, **v).end, theirs))
                    .copied()
                    .collect();
                let p = PatientRecall {
                    visits,
                    next_booked: booked
                        .get(&patient)
                        .map(|t| frontdesk_scheduling::local_date(self.tz, *t)),
                    visits_left_booked,
                };
                counts.add_patient(kind.interval_months, &p, range.from, range.to, today);
            }
            rows.push(RecallRow {
                recall_type_id: kind.id,
                recall: kind.name.clone(),
                interval_months: kind.interval_months,
                counts,
            });
        }
        rows.sort_by(|a, b| a.recall.cmp(&b.recall));
        let totals = rows
            .iter()
            .fold(RecallCounts::default(), |t, r| t.plus(&r.counts));
        self.audit_report("recall", Some(range)).await?;
        Ok(RecallReport {
            from: range.from.to_string(),
            to: range.to.to_string(),
            rows,
            totals,
        })
    }
}
