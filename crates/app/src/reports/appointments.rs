//! The appointments report: per day and provider, how the booked visits turned out — completed,
//! cancelled (late ones too), missed, still open — with the rates and the scheduled production
//! (the rules are `frontdesk_scheduling::appointment_outcomes`).
use std::collections::HashMap;

use frontdesk_access::Permission;
use frontdesk_scheduling::appointment_outcomes::{
    outcomes_by_day_and_provider, total, Outcome, OutcomeCounts,
};
use frontdesk_scheduling::{day_bounds, local_date};
use frontdesk_store::{fee_schedule, reports::appointment_outcomes};
use serde::Serialize;

use super::Range;
use crate::{App, AppError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AppointmentsRow {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub provider_id: i64,
    pub provider: String,
    #[serde(flatten)]
    pub counts: OutcomeCounts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AppointmentsReport {
    pub from: String,
    pub to: String,
    /// By day, then provider.
    pub rows: Vec<AppointmentsRow>,
    pub totals: OutcomeCounts,
}

impl App {
    /// `provider`: only that provider's visits.
    pub async fn appointments_report(
        &self,
        range: Range,
        provider: Option<i64>,
    ) -> Result<AppointmentsReport, AppError> {
        self.require(Permission::ViewReports).await?;
        let names = appointment_outcomes::provider_names(&self.db).await?;
        if let Some(p) = provider {
            if !names.contains_key(&p) {
                return Err(AppError::invalid(
                    "provider",
                    "is not one of the office's providers",
                ));
            }
        }
        let fees: HashMap<String, i64> = fee_schedule::list(&self.db)
            .await?
            .into_iter()
            .map(|f| (f.code, f.fee_cents))
            .collect();
        let (from, to) = (
            day_bounds(self.tz, range.from).start,
            day_bounds(self.tz, range.to).end,
        );
        let outcomes: Vec<Outcome> = appointment_outcomes::booked_between(&self.db, from, to)
            .await?
            .into_iter()
            .filter(|v| provider.is_none_or(|p| v.provider_id == p))
            .map(|v| Outcome {
                date: local_date(self.tz, v.start),
                provider: v.provider_id,
                start: v.start,
                status: v.status,
                changed_at: v.changed_at,
                fees: v.procedures.iter().filter_map(|c| fees.get(c)).sum(),
            })
            .collect();
        let by = outcomes_by_day_and_provider(&outcomes);
        let what = match provider {
            Some(p) => format!("appointments provider {p}"),
            None => "appointments".to_string(),
        };
        self.audit_report(&what, Some(range)).await?;
        Ok(AppointmentsReport {
            from: range.from.to_string(),
            to: range.to.to_string(),
            totals: total(by.values()),
            rows: by
                .into_iter()
                .map(|((date, provider_id), counts)| AppointmentsRow {
                    date: date.to_string(),
                    provider_id,
                    provider: names.get(&provider_id).cloned().unwrap_or_default(),
                    counts,
                })
                .collect(),
        })
    }
}
