//! Property tests over ledgers built from random attempted entries, each posted only when
//! `validate_new_entry` accepts it.
use std::collections::HashSet;

use chrono::{DateTime, Days, NaiveDate, Utc};
use frontdesk_domain::money::Cents;
use frontdesk_ledger::validate::patient_paid;
use frontdesk_ledger::*;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Attempt {
    Charge(i64),
    Payment(u8, i64),
    Adjustment(u8, i64),
    /// Reverse the entry at this index (modulo the ledger's length).
    Reversal(usize),
}

fn attempt() -> impl Strategy<Value = Attempt> {
    let amount = prop_oneof![1 => -100i64..=0, 9 => 1i64..=200_000];
    prop_oneof![
        3 => amount.clone().prop_map(Attempt::Charge),
        3 => (0u8..4, amount.clone()).prop_map(|(m, a)| Attempt::Payment(m, a)),
        2 => (0u8..4, amount).prop_map(|(k, a)| Attempt::Adjustment(k, a)),
        2 => any::<usize>().prop_map(Attempt::Reversal),
    ]
}

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

fn kind(a: &Attempt, ledger: &[Entry]) -> EntryKind {
    match *a {
        Attempt::Charge(amount) => EntryKind::Charge {
            code: "D0120".into(),
            treatment_item_id: None,
            amount: Cents(amount),
        },
        Attempt::Payment(m, amount) => EntryKind::Payment {
            method: match m {
                0 => PaymentMethod::Cash,
                1 => PaymentMethod::Card {
                    last_four: "4242".into(),
                },
                2 => PaymentMethod::Check {
                    number: "1001".into(),
                },
                _ => PaymentMethod::Insurance { claim_id: 5 },
            },
            amount: Cents(amount),
        },
        Attempt::Adjustment(k, amount) => EntryKind::Adjustment {
            adjustment: [
                AdjustmentKind::PpoWriteOff,
                AdjustmentKind::Discount,
                AdjustmentKind::Refund,
                AdjustmentKind::BadDebt,
            ][usize::from(k)],
            amount: Cents(amount),
        },
        Attempt::Reversal(i) => EntryKind::Reversal {
            reverses: if ledger.is_empty() {
                1
            } else {
                ledger[i % ledger.len()].id
            },
        },
    }
}

fn new_entry(patient: i64, day: u64, kind: EntryKind, ledger: &[Entry]) -> NewEntry {
    // A reversal goes on the original's ledger line (same patient and guarantor).
    let patient = match kind.reverses() {
        Some(id) => ledger
            .iter()
            .find(|e| e.id == id)
            .map_or(patient, |e| e.patient_id),
        None => patient,
    };
    NewEntry {
        patient_id: patient,
        // Patients 1 and 2 are one family (guarantor 1); patient 3 is their own guarantor.
        guarantor_id: if patient == 3 { 3 } else { 1 },
        date: base() + Days::new(day),
        actor: "fd".into(),
        note: String::new(),
        kind,
    }
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_780_000_000, 0).unwrap()
}

/// Posts every attempt that validates; returns the ledger and how many were refused.
fn build(attempts: &[(i64, u64, Attempt)]) -> (Vec<Entry>, usize) {
    let mut ledger: Vec<Entry> = Vec::new();
    let mut refused = 0;
    for (patient, day, a) in attempts {
        let new = new_entry(*patient, *day, kind(a, &ledger), &ledger);
        if validate_new_entry(&new, &ledger, None).is_ok() {
            let id = ledger.len() as i64 + 1;
            ledger.push(new.posted(id, now()));
        } else {
            refused += 1;
        }
    }
    (ledger, refused)
}

fn attempts() -> impl Strategy<Value = Vec<(i64, u64, Attempt)>> {
    prop::collection::vec((1i64..=3, 0u64..400, attempt()), 0..40)
}

