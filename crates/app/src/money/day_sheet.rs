//! The day sheet: a day's charges, payments by type, adjustments, and the deposit slip totals
//! (checks one by one, and cash). A reversal posted that day counts against its original's kind.
use frontdesk_access::Permission;
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;

use frontdesk_insurance::text::parse_typed_date;
use frontdesk_ledger::production::counted_as;
use frontdesk_ledger::{Entry, EntryKind, PaymentMethod};
use frontdesk_store::family;
use frontdesk_store::ledger::entries;
use serde::Serialize;

use crate::money::account::{describe, name_of};
use crate::{App, AppError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct DaySheetLine {
    pub entry_id: i64,
    pub patient: String,
    pub code: String,
    pub description: String,
    /// Negative for a reversal posted this day.
    pub amount_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Subtotal {
    /// e.g. `cash`, `card`, `check`, `insurance`; `ppo_write_off`, `discount`, …
    pub kind: String,
    pub amount_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct DepositCheck {
    pub number: String,
    pub patient: String,
    pub amount_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct DaySheet {
    pub date: String,
    pub charges: Vec<DaySheetLine>,
    pub charges_cents: i64,
    pub payments: Vec<DaySheetLine>,
    pub payments_by_type: Vec<Subtotal>,
    pub payments_cents: i64,
    pub adjustments: Vec<DaySheetLine>,
    pub adjustments_by_type: Vec<Subtotal>,
    pub checks: Vec<DepositCheck>,
    pub checks_cents: i64,
    pub cash_cents: i64,
    /// Checks + cash: what goes to the bank.
    pub deposit_cents: i64,
}

fn payment_type(m: &PaymentMethod) -> &'static str {
    match m {
        PaymentMethod::Cash => "cash",
        PaymentMethod::Card { .. } => "card",
        PaymentMethod::Check { .. } => "check",
        PaymentMethod::Insurance { .. } => "insurance",
    }
}

impl App {
    pub async fn day_sheet(&self, date: &str) -> Result<DaySheet, AppError> {
        self.require(Permission::ViewReports).await?;
        let day = parse_typed_date(date)
            .ok_or_else(|| AppError::invalid("date", "is not a real date (e.g. 03/10/2026)"))?;
        let (day_entries, before) = self.dated_entries(day, day).await?;
        let by_id: HashMap<i64, &Entry> = day_entries
            .iter()
            .chain(&before)
            .map(|e| (e.id, e))
            .collect();
        let ids: Vec<i64> = day_entries.iter().map(|e| e.patient_id).collect();
        let people = family::summaries(&self.db, &ids).await?;
        let fees = self.code_descriptions().await?;
        let mut sheet = DaySheet {
            date: day.to_string(),
            charges: vec![],
            charges_cents: 0,
            payments: vec![],
            payments_by_type: vec![],
            payments_cents: 0,
            adjustments: vec![],
            adjustments_by_type: vec![],
            checks: vec![],
            checks_cents: 0,
            cash_cents: 0,
            deposit_cents: 0,
        };
        let mut pay_types: BTreeMap<String, i64> = BTreeMap::new();
        let mut adj_types: BTreeMap<String, i64> = BTreeMap::new();
        for e in &day_entries {
            let patient = people.get(&e.patient_id).map(name_of).unwrap_or_default();
            // A reversal counts as its original with the opposite sign.
            let Some((kind, sign)) = counted_as(e, &by_id) else {
                continue;
            };
            let Some(amount) = kind.amount() else {
                continue;
            };
            let line = DaySheetLine {
                entry_id: e.id,
                patient: patient.clone(),
                code: match kind {
                    EntryKind::Charge { code, .. } => code.clone(),
                    _ => String::new(),
                },
                description: describe(e, &fees),
                amount_cents: sign * amount.0,
            };
            match kind {
                EntryKind::Charge { .. } => {
                    sheet.charges_cents += line.amount_cents;
                    sheet.charges.push(line);
                }
                EntryKind::Payment { method, .. } => {
                    *pay_types.entry(payment_type(method).into()).or_default() += line.amount_cents;
                    sheet.payments_cents += line.amount_cents;
                    match method {
                        PaymentMethod::Check { number } => sheet.checks.push(DepositCheck {
                            number: number.clone(),
                            patient,
                            amount_cents: line.amount_cents,
                        }),
                        PaymentMethod::Cash => sheet.cash_cents += line.amount_cents,
                        _ => {}
                    }
                    sheet.payments.push(line);
                }
                EntryKind::Adjustment { adjustment, .. } => {
                    *adj_types.entry(adjustment.as_str().into()).or_default() += line.amount_cents;
                    sheet.adjustments.push(line);
                }
                EntryKind::Reversal { .. } => {}
            }
        }
        sheet.checks_cents = sheet.checks.iter().map(|c| c.amount_cents).sum();
        sheet.deposit_cents = sheet.checks_cents + sheet.cash_cents;
        sheet.payments_by_type = subtotals(pay_types);
        sheet.adjustments_by_type = subtotals(adj_types);
        Ok(sheet)
    }
}

impl App {
    /// The entries dated `from..=to`, oldest first, and the originals of their reversals that
    /// were posted before `from` (the day sheet and the production report count a reversal as
    /// its original).
    pub(crate) async fn dated_entries(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<(Vec<Entry>, Vec<Entry>), AppError> {
        let in_range: Vec<Entry> = entries::dated(&self.db, from, to)
            .await?
            .into_iter()
            .map(|s| s.entry)
            .collect();
        let ids: HashSet<i64> = in_range.iter().map(|e| e.id).collect();
        let before: Vec<i64> = in_range
            .iter()
            .filter_map(|e| e.kind.reverses())
            .filter(|id| !ids.contains(id))
            .collect();
        let originals = entries::by_ids(&self.db, &before)
            .await?
            .into_iter()
            .map(|s| s.entry)
            .collect();
        Ok((in_range, originals))
    }
}

fn subtotals(m: BTreeMap<String, i64>) -> Vec<Subtotal> {
    m.into_iter()
        .map(|(kind, amount_cents)| Subtotal { kind, amount_cents })
        .collect()
}
