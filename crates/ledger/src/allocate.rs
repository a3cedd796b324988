//! Splitting one payment over open charges, possibly several family members' charges: each charge
//! gets at most what is still open on it, in the chosen order, until the payment runs out. What is
//! left is unapplied credit on the guarantor's account.
use frontdesk_domain::money::Cents;
use serde::{Deserialize, Serialize};

use crate::entry::EntryId;
use crate::open_items::OpenCharge;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum AllocationOrder {
    /// Oldest date first, then lowest entry id.
    OldestFirst,
    /// In the order the charges are given (the coordinator picked them).
    AsGiven,
}

/// Part of a payment applied to one charge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Applied {
    pub charge_id: EntryId,
    #[serde(with = "crate::cents_serde")]
    #[specta(type = i64)]
    pub amount: Cents,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Allocation {
    /// Only charges that got something (amounts greater than zero).
    pub applied: Vec<Applied>,
    /// What is left of the payment: unapplied credit.
    #[serde(with = "crate::cents_serde")]
    #[specta(type = i64)]
    pub unapplied: Cents,
}

/// Splits `payment` over `open` in `order`. A charge with nothing open is skipped; a payment of
/// zero or less applies nothing (and leaves no credit). `Σ applied + unapplied = payment`.
pub fn allocate(payment: Cents, open: &[OpenCharge], order: AllocationOrder) -> Allocation {
    let mut charges: Vec<&OpenCharge> = open.iter().collect();
    if order == AllocationOrder::OldestFirst {
        charges.sort_by_key(|c| (c.date, c.entry_id));
    }
    let mut left = payment.max(Cents::ZERO);
    let mut applied = Vec::new();
    for c in charges {
        if left.is_zero() {
            break;
        }
        let amount = left.min(c.open);
        if amount.0 > 0 {
            applied.push(Applied {
                charge_id: c.entry_id,
                amount,
            });
            left -= amount;
        }
    }
    Allocation {
        applied,
        unapplied: left,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::d;

    fn oc(id: EntryId, patient: i64, day: u32, open: i64) -> OpenCharge {
        OpenCharge {
            entry_id: id,
            patient_id: patient,
            date: d(2026, 1, day),
            open: Cents(open),
        }
    }

    #[test]
    fn allocation_table() {
        // Two family members: the child's charge (patient 2) is older.
        let open = [oc(1, 1, 10, 5_000), oc(2, 2, 5, 3_000), oc(3, 1, 20, 0)];
        type Case = (&'static str, i64, AllocationOrder, Vec<(EntryId, i64)>, i64);
        let cases: Vec<Case> = vec![
            (
                "oldest first, partly",
                4_000,
                AllocationOrder::OldestFirst,
                vec![(2, 3_000), (1, 1_000)],
                0,
            ),
            (
                "as given",
                4_000,
                AllocationOrder::AsGiven,
                vec![(1, 4_000)],
                0,
            ),
            (
                "overpaid",
                9_000,
                AllocationOrder::OldestFirst,
                vec![(2, 3_000), (1, 5_000)],
                1_000,
            ),
            ("nothing", 0, AllocationOrder::OldestFirst, vec![], 0),
            ("negative", -10, AllocationOrder::AsGiven, vec![], 0),
        ];
        for (name, pay, order, want, unapplied) in cases {
            let a = allocate(Cents(pay), &open, order);
            let got: Vec<_> = a
                .applied
                .iter()
                .map(|x| (x.charge_id, x.amount.0))
                .collect();
            assert_eq!(got, want, "{name}");
            assert_eq!(a.unapplied, Cents(unapplied), "{name}");
        }
    }

    #[test]
    fn no_open_charges_is_all_credit() {
        let a = allocate(Cents(1_234), &[], AllocationOrder::OldestFirst);
        assert_eq!(
            a,
            Allocation {
                applied: vec![],
                unapplied: Cents(1_234)
            }
        );
    }
}
