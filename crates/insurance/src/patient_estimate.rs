//! A patient's treatment plan estimated with their coverages: turns the records into the engine's
//! scenario (primary first, benefits used this benefit year, completed procedures with their
//! teeth as history, the patient's birth date for age limits, the office fee schedule as the fees
//! alternate benefits are paid on) and returns per-procedure shares with the explanation lines.
//! Office codes that are not dental procedure codes (e.g. a cosmetic `BTX-UNIT`) get no insurance
//! estimate: the patient pays the fee. A tooth that is an area (`UR`) or empty is no tooth to the
//! engine.
use chrono::NaiveDate;
use frontdesk_domain::fee_schedule::FeeEntry;
use frontdesk_domain::money::Cents;
use frontdesk_domain::ValidationErrors;
use frontdesk_estimate::{Code, HistoryItem, Procedure, Scenario, Tooth, Used};
use serde::Serialize;

use crate::coverage::CoverageId;
use crate::plan::{engine_plan, PlanDraft};
use crate::preauth::ApprovedAmount;
use crate::treatment::TreatmentItemId;

/// One coverage as the estimate needs it.
#[derive(Debug, Clone)]
pub struct CoverageForEstimate {
    pub coverage_id: CoverageId,
    pub label: String,
    pub plan: PlanDraft,
    pub effective: NaiveDate,
    /// Benefits used this benefit year before this plan (claims paid, plus used elsewhere).
    pub used: Used,
}

