//! Which debits are still open. The ledger does not record which charge a payment paid; for aging
//! and statements every standing credit (payments, write-offs, discounts, bad debt) goes to the
//! oldest standing debit first (charges and refunds, by date, then id). What is left of the credits
//! once every debit is paid is the account's unapplied credit.
use chrono::NaiveDate;
use frontdesk_domain::money::Cents;
use frontdesk_domain::PatientId;
use serde::{Deserialize, Serialize};

use crate::entry::{Entry, EntryId};
use crate::sign::{standing, Direction};

/// A charge (or refund) with the part of it still owed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct OpenCharge {
    pub entry_id: EntryId,
    pub patient_id: PatientId,
    pub date: NaiveDate,
    /// Still owed, in cents; greater than zero in [`open_charges`]' answer.
    #[serde(with = "crate::cents_serde")]
    #[specta(type = i64)]
    pub open: Cents,
}

/// The open debits and the credit left over.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct OpenItems {
    /// Oldest first; only those with something still owed.
    pub charges: Vec<OpenCharge>,
    /// Credit not used by any debit (zero or more). `Σ open − credit` is the balance.
    #[serde(with = "crate::cents_serde")]
    #[specta(type = i64)]
    pub credit: Cents,
}

/// The standing debits of `ledger` still open after standing credits went to the oldest first.
pub fn open_charges(ledger: &[Entry]) -> OpenItems {
    let standing = standing(ledger);
    let mut debits: Vec<OpenCharge> = standing
        .iter()
        .filter(|e| Direction::of(&e.kind) == Some(Direction::Debit))
        .filter_map(|e| {
            Some(OpenCharge {
                entry_id: e.id,
                patient_id: e.patient_id,
                date: e.date,
                open: e.kind.amount()?,
            })
        })
        .collect();
    debits.sort_by_key(|c| (c.date, c.entry_id));
    let mut credit: Cents = standing
        .iter()
        .filter(|e| Direction::of(&e.kind) == Some(Direction::Credit))
        .filter_map(|e| e.kind.amount())
        .sum();
    for c in &mut debits {
        let used = credit.min(c.open).max(Cents::ZERO);
        c.open -= used;
        credit -= used;
    }
    debits.retain(|c| c.open.0 > 0);
    OpenItems {
        charges: debits,
        credit: credit.max(Cents::ZERO),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::balance::balance;
    use crate::fixture::*;

    #[test]
    fn credits_go_to_oldest_first() {
        let ledger = vec![
            charge(2, d(2026, 2, 1), 3_000),
            charge(1, d(2026, 1, 1), 1_000),
            charge(3, d(2026, 2, 1), 500),
            cash(4, d(2026, 3, 1), 2_500),
        ];
        let open = open_charges(&ledger);
        let got: Vec<_> = open
            .charges
            .iter()
            .map(|c| (c.entry_id, c.open.0))
            .collect();
        assert_eq!(got, [(2, 1_500), (3, 500)]);
        assert_eq!(open.credit, Cents::ZERO);
    }

    #[test]
    fn overpayment_is_credit() {
        let ledger = vec![
            charge(1, d(2026, 1, 1), 1_000),
            cash(2, d(2026, 1, 1), 1_500),
            charge(3, d(2026, 1, 2), 700),
            reversal(4, d(2026, 1, 3), 3),
        ];
        let open = open_charges(&ledger);
        assert!(open.charges.is_empty());
        assert_eq!(open.credit, Cents(500));
        assert_eq!(balance(&ledger), Cents(-500));
    }
}
