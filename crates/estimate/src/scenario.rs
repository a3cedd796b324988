//! The scenario runner's JSON format (shared/estimates/README.md): parsing with validation into the
//! engine types, and rendering the estimate.
//!
//! Input is parsed with serde_json into a `Value` and then walked field by field, so every problem is
//! reported with the path of the field that has it, e.g.
//! `plans[0].type: unknown plan type "hmo" (expected percentage or ppo)`.
use crate::codes::{Code, CodeSet};
use crate::model::{
    CobMethod, CoverageRule, FrequencyPeriod, FrequencyRule, HistoryItem, Plan, PlanType,
    Procedure, ProcedureEstimate, Scenario, Used, WaitingPeriod, YearStart,
};
use crate::money::{Cents, Percent};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

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

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn wrong(path: &str, expected: &str, v: &Value) -> ScenarioError {
    ScenarioError::field(path, format!("expected {expected}, found {}", type_name(v)))
}

/// An object being read, with the path it sits at.
struct Obj<'a> {
    path: String,
    map: &'a Map<String, Value>,
}

impl<'a> Obj<'a> {
    fn new(v: &'a Value, path: &str, known: &[&str]) -> Result<Obj<'a>> {
        let map = v.as_object().ok_or_else(|| {
            wrong(
                if path.is_empty() { "(top level)" } else { path },
                "an object",
                v,
            )
        })?;
        let obj = Obj {
            path: path.to_string(),
            map,
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                return Err(ScenarioError::field(
                    &obj.at(key),
                    format!("unknown field (expected one of: {})", known.join(", ")),
                ));
            }
        }
        Ok(obj)
    }

    fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The field, treating `null` as absent.
    fn opt(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn req(&self, key: &str) -> Result<&'a Value> {
        self.opt(key)
            .ok_or_else(|| ScenarioError::field(&self.at(key), "missing"))
    }

    fn opt_with<T>(
        &self,
        key: &str,
        f: impl FnOnce(&'a Value, &str) -> Result<T>,
    ) -> Result<Option<T>> {
        self.opt(key).map(|v| f(v, &self.at(key))).transpose()
    }

    fn req_with<T>(&self, key: &str, f: impl FnOnce(&'a Value, &str) -> Result<T>) -> Result<T> {
        f(self.req(key)?, &self.at(key))
    }
}

fn string<'a>(v: &'a Value, path: &str) -> Result<&'a str> {
    v.as_str().ok_or_else(|| wrong(path, "a string", v))
}

fn array<'a>(v: &'a Value, path: &str) -> Result<&'a Vec<Value>> {
    v.as_array().ok_or_else(|| wrong(path, "an array", v))
}

fn money(v: &Value, path: &str) -> Result<Cents> {
    match v {
        Value::String(s) => Cents::parse(s).map_err(|e| ScenarioError::field(path, e)),
        Value::Number(n) if n.as_f64().is_some_and(|x| x < 0.0) => {
            Err(ScenarioError::field(path, format!("negative amount {n}")))
        }
        _ => Err(wrong(path, "a money string such as \"120.00\"", v)),
    }
}

fn date(v: &Value, path: &str) -> Result<NaiveDate> {
    let s = string(v, path)?;
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| ScenarioError::field(path, format!("bad date \"{s}\" (expected YYYY-MM-DD)")))
}

fn year_start(v: &Value, path: &str) -> Result<YearStart> {
    let s = string(v, path)?;
    let md = if s.len() == 10 { &s[5..] } else { s };
    let parsed = md
        .split_once('-')
        .and_then(|(m, d)| Some((m.parse::<u32>().ok()?, d.parse::<u32>().ok()?)));
    match parsed {
        Some((month, day))
            if md.len() == 5 && NaiveDate::from_ymd_opt(2001, month, day).is_some() =>
        {
            Ok(YearStart { month, day })
        }
        _ => Err(ScenarioError::field(
            path,
            format!("bad benefit year start \"{s}\" (expected MM-DD, e.g. 07-01)"),
        )),
    }
}

fn code(v: &Value, path: &str) -> Result<Code> {
    Code::parse(string(v, path)?).map_err(|e| ScenarioError::field(path, e))
}

fn code_set(v: &Value, path: &str) -> Result<CodeSet> {
    CodeSet::parse(string(v, path)?).map_err(|e| ScenarioError::field(path, e))
}

/// `["D0000-D1999", "D9972"]` (a single string is accepted too).
fn code_set_list(v: &Value, path: &str) -> Result<CodeSet> {
    if v.is_string() {
        return code_set(v, path);
    }
    let mut all = CodeSet::default();
    for (i, item) in array(v, path)?.iter().enumerate() {
        all.0.extend(code_set(item, &format!("{path}[{i}]"))?.0);
    }
    Ok(all)
}

/// `{"D2740": "900.00"}`.
fn code_money_map(v: &Value, path: &str) -> Result<BTreeMap<Code, Cents>> {
    let map = v
        .as_object()
        .ok_or_else(|| wrong(path, "an object of code → amount", v))?;
    let mut out = BTreeMap::new();
    for (k, amount) in map {
        let p = format!("{path}.{k}");
        let c = Code::parse(k).map_err(|e| ScenarioError::field(&p, e))?;
        out.insert(c, money(amount, &p)?);
    }
    Ok(out)
}

