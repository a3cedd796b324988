//! Ledger entries: charges, payments, adjustments and reversals. Every amount is positive as typed;
//! the kind decides the sign (see [`crate::sign`]).
use chrono::{DateTime, NaiveDate, Utc};
use frontdesk_domain::money::Cents;
use frontdesk_domain::PatientId;
use serde::{Deserialize, Serialize};

pub type EntryId = i64;
/// The guarantor is a patient record too (often the parent or the account holder).
pub type GuarantorId = PatientId;
pub type ClaimId = i64;
pub type TreatmentItemId = i64;

/// How a payment was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum PaymentMethod {
    Cash,
    /// A card; only the last four digits are kept.
    Card {
        last_four: String,
    },
    Check {
        number: String,
    },
    /// A payment from an insurance carrier on a claim.
    Insurance {
        claim_id: ClaimId,
    },
}

impl PaymentMethod {
    /// True for money that came from the patient or guarantor (not from insurance).
    pub fn is_from_patient(&self) -> bool {
        !matches!(self, PaymentMethod::Insurance { .. })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum AdjustmentKind {
    /// The part of the office fee a PPO contract does not allow: lowers the balance.
    PpoWriteOff,
    /// A courtesy or promotional discount: lowers the balance.
    Discount,
    /// Money paid back to the patient: raises the balance (the credit they had is given back).
    Refund,
    /// Given up as uncollectable: lowers the balance.
    BadDebt,
}

impl AdjustmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AdjustmentKind::PpoWriteOff => "ppo_write_off",
            AdjustmentKind::Discount => "discount",
            AdjustmentKind::Refund => "refund",
            AdjustmentKind::BadDebt => "bad_debt",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            AdjustmentKind::PpoWriteOff,
            AdjustmentKind::Discount,
            AdjustmentKind::Refund,
            AdjustmentKind::BadDebt,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// What an entry is. Amounts are positive cents as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EntryKind {
    /// A completed procedure at the office fee.
    Charge {
        code: String,
        treatment_item_id: Option<TreatmentItemId>,
        #[serde(with = "crate::cents_serde")]
        #[specta(type = i64)]
        amount: Cents,
    },
    Payment {
        method: PaymentMethod,
        #[serde(with = "crate::cents_serde")]
        #[specta(type = i64)]
        amount: Cents,
    },
    Adjustment {
        adjustment: AdjustmentKind,
        #[serde(with = "crate::cents_serde")]
        #[specta(type = i64)]
        amount: Cents,
    },
    /// Undoes one earlier entry (never a reversal); its amount is the original's.
    Reversal { reverses: EntryId },
}

impl EntryKind {
    /// The typed amount; `None` for a reversal (it takes the original's).
    pub fn amount(&self) -> Option<Cents> {
        match self {
            EntryKind::Charge { amount, .. }
            | EntryKind::Payment { amount, .. }
            | EntryKind::Adjustment { amount, .. } => Some(*amount),
            EntryKind::Reversal { .. } => None,
        }
    }

    pub fn reverses(&self) -> Option<EntryId> {
        match self {
            EntryKind::Reversal { reverses } => Some(*reverses),
            _ => None,
        }
    }

    pub fn is_refund(&self) -> bool {
        matches!(
            self,
            EntryKind::Adjustment {
                adjustment: AdjustmentKind::Refund,
                ..
            }
        )
    }
}

/// A posted entry. Never edited or deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Entry {
    pub id: EntryId,
    pub patient_id: PatientId,
    pub guarantor_id: GuarantorId,
    /// The date the entry counts on (service date of a charge, date a payment was received).
    pub date: NaiveDate,
    /// When it was posted.
    pub created_at: DateTime<Utc>,
    /// Who posted it.
    pub actor: String,
    pub note: String,
    #[serde(flatten)]
    pub kind: EntryKind,
}

/// An entry about to be posted (the store gives it an id and `created_at`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct NewEntry {
    pub patient_id: PatientId,
    pub guarantor_id: GuarantorId,
    pub date: NaiveDate,
    pub actor: String,
    pub note: String,
    #[serde(flatten)]
    pub kind: EntryKind,
}

impl NewEntry {
    /// The entry as posted with `id` at `created_at`.
    pub fn posted(self, id: EntryId, created_at: DateTime<Utc>) -> Entry {
        Entry {
            id,
            patient_id: self.patient_id,
            guarantor_id: self.guarantor_id,
            date: self.date,
            created_at,
            actor: self.actor,
            note: self.note,
            kind: self.kind,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjustment_kind_round_trips() {
        for k in [
            AdjustmentKind::PpoWriteOff,
            AdjustmentKind::Discount,
            AdjustmentKind::Refund,
            AdjustmentKind::BadDebt,
        ] {
            assert_eq!(AdjustmentKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(AdjustmentKind::parse("gift"), None);
    }

    #[test]
    fn only_insurance_is_not_from_patient() {
        let cases = [
            (PaymentMethod::Cash, true),
            (
                PaymentMethod::Card {
                    last_four: "4242".into(),
                },
                true,
            ),
            (
                PaymentMethod::Check {
                    number: "101".into(),
                },
                true,
            ),
            (PaymentMethod::Insurance { claim_id: 7 }, false),
        ];
        for (m, want) in cases {
            assert_eq!(m.is_from_patient(), want, "{m:?}");
        }
    }

    #[test]
    fn entry_json_is_flat_with_cents_as_integers() {
        let e = NewEntry {
            patient_id: 2,
            guarantor_id: 1,
            date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            actor: "fd".into(),
            note: String::new(),
            kind: EntryKind::Payment {
                method: PaymentMethod::Card {
                    last_four: "4242".into(),
                },
                amount: Cents(12_050),
            },
        }
        .posted(9, DateTime::from_timestamp(1_780_000_000, 0).unwrap());
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["kind"], "payment");
        assert_eq!(json["amount"], 12_050);
        assert_eq!(json["method"]["method"], "card");
        assert_eq!(json["method"]["last_four"], "4242");
        let back: Entry = serde_json::from_value(json).unwrap();
        assert_eq!(back, e);
    }
}
