//! The balance: `Σ charges + Σ refunds − Σ payments − Σ other adjustments`, a reversal netting its
//! original out. Positive: owed by the guarantor; negative: a credit on the account.
use std::collections::{HashMap, HashSet};

use frontdesk_domain::money::Cents;

use crate::entry::Entry;
use crate::sign::{own_effect, standing, Direction};

/// The balance of `ledger` (one patient's entries, or a whole family's for the guarantor's
/// balance). Each reversal subtracts its original's effect; a second reversal of the same entry,
/// a reversal of a reversal and a reversal of an entry not in `ledger` count for nothing (they are
/// refused when posted; see [`crate::validate_new_entry`]).
pub fn balance(ledger: &[Entry]) -> Cents {
    let by_id: HashMap<_, _> = ledger.iter().map(|e| (e.id, e)).collect();
    let mut reversed = HashSet::new();
    let mut total = Cents::ZERO;
    for e in ledger {
        match e.kind.reverses() {
            None => total += own_effect(&e.kind).unwrap_or_default(),
            Some(id) => {
                let original = by_id.get(&id).and_then(|o| own_effect(&o.kind));
                if let Some(c) = original {
                    if reversed.insert(id) {
                        total -= c;
                    }
                }
            }
        }
    }
    total
}

/// Σ of the standing (not reversed) charges and refunds.
pub fn debits_total(ledger: &[Entry]) -> Cents {
    total_of(ledger, Direction::Debit)
}

/// Σ of the standing (not reversed) payments, write-offs, discounts and bad debt.
pub fn credits_total(ledger: &[Entry]) -> Cents {
    total_of(ledger, Direction::Credit)
}

fn total_of(ledger: &[Entry], dir: Direction) -> Cents {
    standing(ledger)
        .into_iter()
        .filter(|e| Direction::of(&e.kind) == Some(dir))
        .filter_map(|e| e.kind.amount())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::AdjustmentKind::*;
    use crate::fixture::*;

    #[test]
    fn balance_table() {
        let t = d(2026, 3, 1);
        let cases: Vec<(&str, Vec<Entry>, i64)> = vec![
            ("empty", vec![], 0),
            ("one charge", vec![charge(1, t, 10_000)], 10_000),
            (
                "charge, payment, write-off",
                vec![
                    charge(1, t, 10_000),
                    cash(2, t, 2_000),
                    adj(3, t, PpoWriteOff, 3_000),
                ],
                5_000,
            ),
            (
                "overpaid then refunded",
                vec![
                    charge(1, t, 1_000),
                    cash(2, t, 1_500),
                    adj(3, t, Refund, 500),
                ],
                0,
            ),
            ("credit balance", vec![cash(1, t, 2_500)], -2_500),
            (
                "reversed payment",
                vec![charge(1, t, 1_000), cash(2, t, 1_000), reversal(3, t, 2)],
                1_000,
            ),
            (
                "reversed refund",
                vec![cash(1, t, 1_000), adj(2, t, Refund, 400), reversal(3, t, 2)],
                -1_000,
            ),
            (
                "discount and bad debt",
                vec![
                    charge(1, t, 1_000),
                    adj(2, t, Discount, 100),
                    adj(3, t, BadDebt, 900),
                ],
                0,
            ),
            (
                "second reversal and orphan count for nothing",
                vec![
                    charge(1, t, 1_000),
                    reversal(2, t, 1),
                    reversal(3, t, 1),
                    reversal(4, t, 2),
                    reversal(5, t, 77),
                ],
                0,
            ),
        ];
        for (name, ledger, want) in cases {
            assert_eq!(balance(&ledger), Cents(want), "{name}");
            assert_eq!(
                debits_total(&ledger) - credits_total(&ledger),
                Cents(want),
                "{name}: totals"
            );
        }
    }
}