fn uint(v: &Value, path: &str, min: u64, max: u64) -> Result<u32> {
    let n = v.as_u64().ok_or_else(|| match v {
        Value::Number(n) => ScenarioError::field(
            path,
            format!("expected a whole number from {min} to {max}, found {n}"),
        ),
        _ => wrong(path, "a whole number", v),
    })?;
    if n < min || n > max {
        return Err(ScenarioError::field(
            path,
            format!("{n} is out of range (expected {min} to {max})"),
        ));
    }
    Ok(n as u32)
}

/// A whole percentage, or one with up to two decimals (87.5), from 0 to 100.
fn percent(v: &Value, path: &str) -> Result<Percent> {
    let Value::Number(n) = v else {
        return Err(wrong(path, "a number from 0 to 100", v));
    };
    let x = n.as_f64().unwrap_or(f64::NAN);
    if x < 0.0 {
        return Err(ScenarioError::field(path, format!("negative percent {n}")));
    }
    if x > 100.0 {
        return Err(ScenarioError::field(
            path,
            format!("percent {n} is over 100"),
        ));
    }
    let bp = (x * 100.0).round();
    if (x * 100.0 - bp).abs() > 1e-6 {
        return Err(ScenarioError::field(
            path,
            format!("percent {n} has more than two decimal places"),
        ));
    }
    Ok(Percent::from_basis_points(bp as u16).expect("checked 0..=100"))
}

const TOP_FIELDS: &[&str] = &[
    "date",
    "benefit_year_start",
    "plans",
    "history",
    "procedures",
    "description",
];
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
    let plans = match top.opt("plans") {
        None => Vec::new(),
        Some(v) => array(v, "plans")?
            .iter()
            .enumerate()
            .map(|(i, p)| parse_plan(p, &format!("plans[{i}]"), i, year_start))
            .collect::<Result<_>>()?,
    };
    let history = match top.opt("history") {
        None => Vec::new(),
        Some(v) => array(v, "history")?
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let o = Obj::new(h, &format!("history[{i}]"), &["code", "date"])?;
                Ok(HistoryItem {
                    code: o.req_with("code", code)?,
                    date: o.req_with("date", date)?,
                })
            })
            .collect::<Result<_>>()?,
    };
    let procedures = array(top.req("procedures")?, "procedures")?
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let o = Obj::new(p, &format!("procedures[{i}]"), &["code", "fee", "units"])?;
            Ok(Procedure {
                code: o.req_with("code", code)?,
                fee: o.req_with("fee", money)?,
                units: o
                    .opt_with("units", |v, p| uint(v, p, 1, u64::from(MAX_UNITS)))?
                    .unwrap_or(1),
            })
        })
        .collect::<Result<_>>()?;
    Ok(Scenario {
        date: service_date,
        plans,
        history,
        procedures,
    })
}

fn list<'a, T>(o: &Obj<'a>, key: &str, f: impl Fn(&'a Value, &str) -> Result<T>) -> Result<Vec<T>> {
    match o.opt(key) {
        None => Ok(Vec::new()),
        Some(v) => {
            let path = o.at(key);
            array(v, &path)?
                .iter()
                .enumerate()
                .map(|(i, item)| f(item, &format!("{path}[{i}]")))
                .collect()
        }
    }
}

/// Parses one plan object (the elements of the scenario's `plans`); `ordinal` 0 is the primary.
/// Problems are reported with paths under `path` (empty: relative to the plan object).
pub fn parse_plan_value(v: &Value, path: &str, ordinal: usize) -> Result<Plan> {
    parse_plan(v, path, ordinal, YearStart::default())
}

fn parse_plan(
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
    plan.frequency = list(&o, "frequency", |v, p| {
        let f = Obj::new(v, p, &["codes", "times", "per"])?;
        let per = f
            .opt_with("per", |v, p| {
                let s = string(v, p)?;
                let months = s.strip_suffix("_months").or_else(|| s.strip_suffix(" months"));
                match (s, months.and_then(|m| m.parse::<u32>().ok())) {
                    ("benefit_year", _) => Ok(FrequencyPeriod::BenefitYear),
                    ("calendar_year", _) => Ok(FrequencyPeriod::CalendarYear),
                    ("lifetime", _) => Ok(FrequencyPeriod::Lifetime),
                    (_, Some(m)) if (1..=1200).contains(&m) => Ok(FrequencyPeriod::Months(m)),
                    _ => Err(ScenarioError::field(
                        p,
                        format!("unknown period \"{s}\" (expected benefit_year, calendar_year, lifetime or N_months)"),
                    )),
                }
            })?
            .unwrap_or(FrequencyPeriod::BenefitYear);
        Ok(FrequencyRule {
            codes: f.req_with("codes", code_set)?,
            times: f.req_with("times", |v, p| uint(v, p, 0, 1000))?,
            per,
        })
    })?;
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
        .opt_with("write_off_when_max_reached", |v, p| {
            v.as_bool().ok_or_else(|| wrong(p, "true or false", v))
        })?
        .unwrap_or(true);
    plan.benefit_year_start = o
        .opt_with("benefit_year_start", year_start)?
        .unwrap_or(default_year_start);
    Ok(plan)
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
