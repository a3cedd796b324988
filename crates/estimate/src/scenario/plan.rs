//! One plan object of a scenario: its fields and rows (coverage, frequency, waiting periods,
//! alternate benefits, age limits…).
use crate::model::{
    AgeLimit, CobMethod, CoverageRule, Downgrade, FrequencyPeriod, FrequencyRule, Plan, PlanType,
    Used, WaitingPeriod, YearStart,
};
use serde_json::Value;

use super::read::*;
use super::{Result, ScenarioError};

const PLAN_FIELDS: &[&str] = &[
    "name",
    "type",
    "cob",
    "annual_max",
    "family_max",
    "family_deductible",
    "deductible",
    "deductible_waived",
    "code_deductibles",
    "coverage",
    "allowed",
    "copay",
    "frequency",
    "waiting_periods",
    "effective",
    "exclusions",
    "used",
    "write_off_when_max_reached",
    "benefit_year_start",
    "downgrades",
    "age_limits",
    "max_exempt",
];

/// The oldest age an age limit may name.
pub const MAX_AGE: u64 = 150;

/// Parses one plan object (the elements of the scenario's `plans`); `ordinal` 0 is the primary.
/// Problems are reported with paths under `path` (empty: relative to the plan object).
pub fn parse_plan_value(v: &Value, path: &str, ordinal: usize) -> Result<Plan> {
    parse_plan(v, path, ordinal, YearStart::default())
}

pub(super) fn parse_plan(
    v: &Value,
    path: &str,
    ordinal: usize,
    default_year_start: YearStart,
) -> Result<Plan> {
    let o = Obj::new(v, path, PLAN_FIELDS)?;
    let name = o.req_with("name", string)?;
    if name.trim().is_empty() {
        return Err(ScenarioError::field(&o.at("name"), "empty plan name"));
    }
    let plan_type = o.req_with("type", |v, p| match string(v, p)? {
        "percentage" => Ok(PlanType::Percentage),
        "ppo" => Ok(PlanType::Ppo),
        other => Err(ScenarioError::field(
            p,
            format!("unknown plan type \"{other}\" (expected percentage or ppo)"),
        )),
    })?;
    let mut plan = Plan::new(name, plan_type);
    plan.cob = o.opt_with("cob", |v, p| {
        if ordinal == 0 {
            return Err(ScenarioError::field(p, "only secondary plans coordinate benefits; the primary has no cob"));
        }
        match string(v, p)? {
            "basic" => Ok(CobMethod::Basic),
            "standard" => Ok(CobMethod::Standard),
            "carve_out" => Ok(CobMethod::CarveOut),
            other => Err(ScenarioError::field(
                p,
                format!("unknown coordination of benefits \"{other}\" (expected basic, standard or carve_out)"),
            )),
        }
    })?;
    plan.annual_max = o.opt_with("annual_max", money)?;
    plan.family_max = o.opt_with("family_max", money)?;
    plan.family_deductible = o.opt_with("family_deductible", money)?;
    plan.deductible = o.opt_with("deductible", money)?;
    plan.deductible_waived = o
        .opt_with("deductible_waived", code_set_list)?
        .unwrap_or_default();
    plan.code_deductibles = o
        .opt_with("code_deductibles", code_money_map)?
        .unwrap_or_default();
    plan.coverage = list(&o, "coverage", |v, p| {
        let c = Obj::new(v, p, &["codes", "percent"])?;
        Ok(CoverageRule {
            codes: c.req_with("codes", code_set)?,
            percent: c.req_with("percent", percent)?,
        })
    })?;
    if let Some(allowed) = o.opt_with("allowed", code_money_map)? {
        if plan_type != PlanType::Ppo && !allowed.is_empty() {
            return Err(ScenarioError::field(
                &o.at("allowed"),
                "only ppo plans have an allowed-fee schedule",
            ));
        }
        plan.allowed = allowed;
    }
    plan.copay = o.opt_with("copay", code_money_map)?.unwrap_or_default();
    plan.frequency = list(&o, "frequency", frequency_rule)?;
    plan.waiting_periods = list(&o, "waiting_periods", |v, p| {
        let w = Obj::new(v, p, &["codes", "months"])?;
        Ok(WaitingPeriod {
            codes: w.req_with("codes", code_set)?,
            months: w.req_with("months", |v, p| uint(v, p, 0, 1200))?,
        })
    })?;
    plan.effective = o.opt_with("effective", date)?;
    if !plan.waiting_periods.is_empty() && plan.effective.is_none() {
        return Err(ScenarioError::field(
            &o.at("waiting_periods"),
            format!(
                "needs {} (the coverage start waiting periods count from)",
                o.at("effective")
            ),
        ));
    }
    plan.exclusions = o.opt_with("exclusions", code_set_list)?.unwrap_or_default();
    plan.used = o
        .opt_with("used", |v, p| {
            let u = Obj::new(
                v,
                p,
                &["annual", "family", "deductible", "family_deductible"],
            )?;
            Ok(Used {
                annual: u.opt_with("annual", money)?.unwrap_or_default(),
                family: u.opt_with("family", money)?.unwrap_or_default(),
                deductible: u.opt_with("deductible", money)?.unwrap_or_default(),
                family_deductible: u.opt_with("family_deductible", money)?.unwrap_or_default(),
            })
        })?
        .unwrap_or_default();
    plan.write_off_when_max_reached = o
        .opt_with("write_off_when_max_reached", boolean)?
        .unwrap_or(true);
    plan.downgrades = list(&o, "downgrades", |v, p| downgrade(v, p, &plan))?;
    plan.age_limits = list(&o, "age_limits", age_limit)?;
    plan.max_exempt = o.opt_with("max_exempt", code_set_list)?.unwrap_or_default();
    plan.benefit_year_start = o
        .opt_with("benefit_year_start", year_start)?
        .unwrap_or(default_year_start);
    Ok(plan)
}

