//! The insurance aging report: the outstanding-claims worklist (claims sent and not settled for
//! longer than the office's follow-up days), by plan, with how long each has been outstanding.
use crate::insurance::claims::ClaimWorklist;
use frontdesk_access::Permission;
use serde::Serialize;

use crate::money::account::name_of;
use crate::{App, AppError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct InsuranceAgingRow {
    pub claim_id: i64,
    /// Carrier and group.
    pub plan: String,
    pub patient_id: i64,
    pub patient: String,
    pub service_date: String,
    pub sent_on: Option<String>,
    pub days_outstanding: i64,
    /// The office's fees on the claim.
    pub amount: i64,
    /// Estimated insurance not yet paid.
    pub expected: i64,
    pub status: String,
    pub follow_up_on: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct InsuranceAgingTotals {
    pub claims: i64,
    pub amount: i64,
    pub expected: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct InsuranceAgingReport {
    pub as_of: String,
    /// By plan, then oldest sent first.
    pub rows: Vec<InsuranceAgingRow>,
    pub totals: InsuranceAgingTotals,
}

impl App {
    pub async fn insurance_aging_report(&self) -> Result<InsuranceAgingReport, AppError> {
        self.require(Permission::ViewReports).await?;
        let today = self.today();
        let claims = self.claim_worklist(ClaimWorklist::Outstanding).await?;
        let mut rows: Vec<InsuranceAgingRow> = claims
            .into_iter()
            .map(|c| {
                let sent = c
                    .sent_on
                    .as_deref()
                    .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
                InsuranceAgingRow {
                    claim_id: c.id,
                    plan: c.plan.clone(),
                    patient_id: c.patient.id,
                    patient: name_of(&c.patient),
                    service_date: c.service_date.clone(),
                    days_outstanding: sent.map_or(0, |d| (today - d).num_days()),
                    sent_on: c.sent_on.clone(),
                    amount: c.fee_cents,
                    expected: (c.estimate_cents - c.paid_cents).max(0),
                    status: c.status.as_str().to_string(),
                    follow_up_on: c.follow_up_on.clone(),
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            (&a.plan, &a.sent_on, a.claim_id).cmp(&(&b.plan, &b.sent_on, b.claim_id))
        });
        let totals = InsuranceAgingTotals {
            claims: rows.len() as i64,
            amount: rows.iter().map(|r| r.amount).sum(),
            expected: rows.iter().map(|r| r.expected).sum(),
        };
        self.audit_report("insurance-aging", None).await?;
        Ok(InsuranceAgingReport {
            as_of: today.to_string(),
            rows,
            totals,
        })
    }
}
