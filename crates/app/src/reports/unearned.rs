//! The unearned report: money taken for care not yet given — the unredeemed sessions of prepaid
//! packages (at the price paid per session, `frontdesk_ledger::package_value`) and the credit
//! balances of accounts (payments not yet applied to any charge).
use frontdesk_access::Permission;
use frontdesk_domain::money::Cents;
use frontdesk_ledger::package_value::{remaining_sessions, remaining_value};
use frontdesk_store::{family, ledger::entries, ledger::packages};
use serde::Serialize;

use crate::money::account::name_of;
use crate::{App, AppError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum UnearnedKind {
    /// Sessions of a package sold and not yet redeemed.
    Package,
    /// An account in credit.
    Credit,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct UnearnedRow {
    pub kind: UnearnedKind,
    /// The patient who bought the package, or the account's guarantor.
    pub patient_id: i64,
    pub patient: String,
    /// The package's name and sessions left, or "credit balance".
    pub what: String,
    /// Sold on (a package), `YYYY-MM-DD`; none for a credit.
    pub date: Option<String>,
    pub sale_id: Option<i64>,
    /// Cents, positive.
    pub amount: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct UnearnedTotals {
    pub packages: i64,
    pub packages_amount: i64,
    pub credits: i64,
    pub credits_amount: i64,
    pub amount: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct UnearnedReport {
    pub as_of: String,
    /// Packages by date sold, then credits by guarantor.
    pub rows: Vec<UnearnedRow>,
    pub totals: UnearnedTotals,
}

impl App {
    pub async fn unearned_report(&self) -> Result<UnearnedReport, AppError> {
        self.require(Permission::ViewReports).await?;
        let sales: Vec<_> = packages::sales_not_void(&self.db)
            .await?
            .into_iter()
            .filter(|s| remaining_sessions(s.sessions, s.redeemed) > 0)
            .collect();
        let credits = entries::credit_balances(&self.db).await?;
        let mut ids: Vec<i64> = sales.iter().map(|s| s.patient_id).collect();
        ids.extend(credits.iter().map(|c| c.0));
        ids.sort_unstable();
        ids.dedup();
        let names = family::summaries(&self.db, &ids).await?;
        let name = |id: i64| names.get(&id).map(name_of).unwrap_or_default();
        let mut rows: Vec<UnearnedRow> = sales
            .iter()
            .map(|s| UnearnedRow {
                kind: UnearnedKind::Package,
                patient_id: s.patient_id,
                patient: name(s.patient_id),
                what: format!(
                    "{} ({} of {} sessions left)",
                    s.name,
                    remaining_sessions(s.sessions, s.redeemed),
                    s.sessions
                ),
                date: Some(s.sold_on.to_string()),
                sale_id: Some(s.id),
                amount: remaining_value(Cents(s.price_cents), s.sessions, s.redeemed).0,
            })
            .collect();
        rows.extend(credits.iter().map(|&(guarantor, balance, _)| UnearnedRow {
            kind: UnearnedKind::Credit,
            patient_id: guarantor,
            patient: name(guarantor),
            what: "credit balance".into(),
            date: None,
            sale_id: None,
            amount: -balance.0,
        }));
        let mut totals = UnearnedTotals::default();
        for r in &rows {
            match r.kind {
                UnearnedKind::Package => {
                    totals.packages += 1;
                    totals.packages_amount += r.amount;
                }
                UnearnedKind::Credit => {
                    totals.credits += 1;
                    totals.credits_amount += r.amount;
                }
            }
            totals.amount += r.amount;
        }
        self.audit_report("unearned", None).await?;
        Ok(UnearnedReport {
            as_of: self.today().to_string(),
            rows,
            totals,
        })
    }
}
