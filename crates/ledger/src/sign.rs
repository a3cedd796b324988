//! Which way each entry moves the balance. Positive is owed by the guarantor (a debit), negative is
//! a credit. Charges and refunds are debits; payments and the other adjustments (PPO write-off,
//! discount, bad debt) are credits; a reversal is the opposite of its original.
use std::collections::HashMap;

use frontdesk_domain::money::Cents;
use serde::{Deserialize, Serialize};

use crate::entry::{Entry, EntryId, EntryKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Raises what is owed: charges, refunds.
    Debit,
    /// Lowers what is owed: payments, write-offs, discounts, bad debt.
    Credit,
}

impl Direction {
    /// The direction of a charge, payment or adjustment; `None` for a reversal (it depends on the
    /// original).
    pub fn of(kind: &EntryKind) -> Option<Direction> {
        match kind {
            EntryKind::Charge { .. } => Some(Direction::Debit),
            EntryKind::Payment { .. } => Some(Direction::Credit),
            EntryKind::Adjustment { .. } if kind.is_refund() => Some(Direction::Debit),
            EntryKind::Adjustment { .. } => Some(Direction::Credit),
            EntryKind::Reversal { .. } => None,
        }
    }

    /// `amount` with this direction's sign.
    pub fn signed(self, amount: Cents) -> Cents {
        match self {
            Direction::Debit => amount,
            Direction::Credit => Cents(-amount.0),
        }
    }
}

/// The signed effect of a charge, payment or adjustment on the balance; `None` for a reversal.
pub fn own_effect(kind: &EntryKind) -> Option<Cents> {
    Some(Direction::of(kind)?.signed(kind.amount()?))
}

/// The signed effect of `entry` on the balance, looking a reversal's original up in `ledger`.
/// A reversal of an entry that is not in `ledger`, or of another reversal, has no effect.
pub fn effect(entry: &Entry, ledger: &[Entry]) -> Cents {
    match entry.kind.reverses() {
        None => own_effect(&entry.kind).unwrap_or_default(),
        Some(id) => ledger
            .iter()
            .find(|e| e.id == id)
            .and_then(|e| own_effect(&e.kind))
            .map_or(Cents::ZERO, |c| Cents(-c.0)),
    }
}

/// The ids of entries that have been reversed, each mapped to the id of its (first) reversal.
pub fn reversed_ids(ledger: &[Entry]) -> HashMap<EntryId, EntryId> {
    let mut out = HashMap::new();
    for e in ledger {
        if let Some(orig) = e.kind.reverses() {
            out.entry(orig).or_insert(e.id);
        }
    }
    out
}

/// The entries that still stand: neither reversals nor reversed. Their effects add up to the
/// balance.
pub fn standing(ledger: &[Entry]) -> Vec<&Entry> {
    let reversed = reversed_ids(ledger);
    ledger
        .iter()
        .filter(|e| e.kind.reverses().is_none() && !reversed.contains_key(&e.id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::{AdjustmentKind, PaymentMethod};

    #[test]
    fn sign_table() {
        let adj = |adjustment| EntryKind::Adjustment {
            adjustment,
            amount: Cents(100),
        };
        let cases = [
            (
                EntryKind::Charge {
                    code: "D1110".into(),
                    treatment_item_id: None,
                    amount: Cents(100),
                },
                100,
            ),
            (
                EntryKind::Payment {
                    method: PaymentMethod::Cash,
                    amount: Cents(100),
                },
                -100,
            ),
            (
                EntryKind::Payment {
                    method: PaymentMethod::Insurance { claim_id: 1 },
                    amount: Cents(100),
                },
                -100,
            ),
            (adj(AdjustmentKind::Refund), 100),
            (adj(AdjustmentKind::PpoWriteOff), -100),
            (adj(AdjustmentKind::Discount), -100),
            (adj(AdjustmentKind::BadDebt), -100),
        ];
        for (kind, want) in cases {
            assert_eq!(own_effect(&kind), Some(Cents(want)), "{kind:?}");
        }
        assert_eq!(own_effect(&EntryKind::Reversal { reverses: 1 }), None);
    }

    #[test]
    fn reversal_is_opposite_of_original() {
        use crate::fixture::*;
        let ledger = vec![
            charge(1, d(2026, 1, 5), 5_000),
            reversal(2, d(2026, 1, 6), 1),
        ];
        assert_eq!(effect(&ledger[1], &ledger), Cents(-5_000));
        let orphan = reversal(3, d(2026, 1, 6), 99);
        assert_eq!(effect(&orphan, &ledger), Cents::ZERO);
        assert!(standing(&ledger).is_empty());
    }
}
