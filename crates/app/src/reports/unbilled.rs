//! The unbilled report: money the office has not yet asked insurance for — completed procedures
//! of patients insured on the day of the procedure that no claim carries, and claims still in
//! draft — oldest first, with the days since.
use frontdesk_access::Permission;
use frontdesk_store::{claims, family, reports::unbilled};
use serde::Serialize;

use crate::money::account::name_of;
use crate::{App, AppError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum UnbilledKind {
    /// A completed procedure on no claim.
    Procedure,
    /// A claim made but not sent.
    DraftClaim,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct UnbilledRow {
    pub kind: UnbilledKind,
    pub patient_id: i64,
    pub patient: String,
    /// Completed on (a procedure) or date of service (a claim), `YYYY-MM-DD`.
    pub date: String,
    pub days: i64,
    /// Carrier and group.
    pub plan: String,
    /// The procedure's code, tooth and surface; or the claim's number.
    pub what: String,
    pub treatment_item_id: Option<i64>,
    pub claim_id: Option<i64>,
    /// The office's fee (× units), cents.
    pub amount: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct UnbilledTotals {
    pub procedures: i64,
    pub procedures_amount: i64,
    pub draft_claims: i64,
    pub draft_claims_amount: i64,
    pub amount: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct UnbilledReport {
    pub as_of: String,
    /// Oldest first.
    pub rows: Vec<UnbilledRow>,
    pub totals: UnbilledTotals,
}

fn procedure_words(code: &str, tooth: &str, surface: &str) -> String {
    [code, tooth, surface]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

impl App {
    pub async fn unbilled_report(&self) -> Result<UnbilledReport, AppError> {
        self.require(Permission::ViewReports).await?;
        let today = self.today();
        let procedures = unbilled::procedures(&self.db).await?;
        let mut ids: Vec<i64> = procedures.iter().map(|p| p.patient_id).collect();
        ids.sort_unstable();
        ids.dedup();
        let names = family::summaries(&self.db, &ids).await?;
        let mut rows: Vec<UnbilledRow> = procedures
            .into_iter()
            .map(|p| UnbilledRow {
                kind: UnbilledKind::Procedure,
                patient_id: p.patient_id,
                patient: names.get(&p.patient_id).map(name_of).unwrap_or_default(),
                date: p.completed_on.to_string(),
                days: (today - p.completed_on).num_days(),
                plan: p.plan,
                what: procedure_words(&p.code, &p.tooth, &p.surface),
                treatment_item_id: Some(p.item_id),
                claim_id: None,
                amount: p.fee_cents * p.units,
            })
            .collect();
        for c in claims::drafts(&self.db).await? {
            let date = chrono::NaiveDate::parse_from_str(&c.service_date, "%Y-%m-%d").ok();
            rows.push(UnbilledRow {
                kind: UnbilledKind::DraftClaim,
                patient_id: c.patient.id,
                patient: name_of(&c.patient),
                days: date.map_or(0, |d| (today - d).num_days()),
                date: c.service_date,
                plan: c.plan,
                what: format!("claim {}", c.id),
                treatment_item_id: None,
                claim_id: Some(c.id),
                amount: c.fee_cents,
            });
        }
        rows.sort_by(|a, b| (&a.date, a.patient_id).cmp(&(&b.date, b.patient_id)));
        let mut totals = UnbilledTotals::default();
        for r in &rows {
            match r.kind {
                UnbilledKind::Procedure => {
                    totals.procedures += 1;
                    totals.procedures_amount += r.amount;
                }
                UnbilledKind::DraftClaim => {
                    totals.draft_claims += 1;
                    totals.draft_claims_amount += r.amount;
                }
            }
            totals.amount += r.amount;
        }
        self.audit_report("unbilled", None).await?;
        Ok(UnbilledReport {
            as_of: today.to_string(),
            rows,
            totals,
        })
    }
}