/// `{"codes": "D2740", "times": 1, "per": "months", "months": 60, "per_tooth": true}`; `per` may
/// also be `benefit_year` (the default), `calendar_year`, `lifetime` or `N_months`.
fn frequency_rule(v: &Value, p: &str) -> Result<FrequencyRule> {
    let f = Obj::new(v, p, &["codes", "times", "per", "months", "per_tooth"])?;
    let months = f.opt_with("months", |v, p| uint(v, p, 1, 1200))?;
    let per = f
        .opt_with("per", |v, p| {
            let s = string(v, p)?;
            let n_months = s
                .strip_suffix("_months")
                .or_else(|| s.strip_suffix(" months"));
            match (s, n_months.and_then(|m| m.parse::<u32>().ok())) {
                ("benefit_year", _) => Ok(FrequencyPeriod::BenefitYear),
                ("calendar_year", _) => Ok(FrequencyPeriod::CalendarYear),
                ("lifetime", _) => Ok(FrequencyPeriod::Lifetime),
                ("months", _) => months
                    .map(FrequencyPeriod::Months)
                    .ok_or_else(|| ScenarioError::field(&f.at("months"), "missing (per months needs how many)")),
                (_, Some(m)) if (1..=1200).contains(&m) => Ok(FrequencyPeriod::Months(m)),
                _ => Err(ScenarioError::field(
                    p,
                    format!("unknown period \"{s}\" (expected benefit_year, calendar_year, lifetime, months or N_months)"),
                )),
            }
        })?
        .unwrap_or(FrequencyPeriod::BenefitYear);
    if months.is_some() && f.opt("per").and_then(Value::as_str) != Some("months") {
        return Err(ScenarioError::field(
            &f.at("months"),
            "only with \"per\": \"months\"",
        ));
    }
    Ok(FrequencyRule {
        codes: f.req_with("codes", code_set)?,
        times: f.req_with("times", |v, p| uint(v, p, 0, 1000))?,
        per,
        per_tooth: f.opt_with("per_tooth", boolean)?.unwrap_or(false),
    })
}

/// `{"from": "D2391-D2394", "to": "D2150", "posterior_only": true}`; a PPO needs an allowed fee
/// for `to` (a percentage plan's office fee is checked with the scenario's `fees`).
fn downgrade(v: &Value, p: &str, plan: &Plan) -> Result<Downgrade> {
    let d = Obj::new(v, p, &["from", "to", "posterior_only"])?;
    let from = d.req_with("from", code_set_list)?;
    if from.is_empty() {
        return Err(ScenarioError::field(&d.at("from"), "empty code list"));
    }
    let to = d.req_with("to", code)?;
    if plan.plan_type == PlanType::Ppo && !plan.allowed.contains_key(&to) {
        return Err(ScenarioError::field(
            &d.at("to"),
            format!("no allowed fee for {to} (add it to the plan's allowed fees)"),
        ));
    }
    Ok(Downgrade {
        from,
        to,
        posterior_only: d.opt_with("posterior_only", boolean)?.unwrap_or(false),
    })
}

/// `{"codes": "D1206,D1208", "min_age": 0, "max_age": 18}`.
fn age_limit(v: &Value, p: &str) -> Result<AgeLimit> {
    let a = Obj::new(v, p, &["codes", "min_age", "max_age"])?;
    let codes = a.req_with("codes", code_set)?;
    let min_age = a
        .opt_with("min_age", |v, p| uint(v, p, 0, MAX_AGE))?
        .unwrap_or(0);
    let max_age = a.req_with("max_age", |v, p| uint(v, p, 0, MAX_AGE))?;
    if min_age > max_age {
        return Err(ScenarioError::field(
            &a.at("min_age"),
            format!("{min_age} is above max_age {max_age}"),
        ));
    }
    Ok(AgeLimit {
        codes,
        min_age,
        max_age,
    })
}
