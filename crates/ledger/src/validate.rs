//! Whether a new entry may be posted. Problems are reported per field, naming the field and never
//! the value:
//!
//! | field       | problem                                                              |
//! |-------------|----------------------------------------------------------------------|
//! | `amount`    | zero or negative; a refund above what the patient paid               |
//! | `code`      | a charge without a procedure code                                    |
//! | `last_four` | a card payment without exactly four digits                           |
//! | `number`    | a check payment without a check number                               |
//! | `reverses`  | an unknown entry, another family's entry, a reversal, already reversed, or a payment whose reversal would leave refunds above payments |
//! | `date`      | on or before the locked-through date                                 |
//! | `actor`     | nobody named as posting it                                           |
//!
//! "What the patient paid" is counted over the guarantor's entries in the ledger given: standing
//! payments not from insurance, minus standing refunds.
use chrono::NaiveDate;
use frontdesk_domain::money::Cents;
use frontdesk_domain::{FieldError, ValidationErrors};

use crate::entry::{Entry, EntryKind, GuarantorId, NewEntry, PaymentMethod};
use crate::sign::{reversed_ids, standing};

/// Checks `new` against the `ledger` already posted (the guarantor's entries; entries of other
/// guarantors are ignored) and the period lock: with `locked_through` set, nothing may be dated on
/// or before it (correct a locked entry with a reversal dated after the lock).
pub fn validate_new_entry(
    new: &NewEntry,
    ledger: &[Entry],
    locked_through: Option<NaiveDate>,
) -> Result<(), ValidationErrors> {
    let mut errors = Vec::new();
    let mut problem = |field: &str, what: &str| errors.push(FieldError::new(field, what));

    if new.actor.trim().is_empty() {
        problem("actor", "Say who is posting this entry.");
    }
    if let Some(lock) = locked_through {
        if new.date <= lock {
            problem(
                "date",
                "This date is in a closed period. Post a correction dated after the period was locked.",
            );
        }
    }
    if let Some(amount) = new.kind.amount() {
        if amount.0 <= 0 {
            problem("amount", "Enter an amount greater than zero.");
        }
    }
    match &new.kind {
        EntryKind::Charge { code, .. } => {
            if code.trim().is_empty() {
                problem("code", "Enter the procedure code.");
            }
        }
        EntryKind::Payment { method, .. } => match method {
            PaymentMethod::Card { last_four } => {
                if last_four.len() != 4 || !last_four.bytes().all(|b| b.is_ascii_digit()) {
                    problem("last_four", "Enter the last four digits of the card.");
                }
            }
            PaymentMethod::Check { number } => {
                if number.trim().is_empty() {
                    problem("number", "Enter the check number.");
                }
            }
            PaymentMethod::Cash | PaymentMethod::Insurance { .. } => {}
        },
        EntryKind::Adjustment { amount, .. } if new.kind.is_refund() && amount.0 > 0 => {
            if *amount > patient_paid(ledger, new.guarantor_id) {
                problem(
                    "amount",
                    "A refund cannot be more than the patient has paid (less earlier refunds).",
                );
            }
        }
        EntryKind::Adjustment { .. } => {}
        EntryKind::Reversal { reverses } => {
            if let Some(why) = reversal_problem(new, *reverses, ledger) {
                problem("reverses", why);
            }
        }
    }

    if errors.is_empty() {
        Ok(())
    } else {
        Err(ValidationErrors(errors))
    }
}

/// Standing payments from the patient or guarantor (not insurance) minus standing refunds, over
/// the guarantor's entries.
pub fn patient_paid(ledger: &[Entry], guarantor: GuarantorId) -> Cents {
    standing(ledger)
        .into_iter()
        .filter(|e| e.guarantor_id == guarantor)
        .map(|e| match &e.kind {
            EntryKind::Payment { method, amount } if method.is_from_patient() => *amount,
            EntryKind::Adjustment { amount, .. } if e.kind.is_refund() => Cents(-amount.0),
            _ => Cents::ZERO,
        })
        .sum()
}

