//! Production and collections by day: what the office produced (charges less discounts and
//! write-offs) and what it collected (patient and insurance payments less refunds).
//!
//! A reversal counts as its original with the opposite sign, on the reversal's own date — as the
//! day sheet counts it — so over any date range these figures are the day sheets' of those days.
//! And because every entry kind lands in exactly one column:
//! `net_production − net_collections` = the change of all balances over the range.
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use crate::entry::{AdjustmentKind, Entry, EntryId, EntryKind};

/// One day's (or a range's) figures, in cents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct Production {
    pub charges: i64,
    /// Discounts.
    pub adjustments: i64,
    /// PPO write-offs and bad debt.
    pub write_offs: i64,
    /// Money given back to patients.
    pub refunds: i64,
    pub patient_payments: i64,
    pub insurance_payments: i64,
    /// charges − adjustments − write-offs.
    pub net_production: i64,
    /// patient + insurance payments − refunds.
    pub net_collections: i64,
}

impl Production {
    fn add_entry(&mut self, kind: &EntryKind, sign: i64) {
        let Some(amount) = kind.amount() else { return };
        let a = sign * amount.0;
        match kind {
            EntryKind::Charge { .. } => self.charges += a,
            EntryKind::Payment { method, .. } if method.is_from_patient() => {
                self.patient_payments += a
            }
            EntryKind::Payment { .. } => self.insurance_payments += a,
            EntryKind::Adjustment { adjustment, .. } => match adjustment {
                AdjustmentKind::Discount => self.adjustments += a,
                AdjustmentKind::Refund => self.refunds += a,
                AdjustmentKind::PpoWriteOff | AdjustmentKind::BadDebt => self.write_offs += a,
            },
            EntryKind::Reversal { .. } => {}
        }
        self.net_production = self.charges - self.adjustments - self.write_offs;
        self.net_collections = self.patient_payments + self.insurance_payments - self.refunds;
    }

    pub fn plus(mut self, o: &Production) -> Production {
        self.charges += o.charges;
        self.adjustments += o.adjustments;
        self.write_offs += o.write_offs;
        self.refunds += o.refunds;
        self.patient_payments += o.patient_payments;
        self.insurance_payments += o.insurance_payments;
        self.net_production += o.net_production;
        self.net_collections += o.net_collections;
        self
    }
}

/// How `e` counts on the day it was posted: as itself, or — a reversal — as the original it undoes,
/// with the opposite sign (the day sheet's and the production report's convention). `None` for a
/// reversal whose original is not in `by_id`.
pub fn counted_as<'a>(
    e: &'a Entry,
    by_id: &HashMap<EntryId, &'a Entry>,
) -> Option<(&'a EntryKind, i64)> {
    match e.kind.reverses() {
        Some(id) => by_id.get(&id).map(|o| (&o.kind, -1)),
        None => Some((&e.kind, 1)),
    }
}

/// `entries` dated in the range, by day (days without entries are left out). `originals` holds
/// the entries that reversals in the range undo when those were posted before the range; an
/// original found nowhere is skipped (the store keeps every entry, so this does not happen).
pub fn production_by_day(
    entries: &[Entry],
    originals: &[Entry],
) -> BTreeMap<NaiveDate, Production> {
    let by_id: HashMap<EntryId, &Entry> =
        entries.iter().chain(originals).map(|e| (e.id, e)).collect();
    let mut days: BTreeMap<NaiveDate, Production> = BTreeMap::new();
    for e in entries {
        if let Some((kind, sign)) = counted_as(e, &by_id) {
            days.entry(e.date).or_default().add_entry(kind, sign);
        }
    }
    days
}

/// The sum of the days.
pub fn total<'a>(days: impl IntoIterator<Item = &'a Production>) -> Production {
    days.into_iter()
        .fold(Production::default(), |t, d| t.plus(d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::*;

    #[test]
    fn each_kind_in_its_column_and_a_reversal_on_its_own_day() {
        let ledger = vec![
            charge(1, d(2026, 3, 2), 10_000),
            cash(2, d(2026, 3, 2), 2_000),
            entry(
                3,
                d(2026, 3, 3),
                EntryKind::Payment {
                    method: crate::PaymentMethod::Insurance { claim_id: 9 },
                    amount: frontdesk_domain::money::Cents(5_000),
                },
            ),
            adj(4, d(2026, 3, 3), AdjustmentKind::PpoWriteOff, 1_500),
            adj(5, d(2026, 3, 3), AdjustmentKind::Discount, 500),
            reversal(6, d(2026, 3, 4), 2),
        ];
        let days = production_by_day(&ledger, &[]);
        let mar2 = days[&d(2026, 3, 2)];
        assert_eq!((mar2.charges, mar2.patient_payments), (10_000, 2_000));
        assert_eq!((mar2.net_production, mar2.net_collections), (10_000, 2_000));
        let mar3 = days[&d(2026, 3, 3)];
        assert_eq!(
            (mar3.insurance_payments, mar3.write_offs, mar3.adjustments),
            (5_000, 1_500, 500)
        );
        assert_eq!(mar3.net_production, -2_000);
        let mar4 = days[&d(2026, 3, 4)];
        assert_eq!(
            (mar4.patient_payments, mar4.net_collections),
            (-2_000, -2_000)
        );
        let t = total(days.values());
        assert_eq!((t.net_production, t.net_collections), (8_000, 5_000));
        // The range's balance change: 10,000 − 1,500 − 500 − 5,000 (the cash was reversed).
        assert_eq!(t.net_production - t.net_collections, 3_000);
    }

    #[test]
    fn a_reversal_of_an_entry_before_the_range_uses_the_original_given() {
        let before = charge(1, d(2026, 2, 27), 4_000);
        let undo = reversal(2, d(2026, 3, 1), 1);
        let days = production_by_day(std::slice::from_ref(&undo), &[before]);
        assert_eq!(days[&d(2026, 3, 1)].charges, -4_000);
        assert!(production_by_day(&[undo], &[]).is_empty());
    }
}