/// One procedure to estimate; `fee` is per unit.
#[derive(Debug, Clone)]
pub struct ProcedureToEstimate {
    pub item_id: TreatmentItemId,
    pub code: String,
    /// As on the treatment item: a tooth, an area or empty.
    pub tooth: String,
    pub fee: Cents,
    pub units: u32,
    /// Done earlier this benefit year and not yet settled by the plan: estimated first, so it uses
    /// up deductible, maximum and frequency as the plan will, but left out of the result.
    pub pending: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct PlanShare {
    pub coverage_id: CoverageId,
    pub plan: String,
    pub allowed_cents: i64,
    pub estimate_cents: i64,
    pub write_off_cents: i64,
    pub deductible_cents: i64,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct EstimateLine {
    pub item_id: TreatmentItemId,
    /// Fee × units.
    pub fee_cents: i64,
    pub plans: Vec<PlanShare>,
    pub patient_cents: i64,
    /// Why: one line per step that changed something.
    pub explanation: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct EstimateTotals {
    pub fee_cents: i64,
    pub insurance_cents: i64,
    pub write_off_cents: i64,
    pub patient_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct TreatmentEstimate {
    /// The plans in order (primary first).
    pub plans: Vec<String>,
    pub lines: Vec<EstimateLine>,
    pub totals: EstimateTotals,
}

/// A completed procedure (for frequency limits).
#[derive(Debug, Clone)]
pub struct PriorProcedure {
    pub code: String,
    /// As on the treatment item: a tooth, an area or empty.
    pub tooth: String,
    pub date: NaiveDate,
}

/// What a treatment plan is estimated with.
#[derive(Debug, Clone, Copy)]
pub struct TreatmentToEstimate<'a> {
    /// The date of service.
    pub date: NaiveDate,
    /// The patient's date of birth (for age limits).
    pub birth_date: Option<NaiveDate>,
    /// Primary first.
    pub coverages: &'a [CoverageForEstimate],
    pub history: &'a [PriorProcedure],
    /// In plan order.
    pub procedures: &'a [ProcedureToEstimate],
    pub approved: &'a [ApprovedAmount],
    /// The office fee schedule: what a percentage plan pays an alternate benefit on.
    pub office_fees: &'a [FeeEntry],
}

fn tooth(t: &str) -> Option<Tooth> {
    Tooth::parse(t).ok()
}

/// Estimates the procedures in order on the date with the coverages (primary first). An approved
/// pre-authorization amount replaces a plan's estimate for its procedure (the later procedures'
/// deductible and maximum follow the engine's own estimate).
pub fn estimate_treatment(t: &TreatmentToEstimate) -> Result<TreatmentEstimate, ValidationErrors> {
    let TreatmentToEstimate {
        date,
        birth_date,
        coverages,
        history,
        procedures,
        approved,
        office_fees,
    } = *t;
    let plans = coverages
        .iter()
        .enumerate()
        .map(|(i, c)| engine_plan(&c.plan, &c.label, i, Some(c.effective), c.used))
        .collect::<Result<Vec<_>, _>>()?;
    let dental: Vec<(usize, Code)> = procedures
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Code::parse(&p.code).ok().map(|c| (i, c)))
        .collect();
    let scenario = Scenario {
        date,
        plans,
        history: history
            .iter()
            .filter_map(|h| {
                Some(HistoryItem {
                    code: Code::parse(&h.code).ok()?,
                    date: h.date,
                    tooth: tooth(&h.tooth),
                })
            })
            .collect(),
        procedures: dental
            .iter()
            .map(|&(i, code)| Procedure {
                code,
                fee: procedures[i].fee,
                units: procedures[i].units,
                tooth: tooth(&procedures[i].tooth),
            })
            .collect(),
        birth_date,
        fees: office_fees
            .iter()
            .filter_map(|f| Some((Code::parse(&f.code).ok()?, Cents(f.fee_cents.max(0)))))
            .collect(),
    };
    let mut estimated = frontdesk_estimate::estimate(&scenario, true).into_iter();
    let mut lines = Vec::with_capacity(procedures.len());
    let mut totals = EstimateTotals::default();
    for (i, p) in procedures.iter().enumerate() {
        let is_dental = dental.iter().any(|&(j, _)| j == i);
        if p.pending {
            if is_dental {
                estimated.next();
            }
            continue;
        }
        let line = if is_dental {
            let e = estimated.next().expect("one estimate per dental procedure");
            EstimateLine {
                item_id: p.item_id,
                fee_cents: e.fee.0,
                plans: e
                    .plans
                    .iter()
                    .map(|s| PlanShare {
                        coverage_id: coverages[s.plan].coverage_id,
                        plan: coverages[s.plan].label.clone(),
                        allowed_cents: s.allowed.0,
                        estimate_cents: s.estimate.0,
                        write_off_cents: s.write_off.0,
                        deductible_cents: s.deductible.0,
                        notes: s.notes.clone(),
                    })
                    .collect(),
                patient_cents: e.patient.0,
                explanation: e.explanation,
            }
        } else {
            let fee = p.fee.times(p.units);
            EstimateLine {
                item_id: p.item_id,
                fee_cents: fee.0,
                plans: Vec::new(),
                patient_cents: fee.0,
                explanation: vec![format!(
                    "{} is an office code, not a dental procedure code: no insurance estimate; patient pays the fee {fee}",
                    p.code
                )],
            }
        };
        let mut line = line;
        apply_approvals(&mut line, approved);
        totals.fee_cents += line.fee_cents;
        totals.patient_cents += line.patient_cents;
        for s in &line.plans {
            totals.insurance_cents += s.estimate_cents;
            totals.write_off_cents += s.write_off_cents;
        }
        lines.push(line);
    }
    Ok(TreatmentEstimate {
        plans: coverages.iter().map(|c| c.label.clone()).collect(),
        lines,
        totals,
    })
}

/// Replaces plan estimates with approved pre-authorization amounts, never more than what is left
/// of the fee after write-offs and the other plans, and says so.
fn apply_approvals(line: &mut EstimateLine, approved: &[ApprovedAmount]) {
    for i in 0..line.plans.len() {
        let Some(a) = approved
            .iter()
            .find(|a| a.item == line.item_id && a.coverage_id == line.plans[i].coverage_id)
        else {
            continue;
        };
        let others: i64 = line
            .plans
            .iter()
            .enumerate()
            .map(|(j, s)| s.write_off_cents + if j == i { 0 } else { s.estimate_cents })
            .sum();
        let room = (line.fee_cents - others).max(0);
        let share = &mut line.plans[i];
        let was = Cents(share.estimate_cents);
        share.estimate_cents = a.amount.0.min(room);
        share
            .notes
            .push(format!("pre-authorization #{} approved", a.preauth));
        line.explanation.push(format!(
            "{}: pre-authorization #{} approved {} (until {}): used instead of the estimate {was}",
            share.plan,
            a.preauth,
            a.amount,
            a.expires.format("%m/%d/%Y")
        ));
    }
    let covered: i64 = line
        .plans
        .iter()
        .map(|s| s.estimate_cents + s.write_off_cents)
        .sum();
    line.patient_cents = line.fee_cents - covered;
}

#[cfg(test)]
mod tests;
