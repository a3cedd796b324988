//! Aging of a balance: what is owed split by how old it is. Credits go to the oldest debits first
//! (see [`crate::open_items`]); each still-open debit goes in the bucket of its age in days on
//! `today` (0–30 current — a future-dated entry too —, 31–60, 61–90, over 90).
//!
//! The buckets always add up to the total, and the total is the balance. A credit balance (the
//! guarantor paid more than was owed) has nothing open, so it shows as a negative amount in both
//! `total` and `current_0_30`, with the older buckets zero.
use chrono::NaiveDate;
use frontdesk_domain::money::Cents;
use serde::{Deserialize, Serialize};

use crate::entry::Entry;
use crate::open_items::open_charges;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Aging {
    #[serde(with = "crate::cents_serde")]
    #[specta(type = i64)]
    pub current_0_30: Cents,
    #[serde(with = "crate::cents_serde")]
    #[specta(type = i64)]
    pub days_31_60: Cents,
    #[serde(with = "crate::cents_serde")]
    #[specta(type = i64)]
    pub days_61_90: Cents,
    #[serde(with = "crate::cents_serde")]
    #[specta(type = i64)]
    pub over_90: Cents,
    #[serde(with = "crate::cents_serde")]
    #[specta(type = i64)]
    pub total: Cents,
}

/// Ages `ledger` (a guarantor's family entries for the statement) on `today`.
pub fn aging(ledger: &[Entry], today: NaiveDate) -> Aging {
    let open = open_charges(ledger);
    let mut a = Aging::default();
    for c in &open.charges {
        let days = (today - c.date).num_days();
        let bucket = match days {
            ..=30 => &mut a.current_0_30,
            31..=60 => &mut a.days_31_60,
            61..=90 => &mut a.days_61_90,
            _ => &mut a.over_90,
        };
        *bucket += c.open;
    }
    a.current_0_30 -= open.credit;
    a.total = a.current_0_30 + a.days_31_60 + a.days_61_90 + a.over_90;
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::balance::balance;
    use crate::fixture::*;

    #[test]
    fn aging_table() {
        let today = d(2026, 6, 30);
        let ago = |days| today - chrono::Days::new(days);
        let cases: Vec<(&str, Vec<Entry>, [i64; 5])> = vec![
            ("empty", vec![], [0, 0, 0, 0, 0]),
            (
                "bucket edges",
                vec![
                    charge(1, ago(0), 1),
                    charge(2, ago(30), 10),
                    charge(3, ago(31), 100),
                    charge(4, ago(60), 1_000),
                    charge(5, ago(61), 10_000),
                    charge(6, ago(90), 100_000),
                    charge(7, ago(91), 1_000_000),
                ],
                [11, 1_100, 110_000, 1_000_000, 1_111_111],
            ),
            (
                "payment clears the oldest",
                vec![
                    charge(1, ago(100), 5_000),
                    charge(2, ago(45), 5_000),
                    cash(3, ago(1), 6_000),
                ],
                [0, 4_000, 0, 0, 4_000],
            ),
            (
                "credit balance is negative current",
                vec![charge(1, ago(100), 5_000), cash(2, ago(1), 7_500)],
                [-2_500, 0, 0, 0, -2_500],
            ),
            (
                "future dated is current",
                vec![charge(1, d(2026, 7, 5), 900)],
                [900, 0, 0, 0, 900],
            ),
        ];
        for (name, ledger, [c, b31, b61, b90, total]) in cases {
            let a = aging(&ledger, today);
            assert_eq!(
                [
                    a.current_0_30,
                    a.days_31_60,
                    a.days_61_90,
                    a.over_90,
                    a.total
                ],
                [Cents(c), Cents(b31), Cents(b61), Cents(b90), Cents(total)],
                "{name}"
            );
            assert_eq!(a.total, balance(&ledger), "{name}: total is the balance");
        }
    }
}
