//! The scenario runner's JSON format (shared/estimates/README.md): parsing with validation into the
//! engine types, and rendering the estimate.
//!
//! Input is parsed with serde_json into a `Value` and then walked field by field, so every problem is
//! reported with the path of the field that has it, e.g.
//! `plans[0].type: unknown plan type "hmo" (expected percentage or ppo)`.
use crate::model::{HistoryItem, Plan, PlanType, Procedure, ProcedureEstimate, Scenario};
use serde::Serialize;
use serde_json::Value;

mod plan;
mod read;

pub use plan::parse_plan_value;
use read::*;

/// Why a scenario could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    /// Not JSON at all.
    #[error("invalid JSON: {0}")]
    Json(String),
    /// A field is missing, has the wrong type or an invalid value.
    #[error("{path}: {problem}")]
    Field { path: String, problem: String },
}

impl ScenarioError {
    fn field(path: &str, problem: impl Into<String>) -> ScenarioError {
        ScenarioError::Field {
            path: path.to_string(),
            problem: problem.into(),
        }
    }

    /// The path of the field at fault (`None` for JSON syntax errors).
    pub fn path(&self) -> Option<&str> {
        match self {
            ScenarioError::Json(_) => None,
            ScenarioError::Field { path, .. } => Some(path),
        }
    }
}

type Result<T> = std::result::Result<T, ScenarioError>;

/// The most units one procedure line may have.
pub const MAX_UNITS: u32 = 1000;

const TOP_FIELDS: &[&str] = &[
    "date",
    "benefit_year_start",
    "plans",
    "history",
    "procedures",
    "description",
    "patient",
    "fees",
];

/// Parses and validates a scenario.
pub fn parse_scenario(input: &str) -> Result<Scenario> {
    let root: Value =
        serde_json::from_str(input).map_err(|e| ScenarioError::Json(e.to_string()))?;
    let top = Obj::new(&root, "", TOP_FIELDS)?;
    let service_date = top.req_with("date", date)?;
    if let Some(d) = top.opt("description") {
        string(d, "description")?;
    }
    let year_start = top
        .opt_with("benefit_year_start", year_start)?
        .unwrap_or_default();
    let birth_date = top
        .opt_with("patient", |v, p| {
            let o = Obj::new(v, p, &["birth_date"])?;
            o.opt_with("birth_date", date)
        })?
        .flatten();
    if birth_date.is_some_and(|b| b > service_date) {
        return Err(ScenarioError::field(
            "patient.birth_date",
            "is after the date of service",
        ));
    }
    let fees = top.opt_with("fees", code_money_map)?.unwrap_or_default();
    let plans: Vec<Plan> = match top.opt("plans") {
        None => Vec::new(),
        Some(v) => array(v, "plans")?
            .iter()
            .enumerate()
            .map(|(i, p)| plan::parse_plan(p, &format!("plans[{i}]"), i, year_start))
            .collect::<Result<_>>()?,
    };
    let history = list(&top, "history", |h, p| {
        let o = Obj::new(h, p, &["code", "date", "tooth"])?;
        Ok(HistoryItem {
            code: o.req_with("code", code)?,
            date: o.req_with("date", date)?,
            tooth: o.opt_with("tooth", tooth)?,
        })
    })?;
    let procedures = array(top.req("procedures")?, "procedures")?
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let o = Obj::new(
                p,
                &format!("procedures[{i}]"),
                &["code", "fee", "units", "tooth"],
            )?;
            Ok(Procedure {
                code: o.req_with("code", code)?,
                fee: o.req_with("fee", money)?,
                units: o
                    .opt_with("units", |v, p| uint(v, p, 1, u64::from(MAX_UNITS)))?
                    .unwrap_or(1),
                tooth: o.opt_with("tooth", tooth)?,
            })
        })
        .collect::<Result<_>>()?;
    let scenario = Scenario {
        date: service_date,
        plans,
        history,
        procedures,
        birth_date,
        fees,
    };
    check_alternate_fees(&scenario)?;
    check_birth_date(&scenario)?;
    Ok(scenario)
}

/// A percentage plan pays an alternate benefit on the office fee of its `to` code (a PPO's is
/// checked with the plan: its allowed fee).
fn check_alternate_fees(s: &Scenario) -> Result<()> {
    for (i, plan) in s.plans.iter().enumerate() {
        if plan.plan_type != PlanType::Percentage {
            continue;
        }
        for (j, d) in plan.downgrades.iter().enumerate() {
            if !s.fees.contains_key(&d.to) {
                return Err(ScenarioError::field(
                    &format!("plans[{i}].downgrades[{j}].to"),
                    format!("no office fee for {} (add it to fees)", d.to),
                ));
            }
        }
    }
    Ok(())
}

/// An age-limited procedure needs the patient's birth date.
fn check_birth_date(s: &Scenario) -> Result<()> {
    if s.birth_date.is_some() {
        return Ok(());
    }
    for (k, proc) in s.procedures.iter().enumerate() {
        for (i, plan) in s.plans.iter().enumerate() {
            if let Some(j) = plan
                .age_limits
                .iter()
                .position(|a| a.codes.contains(proc.code))
            {
                return Err(ScenarioError::field(
                    "patient.birth_date",
                    format!(
                        "missing: procedures[{k}] ({}) is age-limited by plans[{i}].age_limits[{j}]",
                        proc.code
                    ),
                ));
            }
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Output<'a> {
    procedures: Vec<OutProcedure<'a>>,
}

#[derive(Serialize)]
struct OutProcedure<'a> {
    code: String,
    fee: String,
    plans: Vec<OutPlan<'a>>,
    patient: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<&'a [String]>,
}

#[derive(Serialize)]
struct OutPlan<'a> {
    plan: &'a str,
    estimate: String,
    write_off: String,
    deductible: String,
    notes: &'a [String],
}

/// Renders estimates in the README's output format (pretty JSON); explanations only when `explain`.
pub fn render(scenario: &Scenario, estimates: &[ProcedureEstimate], explain: bool) -> String {
    let out = Output {
        procedures: estimates
            .iter()
            .map(|e| OutProcedure {
                code: e.code.to_string(),
                fee: e.fee.to_plain(),
                plans: e
                    .plans
                    .iter()
                    .map(|p| OutPlan {
                        plan: &scenario.plans[p.plan].name,
                        estimate: p.estimate.to_plain(),
                        write_off: p.write_off.to_plain(),
                        deductible: p.deductible.to_plain(),
                        notes: &p.notes,
                    })
                    .collect(),
                patient: e.patient.to_plain(),
                explanation: explain.then_some(e.explanation.as_slice()),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&out).expect("estimates serialize")
}
