//! The guarantor's account: every family member's ledger lines with a running balance, aging,
//! estimated insurance pending and patient due, open charges, the payment plan and packages.
use frontdesk_access::Permission;
use std::collections::HashMap;

use chrono::NaiveDate;
use frontdesk_domain::money::Cents;
use frontdesk_domain::{PatientId, PatientSummary};
use frontdesk_ledger::{
    aging, effect, open_charges, patient_due, Aging, Entry, EntryKind, GuarantorId, PaymentMethod,
};
use frontdesk_store::ledger::{entries, StoredEntry};
use frontdesk_store::{family, settings};
use serde::Serialize;

use crate::{App, AppError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AccountLine {
    pub id: i64,
    pub batch_id: i64,
    pub date: String,
    pub patient_id: PatientId,
    pub patient: String,
    /// `charge`, `payment`, `adjustment` or `reversal`.
    pub kind: String,
    pub code: String,
    /// What the line is, in words ("Card ending 4242", "PPO write-off", "Reversal of #12").
    pub description: String,
    pub charge_cents: Option<i64>,
    pub credit_cents: Option<i64>,
    pub running_cents: i64,
    pub actor: String,
    pub note: String,
    /// Reversed by a later entry (or itself a reversal): it can't be reversed again.
    pub reversed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct MemberBalance {
    pub patient_id: PatientId,
    pub name: String,
    pub balance_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct OpenChargeView {
    pub entry_id: i64,
    pub patient_id: PatientId,
    pub patient: String,
    pub date: String,
    pub code: String,
    pub open_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AccountView {
    pub guarantor_id: GuarantorId,
    pub guarantor: String,
    pub chart_number: String,
    pub members: Vec<MemberBalance>,
    /// Oldest first, with the running balance after each.
    pub lines: Vec<AccountLine>,
    pub balance_cents: i64,
    /// Estimated insurance (and PPO write-off) still to come for completed procedures.
    pub insurance_pending_cents: i64,
    /// Balance − estimated insurance, never below zero.
    pub patient_due_cents: i64,
    /// Credit not used by any charge (prepaid or overpaid).
    pub unapplied_credit_cents: i64,
    pub aging: Aging,
    pub open_charges: Vec<OpenChargeView>,
    /// Entries dated on or before this are locked (`YYYY-MM-DD`), if the office locks periods.
    pub locked_through: Option<String>,
}

/// Procedure code → the office's description.
pub(crate) type CodeDescriptions = HashMap<String, String>;

const LOCK_KEY: &str = "ledger_locked_through";

pub(crate) fn name_of(s: &PatientSummary) -> String {
    format!("{} {}", s.first_name, s.last_name)
}

/// Words for an entry on an account or a statement.
pub(crate) fn describe(e: &Entry, fees: &CodeDescriptions) -> String {
    match &e.kind {
        EntryKind::Charge { code, .. } => fees
            .get(code)
            .cloned()
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| e.note.clone()),
        EntryKind::Payment { method, .. } => match method {
            PaymentMethod::Cash => "Payment — cash".into(),
            PaymentMethod::Card { last_four } => format!("Payment — card ending {last_four}"),
            PaymentMethod::Check { number } => format!("Payment — check #{number}"),
            PaymentMethod::Insurance { claim_id } => {
                format!("Insurance payment — claim {claim_id}")
            }
        },
        EntryKind::Adjustment { adjustment, .. } => match adjustment.as_str() {
            "ppo_write_off" => "PPO write-off".into(),
            "discount" => "Discount".into(),
            "refund" => "Refund".into(),
            _ => "Bad debt write-off".into(),
        },
        EntryKind::Reversal { reverses } => format!("Correction: reverses entry #{reverses}"),
    }
}

impl App {
    pub(crate) async fn locked_through(&self) -> Result<Option<NaiveDate>, AppError> {
        Ok(settings::get(&self.db, LOCK_KEY)
            .await?
            .and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()))
    }

    /// Locks the ledger through `date` (`YYYY-MM-DD`): nothing may be posted on or before it.
    /// The lock only moves forward, and never past today.
    pub async fn lock_ledger_through(&self, date: &str) -> Result<(), AppError> {
        self.require(Permission::LockLedger).await?;
        let day = frontdesk_insurance::text::parse_typed_date(date)
            .ok_or_else(|| AppError::invalid("date", "is not a real date"))?;
        if day >= self.today() {
            return Err(AppError::invalid("date", "must be before today"));
        }
        if self.locked_through().await?.is_some_and(|l| l > day) {
            return Err(AppError::invalid(
                "date",
                "is before the present lock: a lock only moves forward",
            ));
        }
        Ok(settings::set(&self.db, LOCK_KEY, &day.to_string()).await?)
    }

    pub(crate) async fn code_descriptions(&self) -> Result<CodeDescriptions, AppError> {
        Ok(frontdesk_store::fee_schedule::list(&self.db)
            .await?
            .into_iter()
            .map(|f| (f.code, f.description))
            .collect())
    }

    /// The account of `patient`'s guarantor (the patient's own when they are their guarantor).
    pub async fn account(&self, patient: PatientId) -> Result<AccountView, AppError> {
        self.require(Permission::ViewPatients).await?;
        let guarantor = entries::guarantor_of(&self.db, patient).await?;
        let stored = entries::for_guarantor(&self.db, guarantor).await?;
        self.audit_patient(guarantor, "account.read", "ledger")
            .await?;
        self.account_view(guarantor, &stored).await
    }

    pub(crate) async fn account_view(
        &self,
        guarantor: GuarantorId,
        stored: &[StoredEntry],
    ) -> Result<AccountView, AppError> {
        let ledger: Vec<Entry> = stored.iter().map(|s| s.entry.clone()).collect();
        let people = self.account_people(guarantor, &ledger).await?;
        let head = people[0].clone();
        let name = |id: PatientId| {
            people
                .iter()
                .find(|p| p.id == id)
                .map(name_of)
                .unwrap_or_default()
        };
        let fees = self.code_descriptions().await?;
        let reversed = frontdesk_ledger::sign::reversed_ids(&ledger);
        let mut running = Cents::ZERO;
        let mut per_patient: HashMap<PatientId, i64> = HashMap::new();
        let lines = stored
            .iter()
            .map(|s| {
                let e = &s.entry;
                let eff = effect(e, &ledger);
                running += eff;
                *per_patient.entry(e.patient_id).or_default() += eff.0;
                AccountLine {
                    id: e.id,
                    batch_id: s.batch_id,
                    date: e.date.to_string(),
                    patient_id: e.patient_id,
                    patient: name(e.patient_id),
                    kind: kind_name(&e.kind).into(),
                    code: match &e.kind {
                        EntryKind::Charge { code, .. } => code.clone(),
                        _ => String::new(),
                    },
                    description: describe(e, &fees),
                    charge_cents: (eff.0 > 0).then_some(eff.0),
                    credit_cents: (eff.0 < 0).then_some(-eff.0),
                    running_cents: running.0,
                    actor: e.actor.clone(),
                    note: e.note.clone(),
                    reversed: reversed.contains_key(&e.id) || e.kind.reverses().is_some(),
                }
            })
            .collect();
        let open = open_charges(&ledger);
        let code_of = |id: i64| {
            ledger
                .iter()
                .find(|e| e.id == id)
                .map(|e| match &e.kind {
                    EntryKind::Charge { code, .. } => code.clone(),
                    _ => "Refund".into(),
                })
                .unwrap_or_default()
        };
        let balance = frontdesk_ledger::balance(&ledger);
        let pending = self.insurance_pending(&people).await?;
        Ok(AccountView {
            guarantor_id: guarantor,
            guarantor: name_of(&head),
            chart_number: head.chart_number.clone(),
            members: people
                .iter()
                .map(|p| MemberBalance {
                    patient_id: p.id,
                    name: name_of(p),
                    balance_cents: per_patient.get(&p.id).copied().unwrap_or(0),
                })
                .collect(),
            lines,
            balance_cents: balance.0,
            insurance_pending_cents: pending.0,
            patient_due_cents: patient_due(balance, pending).0,
            unapplied_credit_cents: open.credit.0,
            aging: aging(&ledger, self.today()),
            open_charges: open
                .charges
                .iter()
                .map(|c| OpenChargeView {
                    entry_id: c.entry_id,
                    patient_id: c.patient_id,
                    patient: name(c.patient_id),
                    date: c.date.to_string(),
                    code: code_of(c.entry_id),
                    open_cents: c.open.0,
                })
                .collect(),
            locked_through: self.locked_through().await?.map(|d| d.to_string()),
        })
    }

    /// The guarantor first, then the family's members, then anyone else on the account's entries.
    pub(crate) async fn account_people(
        &self,
        guarantor: GuarantorId,
        ledger: &[Entry],
    ) -> Result<Vec<PatientSummary>, AppError> {
        let head = family::summary(&self.db, guarantor).await?;
        let mut people: Vec<PatientSummary> = vec![head];
        people.extend(
            family::members(&self.db, guarantor)
                .await?
                .into_iter()
                .map(|(p, _)| p),
        );
        let mut ids: Vec<PatientId> = ledger.iter().map(|e| e.patient_id).collect();
        ids.retain(|id| !people.iter().any(|p| p.id == *id));
        people.extend(family::summaries(&self.db, &ids).await?.into_values());
        Ok(people)
    }

    /// Estimated insurance still to come: for each family member's completed procedures that no
    /// plan has settled yet (no paid or denied claim), the plans' estimate and PPO write-off.
    pub(crate) async fn insurance_pending(
        &self,
        people: &[PatientSummary],
    ) -> Result<Cents, AppError> {
        let ids: Vec<PatientId> = people.iter().map(|p| p.id).collect();
        self.insurance_pending_of(&ids).await
    }

    /// [`Self::insurance_pending`] of these patients.
    pub(crate) async fn insurance_pending_of(
        &self,
        people: &[PatientId],
    ) -> Result<Cents, AppError> {
        let today = self.today();
        let mut total = Cents::ZERO;
        for &id in people {
            let items = frontdesk_store::treatment::items(&self.db, id).await?;
            let settled = frontdesk_store::claims::settled_items(&self.db, id).await?;
            let unsettled: Vec<_> = items
                .iter()
                .filter(|i| i.completed_on.is_some() && !settled.contains(&i.id))
                .collect();
            if unsettled.is_empty() || self.coverages_in_force(id, today).await?.is_empty() {
                continue;
            }
            let est = self.estimate_items(id, today, &items, &unsettled).await?;
            total += Cents(est.totals.insurance_cents + est.totals.write_off_cents);
        }
        Ok(total)
    }
}

pub(crate) fn kind_name(k: &EntryKind) -> &'static str {
    match k {
        EntryKind::Charge { .. } => "charge",
        EntryKind::Payment { .. } => "payment",
        EntryKind::Adjustment { .. } => "adjustment",
        EntryKind::Reversal { .. } => "reversal",
    }
}
