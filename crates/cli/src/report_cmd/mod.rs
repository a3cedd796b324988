//! `frontdesk report NAME [--from D] [--to D] [--provider P] [--json]`: the office's reports. JSON
//! is `{"report", "from", "to", "rows": [...], "totals": {...}}` with money as decimal strings
//! ("1250.00"); the reports as of today (aging, insurance aging, unbilled, unearned) have `from`
//! and `to` both today. `--csv` prints the CSV a spreadsheet opens. The text tables are in [`text`].
mod text;

use clap::ValueEnum;
use frontdesk_app::reports::csv_export::{ReportKind, ReportRequest};
use frontdesk_app::reports::Range;
use frontdesk_app::{App, AppError};
use frontdesk_domain::money::Cents;
use serde_json::{json, Value};

#[derive(Clone, Copy, ValueEnum)]
pub enum ReportName {
    /// Charges, adjustments, write-offs, refunds, payments, net production and collections by day.
    Production,
    /// One row per guarantor with a balance: 0–30, 31–60, 61–90, over 90, insurance pending.
    Aging,
    /// Outstanding claims by plan: sent on, days outstanding, amount, status, follow-up.
    InsuranceAging,
    /// Per day and provider: booked, completed, cancelled, late-cancelled, no-show, rates,
    /// scheduled production.
    Appointments,
    /// Per recall type: recall visits due in the range seen, booked, overdue, unbooked; the share
    /// of patients who left a recall visit with the next one booked.
    Recall,
    /// Patients whose first visit was in the range, by month and referral source, with their
    /// production.
    NewPatients,
    /// The same by referral source, then month.
    Referrals,
    /// Completed procedures of insured patients on no claim, and draft claims.
    Unbilled,
    /// Prepaid package sessions not yet redeemed, and credit balances.
    Unearned,
}

/// The dates (and provider) a report is run for, as typed.
pub struct ReportRange {
    pub from: Option<String>,
    pub to: Option<String>,
    pub provider: Option<String>,
}

/// Fields that are counts or ids, not money.
const NOT_MONEY: &[&str] = &[
    "guarantor_id",
    "patient_id",
    "claim_id",
    "days_outstanding",
    "claims",
    "provider_id",
    "booked",
    "completed",
    "cancelled",
    "late_cancelled",
    "no_show",
    "open",
    "completed_rate_permille",
    "cancelled_rate_permille",
    "late_cancelled_rate_permille",
    "no_show_rate_permille",
    "days",
    "treatment_item_id",
    "sale_id",
    "procedures",
    "draft_claims",
    "packages",
    "credits",
    "recall_type_id",
    "interval_months",
    "due",
    "seen",
    "overdue",
    "unbooked",
    "visits",
    "left_booked",
    "left_booked_permille",
    "new_patients",
];

/// Every integer field not in [`NOT_MONEY`] becomes a decimal string.
fn money_as_decimals(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let v = match v {
                        Value::Number(n) if !NOT_MONEY.contains(&k.as_str()) => n
                            .as_i64()
                            .map(|c| Value::String(Cents(c).to_plain()))
                            .unwrap_or(Value::Number(n)),
                        other => money_as_decimals(other),
                    };
                    (k, v)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(money_as_decimals).collect()),
        other => other,
    }
}

fn envelope(
    name: &str,
    from: &str,
    to: &str,
    rows: impl serde::Serialize,
    totals: impl serde::Serialize,
) -> Value {
    json!({
        "report": name,
        "from": from,
        "to": to,
        "rows": money_as_decimals(serde_json::to_value(rows).expect("serializable")),
        "totals": money_as_decimals(serde_json::to_value(totals).expect("serializable")),
    })
}

impl ReportRange {
    /// `--from` (default today) and `--to` (default `--from`), as typed.
    fn dates(&self, app: &App) -> (String, String) {
        let from = self.from.clone().unwrap_or_else(|| app.today().to_string());
        let to = self.to.clone().unwrap_or_else(|| from.clone());
        (from, to)
    }

