//! The recall list (patients due back for recall care, with or without an appointment) and the
//! unscheduled list (cancelled or missed appointments nobody rebooked).
use chrono::Duration;
use frontdesk_access::Permission;
use frontdesk_domain::{PatientId, PatientSummary};
use frontdesk_insurance::text::parse_typed_date;
use frontdesk_scheduling::recall::add_months;
use frontdesk_scheduling::{day_bounds, local_datetime};
use frontdesk_store::{family, recall};
use serde::Serialize;

use crate::schedule::appointments::AppointmentView;
use crate::{App, AppError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct RecallDue {
    pub patient: PatientSummary,
    pub recall: String,
    /// `YYYY-MM-DD` of the last matching completed procedure.
    pub last_done: String,
    pub due: String,
    /// Due before today.
    pub overdue: bool,
    /// The next booked visit that will satisfy the recall, local `YYYY-MM-DD HH:MM`, if any.
    pub next_appointment: Option<String>,
}

impl App {
    /// Patients whose recall falls due from `from` (empty: any time before, so overdue ones too)
    /// to `until` (default 30 days from today), dates as `2026-03-10` or `3/10/2026`, overdue
    /// first; with `unscheduled_only`, only those with no visit booked that satisfies it.
    pub async fn recall_list(
        &self,
        from: &str,
        until: &str,
        unscheduled_only: bool,
    ) -> Result<Vec<RecallDue>, AppError> {
        self.require(Permission::ViewPatients).await?;
        let today = self.today();
        let date = |field: &str, s: &str| {
            parse_typed_date(s).ok_or_else(|| {
                AppError::from(frontdesk_domain::ValidationErrors(vec![
                    frontdesk_domain::FieldError::new(
                        field,
                        "is not a real date (e.g. 03/10/2026)",
                    ),
                ]))
            })
        };
        let until = if until.trim().is_empty() {
            today + Duration::days(30)
        } else {
            date("until", until)?
        };
        let from_day = if from.trim().is_empty() {
            None
        } else {
            Some(date("from", from)?)
        };
        let from = day_bounds(self.tz, today).start;
        let mut out = Vec::new();
        for kind in recall::recall_types(&self.db).await? {
            let booked = recall::next_booked(&self.db, from, &kind.procedure_codes).await?;
            for (patient, last) in recall::last_done(&self.db, &kind.procedure_codes).await? {
                let due = add_months(last, kind.interval_months);
                if due > until || from_day.is_some_and(|f| due < f) {
                    continue;
                }
                let next = booked.get(&patient).copied();
                if unscheduled_only && next.is_some() {
                    continue;
                }
                out.push((patient, kind.name.clone(), last, due, next));
            }
        }
        out.sort_by_key(|(_, _, _, due, _)| *due);
        let ids: Vec<PatientId> = out.iter().map(|(p, ..)| *p).collect();
        let people = family::summaries(&self.db, &ids).await?;
        Ok(out
            .into_iter()
            .filter_map(|(patient, name, last, due, next)| {
                Some(RecallDue {
                    patient: people.get(&patient)?.clone(),
                    recall: name,
                    last_done: last.to_string(),
                    due: due.to_string(),
                    overdue: due < today,
                    next_appointment: next.map(|t| {
                        local_datetime(self.tz, t)
                            .format("%Y-%m-%d %H:%M")
                            .to_string()
                    }),
                })
            })
            .collect())
    }

    /// Appointments cancelled or missed in the last 180 days whose patient has booked nothing
    /// since: call them to rebook.
    pub async fn unscheduled_list(&self) -> Result<Vec<AppointmentView>, AppError> {
        self.require(Permission::ViewPatients).await?;
        let since = day_bounds(self.tz, self.today() - Duration::days(180)).start;
        let mut out = Vec::new();
        for a in recall::unscheduled(&self.db, since).await? {
            out.push(self.appointment(a.appointment.id).await?);
        }
        Ok(out)
    }
}
