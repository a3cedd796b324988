//! Runs the rule steps for each procedure (treatment-plan order) and each plan (ordinal order).
//!
//! Per plan: allowed fee → alternate benefit → copay → deductible → coverage % (or, for a procedure
//! failing an exclusion, the coverage start, a waiting period, an age limit or a frequency limit:
//! nothing paid and no deductible taken) → codes exempt from the maximum, or the limits (annual and
//! family max) → coordination of benefits → write-off; then the patient portion. Eligibility is
//! decided before the amounts (it depends on none of them), so its figures are those of domain.md's
//! order and the explanation shows no deductible or percentage a procedure does not get.
//! Coordination runs after the plan's own limits because the README defines a secondary's "normal"
//! payment as what it would pay alone *after* its deductible, percentage and limits; for the primary
//! it changes nothing, so the primary follows domain.md's order exactly.
use crate::codes::Code;
use crate::model::{Plan, Procedure};
use crate::model::{PlanEstimate, ProcedureEstimate, Scenario};
use crate::money::{Cents, Percent};
use crate::{
    allowed_fee, alternate_benefit, cob, copay, coverage, deductible, eligibility, frequency,
    limits, max_exempt, patient, write_off,
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
    /// The allowed amount of the procedure's own code (fee × units on a percentage plan); the
    /// write-off is fee − allowed.
    pub allowed: Cents,
    /// What the plan pays on before copay and deductible: the allowed amount, or less when an
    /// alternate benefit applies.
    pub basis: Cents,
    /// The code the plan pays the procedure as (alternate benefit).
    pub paid_as: Option<Code>,
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
    /// The code is exempt from the maximums (not limited by them, not counted toward them).
    pub max_exempt: bool,
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
            basis: fee,
            paid_as: None,
            copay: Cents::ZERO,
            deductible: Cents::ZERO,
            percent: None,
            estimate: Cents::ZERO,
            write_off: Cents::ZERO,
            eligible: true,
            max_left_nothing: false,
            max_exempt: false,
            notes: Vec::new(),
        }
    }

    pub fn code(&self) -> Code {
        self.procedure.code
    }

    /// What the plan can pay on before the deductible: basis (the allowed amount, or the alternate
    /// benefit's) − copay.
    pub fn base(&self) -> Cents {
        self.basis.saturating_sub(self.copay)
    }

    /// The allowed amount of the procedure's own code per unit (the fee when none is on file).
    pub fn allowed_per_unit(&self) -> Cents {
        allowed_fee::allowed_per_unit(self).unwrap_or(self.procedure.fee)
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
    pub frequency: Vec<frequency::RuleCount>,
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
        if !w.max_exempt {
            self.benefits += w.estimate;
        }
        if w.eligible {
            frequency::record(w.plan, &mut self.frequency, w.procedure);
        }
    }
}

/// Estimates every procedure of the scenario. Explanations are collected only when `explain` is set.
pub fn estimate(scenario: &Scenario, explain: bool) -> Vec<ProcedureEstimate> {
    let mut tallies: Vec<Tally> = scenario
        .plans
        .iter()
        .map(|p| Tally {
            frequency: frequency::history_counts(p, &scenario.history, scenario.date),
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
        // Eligibility depends on no amount: decided first, so a procedure the plan does not pay
        // on shows no alternate benefit, copay, deductible or percentage it does not get.
        match eligibility::reason(&w, tally, scenario) {
            None => {
                alternate_benefit::apply(&mut w, &scenario.fees, ex);
                copay::apply(&mut w, ex);
                deductible::apply(&mut w, tally, ex);
                coverage::apply(&mut w, ex);
            }
            Some(why) => eligibility::apply(&mut w, why, ex),
        }
        if !max_exempt::apply(&mut w, ex) {
            limits::apply(&mut w, tally, ex);
        }
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
