//! Runs the rule steps for each procedure (treatment-plan order) and each plan (ordinal order).
//!
//! Per plan: allowed fee → copay → deductible → coverage % → exclusions / frequency / waiting period →
//! limits (annual and family max) → coordination of benefits → write-off; then the patient portion.
//! Coordination runs after the plan's own limits because the README defines a secondary's "normal"
//! payment as what it would pay alone *after* its deductible, percentage and limits; for the primary
//! it changes nothing, so the primary follows domain.md's order exactly.
use crate::codes::Code;
use crate::model::{Plan, Procedure};
use crate::model::{PlanEstimate, ProcedureEstimate, Scenario};
use crate::money::{Cents, Percent};
use crate::{
    allowed_fee, cob, copay, coverage, deductible, eligibility, limits, patient, write_off,
};

/// Collects explanation lines, or does nothing (and formats nothing) when not asked for.
#[derive(Debug, Default)]
pub struct Explain {
    lines: Option<Vec<String>>,
}

impl Explain {
    pub fn on() -> Explain {
        Explain {
            lines: Some(Vec::new()),
        }
    }

    pub fn off() -> Explain {
        Explain { lines: None }
    }

    /// Adds a line; `f` only runs when explanations are on.
    pub fn line(&mut self, f: impl FnOnce() -> String) {
        if let Some(lines) = &mut self.lines {
            lines.push(f());
        }
    }

    pub fn take(&mut self) -> Vec<String> {
        self.lines.as_mut().map(std::mem::take).unwrap_or_default()
    }
}

/// One plan's working figures for one procedure, filled in step by step.
#[derive(Debug, Clone)]
pub struct Work<'a> {
    pub plan: &'a Plan,
    /// 0 = primary.
    pub ordinal: usize,
    pub procedure: &'a Procedure,
    /// Fee × units.
    pub fee: Cents,
    pub allowed: Cents,
    pub copay: Cents,
    pub deductible: Cents,
    /// The coverage percentage for the code; `None` when no range covers it.
    pub percent: Option<Percent>,
    pub estimate: Cents,
    pub write_off: Cents,
    /// Passed exclusions, coverage start, waiting periods and frequency limits.
    pub eligible: bool,
    /// The annual or family max cut this estimate to zero.
    pub max_left_nothing: bool,
    pub notes: Vec<String>,
}

impl<'a> Work<'a> {
    pub fn new(plan: &'a Plan, ordinal: usize, procedure: &'a Procedure) -> Work<'a> {
        let fee = procedure.fee.times(procedure.units);
        Work {
            plan,
            ordinal,
            procedure,
            fee,
            allowed: fee,
            copay: Cents::ZERO,
            deductible: Cents::ZERO,
            percent: None,
            estimate: Cents::ZERO,
            write_off: Cents::ZERO,
            eligible: true,
            max_left_nothing: false,
            notes: Vec::new(),
        }
    }

    pub fn code(&self) -> Code {
        self.procedure.code
    }

    /// What the plan can pay on before the deductible: allowed − copay.
    pub fn base(&self) -> Cents {
        self.allowed.saturating_sub(self.copay)
    }

    pub fn name(&self) -> &str {
        &self.plan.name
    }
}

/// What the plans before this one did on this procedure.
#[derive(Debug, Clone, Copy, Default)]
pub struct Earlier {
    pub estimates: Cents,
    pub write_offs: Cents,
    /// Index of the plan that took the write-off, if one did.
    pub write_off_by: Option<usize>,
}

/// What each plan has consumed across the earlier procedures of this treatment plan.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub deductible: Cents,
    pub code_deductibles: Vec<(Code, Cents)>,
    /// Benefits paid by earlier procedures (count toward the annual and the family max).
    pub benefits: Cents,
    /// Per frequency rule of the plan: history in the window plus earlier eligible procedures.
    pub frequency: Vec<u32>,
}

impl Tally {
    pub fn code_deductible_used(&self, code: Code) -> Cents {
        self.code_deductibles
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(Cents::ZERO, |(_, a)| *a)
    }

    fn record(&mut self, w: &Work) {
        self.deductible += w.deductible;
        if w.plan.code_deductibles.contains_key(&w.code()) && !w.deductible.is_zero() {
            match self
                .code_deductibles
                .iter_mut()
                .find(|(c, _)| *c == w.code())
            {
                Some((_, a)) => *a += w.deductible,
                None => self.code_deductibles.push((w.code(), w.deductible)),
            }
        }
        self.benefits += w.estimate;
        if w.eligible {
            eligibility::record(w.plan, &mut self.frequency, w.code(), w.procedure.units);
        }
    }
}

/// Estimates every procedure of the scenario. Explanations are collected only when `explain` is set.
pub fn estimate(scenario: &Scenario, explain: bool) -> Vec<ProcedureEstimate> {
    let mut tallies: Vec<Tally> = scenario
        .plans
        .iter()
        .map(|p| Tally {
            frequency: eligibility::history_counts(p, &scenario.history, scenario.date),
            ..Tally::default()
        })
        .collect();
    scenario
        .procedures
        .iter()
        .map(|proc| {
            let mut ex = if explain {
                Explain::on()
            } else {
                Explain::off()
            };
            estimate_procedure(scenario, proc, &mut tallies, &mut ex)
        })
        .collect()
}

fn estimate_procedure(
    scenario: &Scenario,
    proc: &Procedure,
    tallies: &mut [Tally],
    ex: &mut Explain,
) -> ProcedureEstimate {
    let fee = allowed_fee::explain_fee(proc, ex);
    let mut earlier = Earlier::default();
    let mut plans = Vec::with_capacity(scenario.plans.len());
    for (ordinal, (plan, tally)) in scenario.plans.iter().zip(tallies.iter_mut()).enumerate() {
        let mut w = Work::new(plan, ordinal, proc);
        w.percent = coverage::percent_for(plan, proc.code);
        allowed_fee::apply(&mut w, ex);
        copay::apply(&mut w, ex);
        deductible::apply(&mut w, tally, ex);
        coverage::apply(&mut w, ex);
        eligibility::apply(&mut w, tally, scenario.date, ex);
        limits::apply(&mut w, tally, ex);
        cob::apply(&mut w, &earlier, ex);
        write_off::apply(&mut w, &earlier, scenario, ex);
        tally.record(&w);
        earlier.estimates += w.estimate;
        if !w.write_off.is_zero() {
            earlier.write_offs += w.write_off;
            earlier.write_off_by.get_or_insert(ordinal);
        }
        plans.push(PlanEstimate {
            plan: ordinal,
            allowed: w.allowed,
            estimate: w.estimate,
            write_off: w.write_off,
            deductible: w.deductible,
            notes: w.notes,
        });
    }
    let patient = patient::portion(fee, &earlier, ex);
    ProcedureEstimate {
        code: proc.code,
        fee,
        plans,
        patient,
        explanation: ex.take(),
    }
}
