//! Entries for the unit tests: patient 1, guarantor 1, posted by "fd".
use chrono::{DateTime, NaiveDate, Utc};
use frontdesk_domain::money::Cents;

use crate::entry::*;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn at() -> DateTime<Utc> {
    DateTime::from_timestamp(1_780_000_000, 0).unwrap()
}

pub fn new(date: NaiveDate, kind: EntryKind) -> NewEntry {
    NewEntry {
        patient_id: 1,
        guarantor_id: 1,
        date,
        actor: "fd".into(),
        note: String::new(),
        kind,
    }
}

pub fn entry(id: EntryId, date: NaiveDate, kind: EntryKind) -> Entry {
    new(date, kind).posted(id, at())
}

pub fn charge_kind(amount: i64) -> EntryKind {
    EntryKind::Charge {
        code: "D2740".into(),
        treatment_item_id: None,
        amount: Cents(amount),
    }
}

pub fn cash_kind(amount: i64) -> EntryKind {
    EntryKind::Payment {
        method: PaymentMethod::Cash,
        amount: Cents(amount),
    }
}

pub fn adj_kind(adjustment: AdjustmentKind, amount: i64) -> EntryKind {
    EntryKind::Adjustment {
        adjustment,
        amount: Cents(amount),
    }
}

pub fn charge(id: EntryId, date: NaiveDate, amount: i64) -> Entry {
    entry(id, date, charge_kind(amount))
}

pub fn cash(id: EntryId, date: NaiveDate, amount: i64) -> Entry {
    entry(id, date, cash_kind(amount))
}

pub fn adj(id: EntryId, date: NaiveDate, k: AdjustmentKind, amount: i64) -> Entry {
    entry(id, date, adj_kind(k, amount))
}

pub fn reversal(id: EntryId, date: NaiveDate, reverses: EntryId) -> Entry {
    entry(id, date, EntryKind::Reversal { reverses })
}