/// The balance by definition: standing debits minus standing credits, computed without the crate.
fn by_definition(ledger: &[Entry]) -> i64 {
    let reversed: HashSet<EntryId> = ledger.iter().filter_map(|e| e.kind.reverses()).collect();
    ledger
        .iter()
        .filter(|e| !reversed.contains(&e.id))
        .map(|e| match &e.kind {
            EntryKind::Charge { amount, .. } => amount.0,
            EntryKind::Adjustment {
                adjustment: AdjustmentKind::Refund,
                amount,
            } => amount.0,
            EntryKind::Payment { amount, .. } | EntryKind::Adjustment { amount, .. } => -amount.0,
            EntryKind::Reversal { .. } => 0,
        })
        .sum()
}

proptest! {
    #[test]
    fn balance_is_debits_minus_credits(a in attempts()) {
        let (ledger, _) = build(&a);
        prop_assert_eq!(balance(&ledger), Cents(by_definition(&ledger)));
        prop_assert_eq!(balance(&ledger), debits_total(&ledger) - credits_total(&ledger));
    }

    #[test]
    fn posted_entries_obey_the_rules(a in attempts()) {
        let (ledger, _) = build(&a);
        let mut reversed = HashSet::new();
        for e in &ledger {
            if let Some(amount) = e.kind.amount() {
                prop_assert!(amount.0 > 0);
            }
            if let Some(orig) = e.kind.reverses() {
                prop_assert!(reversed.insert(orig), "reversed twice");
                let o = ledger.iter().find(|x| x.id == orig);
                prop_assert!(o.is_some_and(|o| o.kind.reverses().is_none()));
            }
        }
        for g in [1, 3] {
            prop_assert!(patient_paid(&ledger, g).0 >= 0, "refunded more than paid");
        }
    }

    #[test]
    fn an_entry_and_its_reversal_leave_the_balance_unchanged(
        a in attempts(),
        patient in 1i64..=3,
        day in 0u64..400,
        extra in attempt(),
    ) {
        let (mut ledger, _) = build(&a);
        let before = balance(&ledger);
        let new = new_entry(patient, day, kind(&extra, &ledger), &ledger);
        prop_assume!(new.kind.reverses().is_none());
        prop_assume!(validate_new_entry(&new, &ledger, None).is_ok());
        let id = ledger.len() as i64 + 1;
        ledger.push(new.clone().posted(id, now()));
        let undo = NewEntry { kind: EntryKind::Reversal { reverses: id }, ..new };
        prop_assert!(validate_new_entry(&undo, &ledger, None).is_ok());
        ledger.push(undo.clone().posted(id + 1, now()));
        prop_assert_eq!(balance(&ledger), before);
        // …and it cannot be reversed again, nor can the reversal.
        prop_assert!(validate_new_entry(&undo, &ledger, None).is_err());
        let again = NewEntry { kind: EntryKind::Reversal { reverses: id + 1 }, ..undo };
        prop_assert!(validate_new_entry(&again, &ledger, None).is_err());
    }

    #[test]
    fn aging_buckets_sum_to_the_balance(a in attempts(), today in 0u64..600) {
        let (ledger, _) = build(&a);
        let ag = aging(&ledger, base() + Days::new(today));
        prop_assert_eq!(
            ag.current_0_30 + ag.days_31_60 + ag.days_61_90 + ag.over_90,
            ag.total
        );
        prop_assert_eq!(ag.total, balance(&ledger));
        for b in [ag.days_31_60, ag.days_61_90, ag.over_90] {
            prop_assert!(b.0 >= 0);
        }
    }

    #[test]
    fn open_charges_add_up_to_the_balance(a in attempts()) {
        let (ledger, _) = build(&a);
        let open = open_charges(&ledger);
        let owed: Cents = open.charges.iter().map(|c| c.open).sum();
        prop_assert_eq!(owed - open.credit, balance(&ledger));
        prop_assert!(open.credit.is_zero() || open.charges.is_empty());
    }

    #[test]
    fn instalments_sum_to_the_total(
        total in 1i64..10_000_000,
        count in 1u32..=MAX_INSTALMENTS,
        day in 0u64..3_000,
        every in 1u32..=12,
    ) {
        let first = base() + Days::new(day);
        match instalments(Cents(total), count, first, every) {
            Ok(plan) => {
                prop_assert_eq!(plan.len(), count as usize);
                prop_assert_eq!(plan.iter().map(|i| i.amount).sum::<Cents>(), Cents(total));
                prop_assert_eq!(plan[0].due, first);
                prop_assert!(plan.windows(2).all(|w| w[0].due < w[1].due));
                prop_assert!(plan.iter().all(|i| i.amount.0 >= 1 && i.amount <= plan[0].amount));
            }
            Err(e) => prop_assert!(total < i64::from(count), "{e}"),
        }
    }

    #[test]
    fn overdue_is_past_due_less_paid(
        total in 1_000i64..1_000_000,
        count in 1u32..24,
        paid in -100i64..1_200_000,
        today in 0u64..900,
    ) {
        let plan = instalments(Cents(total), count, base(), 1).unwrap();
        let today = base() + Days::new(today);
        let o = overdue(&plan, Cents(paid), today);
        let past_due: i64 = plan.iter().filter(|i| i.due < today).map(|i| i.amount.0).sum();
        prop_assert_eq!(o.amount, Cents((past_due - paid.max(0)).max(0)));
        prop_assert_eq!(o.since.is_some(), o.instalments > 0);
    }

    #[test]
    fn allocation_stays_within_payment_and_charges(
        payment in -1_000i64..500_000,
        opens in prop::collection::vec((0u64..200, -100i64..100_000), 0..12),
        as_given in any::<bool>(),
    ) {
        let open: Vec<OpenCharge> = opens
            .iter()
            .enumerate()
            .map(|(i, (day, amount))| OpenCharge {
                entry_id: i as i64 + 1,
                patient_id: 1 + (i as i64 % 2),
                date: base() + Days::new(*day),
                open: Cents(*amount),
            })
            .collect();
        let order = if as_given { AllocationOrder::AsGiven } else { AllocationOrder::OldestFirst };
        let a = allocate(Cents(payment), &open, order);
        let applied: Cents = a.applied.iter().map(|x| x.amount).sum();
        prop_assert_eq!(applied + a.unapplied, Cents(payment.max(0)));
        prop_assert!(a.unapplied.0 >= 0);
        let mut seen = HashSet::new();
        for x in &a.applied {
            prop_assert!(seen.insert(x.charge_id));
            let c = open.iter().find(|c| c.entry_id == x.charge_id).unwrap();
            prop_assert!(x.amount.0 > 0 && x.amount <= c.open);
        }
        let open_total: i64 = open.iter().map(|c| c.open.0.max(0)).sum();
        if !a.unapplied.is_zero() {
            prop_assert_eq!(applied, Cents(open_total));
        }
    }
}

proptest! {
    /// Every entry lands in one column of the production report: over the whole ledger, net
    /// production − net collections is the balance, and any split of the days adds up to the whole.
    #[test]
    fn production_accounts_for_every_entry(a in attempts(), cut in 0u64..400) {
        let (ledger, _) = build(&a);
        let days = production_by_day(&ledger, &[]);
        let t = frontdesk_ledger::production::total(days.values());
        prop_assert_eq!(t.net_production - t.net_collections, balance(&ledger).0);
        prop_assert_eq!(t.net_production, t.charges - t.adjustments - t.write_offs);
        prop_assert_eq!(t.net_collections, t.patient_payments + t.insurance_payments - t.refunds);
        let split = base() + Days::new(cut);
        let (early, late): (Vec<Entry>, Vec<Entry>) =
            ledger.iter().cloned().partition(|e| e.date < split);
        let first = production_by_day(&early, &ledger);
        let second = production_by_day(&late, &ledger);
        let whole = frontdesk_ledger::production::total(first.values().chain(second.values()));
        prop_assert_eq!(whole, t);
    }
}
