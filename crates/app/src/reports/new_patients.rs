//! The new-patients and referrals reports: patients whose first completed visit falls in the
//! range, by month and by the referral source on their record, with their net production in the
//! range (the rules are `frontdesk_domain::new_patient_sources` and `frontdesk_ledger::production`).
//! New-patients lists them by month, then source; referrals by source, then month.
use std::collections::{HashMap, HashSet};

use frontdesk_access::Permission;
use frontdesk_domain::new_patient_sources::{by_month_and_source, NewPatient, SourceMonth};
use frontdesk_ledger::production::{production_by_day, total};
use frontdesk_ledger::Entry;
use frontdesk_scheduling::{day_bounds, local_date};
use frontdesk_store::reports::new_patients::first_visits_between;
use serde::Serialize;

use super::Range;
use crate::{App, AppError};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct NewPatientTotals {
    pub new_patients: i64,
    pub production: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct NewPatientsReport {
    pub from: String,
    pub to: String,
    pub rows: Vec<SourceMonth>,
    pub totals: NewPatientTotals,
}

impl App {
    async fn new_patient_rows(&self, range: Range) -> Result<Vec<SourceMonth>, AppError> {
        let (from, to) = (
            day_bounds(self.tz, range.from).start,
            day_bounds(self.tz, range.to).end,
        );
        let firsts = first_visits_between(&self.db, from, to).await?;
        let ids: HashSet<i64> = firsts.iter().map(|f| f.0).collect();
        let (in_range, originals) = self.dated_entries(range.from, range.to).await?;
        let mut theirs: HashMap<i64, Vec<Entry>> = HashMap::new();
        for e in in_range.into_iter().filter(|e| ids.contains(&e.patient_id)) {
            theirs.entry(e.patient_id).or_default().push(e);
        }
        let patients: Vec<NewPatient> = firsts
            .into_iter()
            .map(|(id, start, source)| NewPatient {
                first_visit: local_date(self.tz, start),
                source,
                production: theirs
                    .get(&id)
                    .map(|es| total(production_by_day(es, &originals).values()).net_production)
                    .unwrap_or(0),
            })
            .collect();
        Ok(by_month_and_source(&patients))
    }

    fn new_patients_view(range: Range, rows: Vec<SourceMonth>) -> NewPatientsReport {
        let totals = NewPatientTotals {
            new_patients: rows.iter().map(|r| r.new_patients).sum(),
            production: rows.iter().map(|r| r.production).sum(),
        };
        NewPatientsReport {
            from: range.from.to_string(),
            to: range.to.to_string(),
            rows,
            totals,
        }
    }

    /// By month, then source.
    pub async fn new_patients_report(&self, range: Range) -> Result<NewPatientsReport, AppError> {
        self.require(Permission::ViewReports).await?;
        let rows = self.new_patient_rows(range).await?;
        self.audit_report("new-patients", Some(range)).await?;
        Ok(Self::new_patients_view(range, rows))
    }

    /// By source, then month.
    pub async fn referrals_report(&self, range: Range) -> Result<NewPatientsReport, AppError> {
        self.require(Permission::ViewReports).await?;
        let mut rows = self.new_patient_rows(range).await?;
        rows.sort_by(|a, b| {
            (a.source.to_lowercase(), &a.month).cmp(&(b.source.to_lowercase(), &b.month))
        });
        self.audit_report("referrals", Some(range)).await?;
        Ok(Self::new_patients_view(range, rows))
    }
}