    /// `--provider` (a name or an id) as the provider's id.
    async fn provider_id(&self, app: &App) -> Result<Option<i64>, AppError> {
        let Some(wanted) = self.provider.as_deref() else {
            return Ok(None);
        };
        let setup = app.schedule_setup().await?;
        setup
            .providers
            .iter()
            .find(|p| p.id.to_string() == wanted || p.name.eq_ignore_ascii_case(wanted))
            .map(|p| Some(p.id))
            .ok_or_else(|| AppError::invalid("provider", "is not one of the office's providers"))
    }
}

impl ReportName {
    fn kind(self) -> ReportKind {
        match self {
            ReportName::Production => ReportKind::Production,
            ReportName::Appointments => ReportKind::Appointments,
            ReportName::Recall => ReportKind::Recall,
            ReportName::NewPatients => ReportKind::NewPatients,
            ReportName::Referrals => ReportKind::Referrals,
            ReportName::Aging => ReportKind::Aging,
            ReportName::InsuranceAging => ReportKind::InsuranceAging,
            ReportName::Unbilled => ReportKind::Unbilled,
            ReportName::Unearned => ReportKind::Unearned,
        }
    }
}

/// `--csv`: the report as CSV on standard output.
pub async fn csv(app: &App, name: ReportName, range: ReportRange) -> Result<(), AppError> {
    let (from, to) = range.dates(app);
    let req = ReportRequest {
        kind: name.kind(),
        from,
        to,
        provider: range.provider_id(app).await?,
    };
    let bytes = app.report_csv(&req).await?;
    use std::io::Write;
    std::io::stdout()
        .write_all(&bytes)
        .map_err(|e| AppError::new(frontdesk_app::ErrorCode::Storage, e.to_string()))?;
    Ok(())
}

pub async fn report(
    app: &App,
    name: ReportName,
    range: ReportRange,
    json: bool,
) -> Result<(), AppError> {
    let (from, to) = range.dates(app);
    let value = match name {
        ReportName::Production => {
            let r = app.production_report(Range::parse(&from, &to)?).await?;
            if !json {
                text::production(&r);
                return Ok(());
            }
            envelope("production", &r.from, &r.to, &r.rows, r.totals)
        }
        ReportName::Appointments => {
            let provider = range.provider_id(app).await?;
            let r = app
                .appointments_report(Range::parse(&from, &to)?, provider)
                .await?;
            if !json {
                text::appointments(&r);
                return Ok(());
            }
            envelope("appointments", &r.from, &r.to, &r.rows, r.totals)
        }
        ReportName::Recall => {
            let r = app.recall_report(Range::parse(&from, &to)?).await?;
            if !json {
                text::recall(&r);
                return Ok(());
            }
            envelope("recall", &r.from, &r.to, &r.rows, r.totals)
        }
        ReportName::NewPatients | ReportName::Referrals => {
            let range = Range::parse(&from, &to)?;
            let (label, r) = if matches!(name, ReportName::NewPatients) {
                ("new-patients", app.new_patients_report(range).await?)
            } else {
                ("referrals", app.referrals_report(range).await?)
            };
            if !json {
                text::new_patients(label, &r);
                return Ok(());
            }
            envelope(label, &r.from, &r.to, &r.rows, r.totals)
        }
        ReportName::Aging => {
            let r = app.aging_report().await?;
            if !json {
                text::aging(&r);
                return Ok(());
            }
            envelope("aging", &r.as_of, &r.as_of, &r.rows, r.totals)
        }
        ReportName::InsuranceAging => {
            let r = app.insurance_aging_report().await?;
            if !json {
                text::insurance_aging(&r);
                return Ok(());
            }
            envelope("insurance-aging", &r.as_of, &r.as_of, &r.rows, r.totals)
        }
        ReportName::Unbilled => {
            let r = app.unbilled_report().await?;
            if !json {
                text::unbilled(&r);
                return Ok(());
            }
            envelope("unbilled", &r.as_of, &r.as_of, &r.rows, r.totals)
        }
        ReportName::Unearned => {
            let r = app.unearned_report().await?;
            if !json {
                text::unearned(&r);
                return Ok(());
            }
            envelope("unearned", &r.as_of, &r.as_of, &r.rows, r.totals)
        }
    };
    crate::output::json(&value);
    Ok(())
}
