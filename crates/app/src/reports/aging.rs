//! The aging report: one row per guarantor with a balance (a credit too), the balance split by age
//! (`frontdesk_ledger::aging`), the estimated insurance still to come, what the guarantor owes,
//! the last payment and the last statement. Each row's total is that account's balance.
use frontdesk_access::Permission;
use frontdesk_ledger::{aging, Entry, EntryKind};
use frontdesk_store::ledger::entries;
use serde::Serialize;

use crate::money::account::name_of;
use crate::{App, AppError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AgingRow {
    pub guarantor_id: i64,
    pub name: String,
    pub phone: String,
    #[serde(flatten)]
    pub amounts: AgingAmounts,
    pub last_payment_date: Option<String>,
    pub last_payment_amount: Option<i64>,
    pub last_statement_date: Option<String>,
}

/// A row's money, and the report's totals (cents).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct AgingAmounts {
    pub current_0_30: i64,
    pub days_31_60: i64,
    pub days_61_90: i64,
    pub over_90: i64,
    /// The account's balance.
    pub total: i64,
    pub insurance_pending: i64,
    pub patient_due: i64,
}

impl AgingAmounts {
    fn plus(self, o: &AgingAmounts) -> AgingAmounts {
        AgingAmounts {
            current_0_30: self.current_0_30 + o.current_0_30,
            days_31_60: self.days_31_60 + o.days_31_60,
            days_61_90: self.days_61_90 + o.days_61_90,
            over_90: self.over_90 + o.over_90,
            total: self.total + o.total,
            insurance_pending: self.insurance_pending + o.insurance_pending,
            patient_due: self.patient_due + o.patient_due,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AgingReport {
    /// The day the balances are aged on (today).
    pub as_of: String,
    /// By guarantor id.
    pub rows: Vec<AgingRow>,
    pub totals: AgingAmounts,
}

/// The latest patient or insurance payment still standing (not reversed): date and amount.
fn last_payment(ledger: &[Entry]) -> Option<(String, i64)> {
    let reversed = frontdesk_ledger::sign::reversed_ids(ledger);
    ledger
        .iter()
        .filter(|e| !reversed.contains_key(&e.id))
        .filter_map(|e| match &e.kind {
            EntryKind::Payment { amount, .. } => Some((e.date, e.id, amount.0)),
            _ => None,
        })
        .max()
        .map(|(d, _, a)| (d.to_string(), a))
}

impl App {
    pub async fn aging_report(&self) -> Result<AgingReport, AppError> {
        self.require(Permission::ViewReports).await?;
        let today = self.today();
        let mut rows = Vec::new();
        for (guarantor, _, last_statement) in entries::nonzero_balances(&self.db).await? {
            let ledger: Vec<Entry> = entries::for_guarantor(&self.db, guarantor)
                .await?
                .into_iter()
                .map(|s| s.entry)
                .collect();
            let people = self.account_people(guarantor, &ledger).await?;
            let a = aging(&ledger, today);
            let pending = self.insurance_pending(&people).await?;
            let last = last_payment(&ledger);
            rows.push(AgingRow {
                guarantor_id: guarantor,
                name: name_of(&people[0]),
                phone: people[0].phone.clone(),
                amounts: AgingAmounts {
                    current_0_30: a.current_0_30.0,
                    days_31_60: a.days_31_60.0,
                    days_61_90: a.days_61_90.0,
                    over_90: a.over_90.0,
                    total: a.total.0,
                    insurance_pending: pending.0,
                    patient_due: frontdesk_ledger::patient_due(a.total, pending).0,
                },
                last_payment_date: last.as_ref().map(|l| l.0.clone()),
                last_payment_amount: last.map(|l| l.1),
                last_statement_date: last_statement.map(|d| d.to_string()),
            });
        }
        let totals = rows
            .iter()
            .fold(AgingAmounts::default(), |t, r| t.plus(&r.amounts));
        self.audit_report("aging", None).await?;
        Ok(AgingReport {
            as_of: today.to_string(),
            rows,
            totals,
        })
    }
}