fn reversal_problem(new: &NewEntry, reverses: i64, ledger: &[Entry]) -> Option<&'static str> {
    let Some(original) = ledger.iter().find(|e| e.id == reverses) else {
        return Some("There is no such entry to reverse.");
    };
    if original.patient_id != new.patient_id || original.guarantor_id != new.guarantor_id {
        return Some("That entry belongs to another patient's ledger.");
    }
    if original.kind.reverses().is_some() {
        return Some("A reversal cannot be reversed. Post the entry again instead.");
    }
    if reversed_ids(ledger).contains_key(&reverses) {
        return Some("That entry has already been reversed.");
    }
    if let EntryKind::Payment { method, amount } = &original.kind {
        if method.is_from_patient() && *amount > patient_paid(ledger, new.guarantor_id) {
            return Some(
                "Reversing this payment would leave more refunded than paid. Reverse the refund first.",
            );
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::AdjustmentKind::*;
    use crate::fixture::*;

    fn fields(r: Result<(), ValidationErrors>) -> Vec<String> {
        match r {
            Ok(()) => vec![],
            Err(e) => e.0.into_iter().map(|f| f.field).collect(),
        }
    }

    fn card(last_four: &str) -> EntryKind {
        EntryKind::Payment {
            method: PaymentMethod::Card {
                last_four: last_four.into(),
            },
            amount: Cents(100),
        }
    }

    fn check(number: &str) -> EntryKind {
        EntryKind::Payment {
            method: PaymentMethod::Check {
                number: number.into(),
            },
            amount: Cents(100),
        }
    }

    #[test]
    fn validation_table() {
        let t = d(2026, 3, 10);
        let ledger = vec![
            charge(1, d(2026, 3, 1), 10_000),
            cash(2, d(2026, 3, 1), 3_000),
            adj(3, d(2026, 3, 2), Refund, 1_000),
            reversal(4, d(2026, 3, 3), 1),
            charge(5, d(2026, 3, 4), 2_000),
            entry(
                6,
                d(2026, 3, 4),
                EntryKind::Payment {
                    method: PaymentMethod::Insurance { claim_id: 9 },
                    amount: Cents(5_000),
                },
            ),
        ];
        let lock = Some(d(2026, 2, 28));
        let rev = |id| EntryKind::Reversal { reverses: id };
        let cases: Vec<(&str, NewEntry, &[&str])> = vec![
            ("charge ok", new(t, charge_kind(100)), &[]),
            ("zero charge", new(t, charge_kind(0)), &["amount"]),
            ("negative payment", new(t, cash_kind(-5)), &["amount"]),
            ("zero discount", new(t, adj_kind(Discount, 0)), &["amount"]),
            (
                "no code",
                new(
                    t,
                    EntryKind::Charge {
                        code: " ".into(),
                        treatment_item_id: Some(3),
                        amount: Cents(1),
                    },
                ),
                &["code"],
            ),
            ("card ok", new(t, card("0042")), &[]),
            ("card three digits", new(t, card("042")), &["last_four"]),
            ("card letters", new(t, card("42a1")), &["last_four"]),
            ("card five digits", new(t, card("12345")), &["last_four"]),
            ("check ok", new(t, check("1001")), &[]),
            ("check without number", new(t, check("  ")), &["number"]),
            // paid 30.00 cash, refunded 10.00: 20.00 may still be refunded; insurance not counted.
            ("refund up to paid", new(t, adj_kind(Refund, 2_000)), &[]),
            (
                "refund above paid",
                new(t, adj_kind(Refund, 2_001)),
                &["amount"],
            ),
            ("reverse charge", new(t, rev(5)), &[]),
            ("reverse insurance payment", new(t, rev(6)), &[]),
            ("reverse refunded payment", new(t, rev(2)), &["reverses"]),
            ("reverse unknown", new(t, rev(99)), &["reverses"]),
            ("reverse reversed", new(t, rev(1)), &["reverses"]),
            ("reverse a reversal", new(t, rev(4)), &["reverses"]),
            (
                "locked date",
                new(d(2026, 2, 28), charge_kind(100)),
                &["date"],
            ),
            ("day after lock", new(d(2026, 3, 1), charge_kind(100)), &[]),
            (
                "locked and zero",
                new(d(2026, 1, 1), cash_kind(0)),
                &["date", "amount"],
            ),
        ];
        for (name, entry, want) in cases {
            assert_eq!(
                fields(validate_new_entry(&entry, &ledger, lock)),
                want,
                "{name}"
            );
        }
    }

    #[test]
    fn other_patients_entry_cannot_be_reversed_here() {
        let t = d(2026, 3, 10);
        let mut other = charge(1, t, 500);
        other.patient_id = 2;
        let r = validate_new_entry(&new(t, EntryKind::Reversal { reverses: 1 }), &[other], None);
        assert_eq!(fields(r), ["reverses"]);
    }

    #[test]
    fn payment_reversal_refused_when_it_leaves_refunds_above_payments() {
        let t = d(2026, 3, 10);
        let ledger = vec![cash(1, t, 1_000), adj(2, t, Refund, 600)];
        let r = validate_new_entry(&new(t, EntryKind::Reversal { reverses: 1 }), &ledger, None);
        assert_eq!(fields(r), ["reverses"]);
        let mut ledger = ledger;
        ledger.push(reversal(3, t, 2));
        let r = validate_new_entry(&new(t, EntryKind::Reversal { reverses: 1 }), &ledger, None);
        assert_eq!(fields(r), Vec::<String>::new());
    }

    #[test]
    fn refunds_count_only_this_guarantor() {
        let t = d(2026, 3, 10);
        let mut other = cash(1, t, 5_000);
        other.guarantor_id = 8;
        let r = validate_new_entry(&new(t, adj_kind(Refund, 100)), &[other], None);
        assert_eq!(fields(r), ["amount"]);
    }

    #[test]
    fn errors_never_contain_values() {
        let t = d(2026, 3, 10);
        let err = validate_new_entry(&new(t, card("98x6")), &[], None).unwrap_err();
        assert!(!err.to_string().contains("98x6"));
    }
}
