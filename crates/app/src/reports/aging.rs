//! The aging report: one row per guarantor with a balance (a credit too), the balance split by age
//! (`frontdesk_ledger::aging`), the estimated insurance still to come, what the guarantor owes,
//! the last payment and the last statement. Each row's total is that account's balance.
use std::collections::{HashMap, HashSet};

use frontdesk_access::Permission;
use frontdesk_domain::PatientId;
use frontdesk_ledger::{aging, Entry, EntryKind, GuarantorId};
use frontdesk_store::ledger::entries;
use frontdesk_store::{family, reports::aging::pending_candidates};
use serde::Serialize;

use crate::money::account::name_of;
use crate::{App, AppError, ErrorCode};

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
    /// Reads every account in a few queries (the ledgers of all accounts with a balance at once,
    /// the guarantors' names at once, and the estimate only for the people who may have insurance
    /// pending), and gives each row the figures the account screen shows.
    pub async fn aging_report(&self) -> Result<AgingReport, AppError> {
        self.require(Permission::ViewReports).await?;
        let today = self.today();
        let balances = entries::nonzero_balances(&self.db).await?;
        let mut ledgers: HashMap<GuarantorId, Vec<Entry>> = HashMap::new();
        for s in entries::of_nonzero_accounts(&self.db).await? {
            ledgers
                .entry(s.entry.guarantor_id)
                .or_default()
                .push(s.entry);
        }
        let heads: Vec<GuarantorId> = balances.iter().map(|b| b.0).collect();
        let names = family::summaries(&self.db, &heads).await?;
        // Who may have insurance pending, by the account they belong to (see account_people).
        let mut candidates: HashMap<GuarantorId, Vec<PatientId>> = HashMap::new();
        let mut candidate_ids = HashSet::new();
        for (patient, guarantor) in pending_candidates(&self.db).await? {
            candidates
                .entry(guarantor.unwrap_or(patient))
                .or_default()
                .push(patient);
            candidate_ids.insert(patient);
        }
        let mut rows = Vec::new();
        for (guarantor, _, last_statement) in balances {
            let ledger = ledgers.remove(&guarantor).unwrap_or_default();
            let head = names
                .get(&guarantor)
                .ok_or_else(|| AppError::new(ErrorCode::NotFound, "guarantor not found"))?;
            let mut pending_people = candidates.remove(&guarantor).unwrap_or_default();
            for e in &ledger {
                if candidate_ids.contains(&e.patient_id) && !pending_people.contains(&e.patient_id)
                {
                    pending_people.push(e.patient_id);
                }
            }
            let a = aging(&ledger, today);
            let pending = self.insurance_pending_of(&pending_people).await?;
            let last = last_payment(&ledger);
            rows.push(AgingRow {
                guarantor_id: guarantor,
                name: name_of(head),
                phone: head.phone.clone(),
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
