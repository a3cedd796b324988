//! Posting to the ledger: payments (split over the family's open charges, the rest kept as
//! unapplied credit), adjustments, and reversing entries. Every check is the ledger rules' own,
//! made inside the store's transaction; a refused posting writes nothing.
use frontdesk_access::Permission;
use frontdesk_domain::money::Cents;
use frontdesk_domain::PatientId;
use frontdesk_insurance::text::parse_typed_date;
use frontdesk_ledger::{
    allocate, open_charges, AdjustmentKind, AllocationOrder, Entry, EntryId, EntryKind, NewEntry,
    PaymentMethod,
};
use frontdesk_store::ledger::entries;
use serde::{Deserialize, Serialize};

use crate::money::account::AccountView;
use crate::{App, AppError};

/// A payment as typed at the desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PaymentDraft {
    /// Whose card the payment is taken on; it goes to their guarantor's account.
    pub patient_id: PatientId,
    /// `YYYY-MM-DD` (or any typed date); empty means today.
    pub date: String,
    pub amount_cents: i64,
    pub method: PaymentMethod,
    pub note: String,
    /// Charges to pay, in this order; empty pays the oldest first.
    pub charges: Vec<EntryId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct AdjustmentDraft {
    pub patient_id: PatientId,
    pub date: String,
    pub adjustment: AdjustmentKind,
    pub amount_cents: i64,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Posted {
    /// The ids posted (one per family member the payment went to, and one for unapplied credit).
    pub entry_ids: Vec<EntryId>,
    pub unapplied_cents: i64,
    pub account: AccountView,
}

impl App {
    fn entry_date(&self, typed: &str) -> Result<chrono::NaiveDate, AppError> {
        if typed.trim().is_empty() {
            return Ok(self.today());
        }
        let day = parse_typed_date(typed)
            .ok_or_else(|| AppError::invalid("date", "is not a real date (e.g. 03/10/2026)"))?;
        if day > self.today() {
            return Err(AppError::invalid("date", "is in the future"));
        }
        Ok(day)
    }

    /// Takes a payment: split over the open charges (the ones picked, or the oldest first) of the
    /// whole family, one entry per member paid for; what is left stays as unapplied credit on the
    /// paying patient's line.
    pub async fn take_payment(&self, d: &PaymentDraft) -> Result<Posted, AppError> {
        self.require(Permission::TakePayments).await?;
        if d.amount_cents <= 0 {
            return Err(AppError::invalid(
                "amount",
                "Enter an amount greater than zero.",
            ));
        }
        if matches!(d.method, PaymentMethod::Insurance { .. }) {
            return Err(AppError::invalid(
                "method",
                "Insurance payments are posted from the claim.",
            ));
        }
        let date = self.entry_date(&d.date)?;
        let guarantor = entries::guarantor_of(&self.db, d.patient_id).await?;
        let ledger: Vec<Entry> = entries::for_guarantor(&self.db, guarantor)
            .await?
            .into_iter()
            .map(|s| s.entry)
            .collect();
        let open = open_charges(&ledger).charges;
        let (picked, order) = if d.charges.is_empty() {
            (open, AllocationOrder::OldestFirst)
        } else {
            let picked: Vec<_> = d
                .charges
                .iter()
                .filter_map(|id| open.iter().find(|c| c.entry_id == *id).cloned())
                .collect();
            if picked.len() != d.charges.len() {
                return Err(AppError::invalid(
                    "charges",
                    "A chosen charge is already paid or is not on this account.",
                ));
            }
            (picked, AllocationOrder::AsGiven)
        };
        let split = allocate(Cents(d.amount_cents), &picked, order);
        let mut per_patient: Vec<(PatientId, Cents)> = Vec::new();
        for a in &split.applied {
            let who = picked
                .iter()
                .find(|c| c.entry_id == a.charge_id)
                .map_or(d.patient_id, |c| c.patient_id);
            match per_patient.iter_mut().find(|(p, _)| *p == who) {
                Some((_, sum)) => *sum += a.amount,
                None => per_patient.push((who, a.amount)),
            }
        }
        if split.unapplied.0 > 0 {
            match per_patient.iter_mut().find(|(p, _)| *p == d.patient_id) {
                Some((_, sum)) => *sum += split.unapplied,
                None => per_patient.push((d.patient_id, split.unapplied)),
            }
        }
        let new: Vec<NewEntry> = per_patient
            .into_iter()
            .map(|(patient, amount)| NewEntry {
                patient_id: patient,
                guarantor_id: guarantor,
                date,
                actor: self.actor(),
                note: d.note.clone(),
                kind: EntryKind::Payment {
                    method: d.method.clone(),
                    amount,
                },
            })
            .collect();
        self.post(guarantor, &new, split.unapplied).await
    }

    /// Posts a write-off, discount, refund or bad-debt adjustment.
    pub async fn adjust_account(&self, d: &AdjustmentDraft) -> Result<Posted, AppError> {
        self.require(Permission::AdjustLedger).await?;
        let date = self.entry_date(&d.date)?;
        let guarantor = entries::guarantor_of(&self.db, d.patient_id).await?;
        let new = NewEntry {
            patient_id: d.patient_id,
            guarantor_id: guarantor,
            date,
            actor: self.actor(),
            note: d.note.clone(),
            kind: EntryKind::Adjustment {
                adjustment: d.adjustment,
                amount: Cents(d.amount_cents),
            },
        };
        self.post(guarantor, &[new], Cents::ZERO).await
    }

    /// Corrects an entry with a reversing entry dated today (the original stays, both shown).
    /// A payment split over a family is reversed whole: every part of its batch.
    pub async fn reverse_entry(
        &self,
        patient: PatientId,
        entry: EntryId,
        note: &str,
    ) -> Result<Posted, AppError> {
        self.require(Permission::AdjustLedger).await?;
        let guarantor = entries::guarantor_of(&self.db, patient).await?;
        let stored = entries::for_guarantor(&self.db, guarantor).await?;
        let batch = stored
            .iter()
            .find(|s| s.entry.id == entry)
            .map(|s| s.batch_id)
            .ok_or_else(|| AppError::invalid("reverses", "That entry is not on this account."))?;
        let ledger: Vec<Entry> = stored.iter().map(|s| s.entry.clone()).collect();
        let reversed = frontdesk_ledger::sign::reversed_ids(&ledger);
        let parts: Vec<&Entry> = stored
            .iter()
            .filter(|s| s.batch_id == batch && s.entry.kind.reverses().is_none())
            .map(|s| &s.entry)
            .filter(|e| e.id == entry || !reversed.contains_key(&e.id))
            .collect();
        let new: Vec<NewEntry> = parts
            .iter()
            .map(|e| NewEntry {
                patient_id: e.patient_id,
                guarantor_id: guarantor,
                date: self.today(),
                actor: self.actor(),
                note: note.to_string(),
                kind: EntryKind::Reversal { reverses: e.id },
            })
            .collect();
        self.post(guarantor, &new, Cents::ZERO).await
    }

    async fn post(
        &self,
        guarantor: i64,
        new: &[NewEntry],
        unapplied: Cents,
    ) -> Result<Posted, AppError> {
        let lock = self.locked_through().await?;
        let ids = entries::post(&self.db, new, lock, self.cfg.clock.now()).await?;
        let stored = entries::for_guarantor(&self.db, guarantor).await?;
        Ok(Posted {
            entry_ids: ids,
            unapplied_cents: unapplied.0,
            account: self.account_view(guarantor, &stored).await?,
        })
    }
}
