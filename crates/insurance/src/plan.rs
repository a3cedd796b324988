//! Insurance plans and their benefits.
//!
//! The benefits are kept in the shape the coordinator types them (amounts as text, one row per
//! coverage range, frequency limit, copay or allowed fee) and are checked by turning them into the
//! estimate engine's plan format (shared/estimates/README.md) and reading that back with the
//! engine's own parser, so a plan that saves is a plan the engine can estimate. Problems are
//! reported per field and row, e.g. `coverage[1].percent: percent 120 is over 100` or
//! `benefits.downgrades[1].to: no allowed fee for D2150 …`.
use std::collections::BTreeSet;

use frontdesk_domain::{FieldError, ValidationErrors};
use frontdesk_estimate::{scenario::parse_plan_value, Used};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::carrier::CarrierId;
use crate::text::Problems;

pub type PlanId = i64;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum PlanType {
    /// Indemnity: a percentage of the office fee.
    #[default]
    Percentage,
    /// A percentage of an allowed-fee schedule; the office writes off the difference.
    Ppo,
}

impl PlanType {
    pub fn as_str(self) -> &'static str {
        match self {
            PlanType::Percentage => "percentage",
            PlanType::Ppo => "ppo",
        }
    }
    pub fn parse(s: &str) -> Option<PlanType> {
        match s {
            "percentage" => Some(PlanType::Percentage),
            "ppo" => Some(PlanType::Ppo),
            _ => None,
        }
    }
}

/// How a plan pays when it is the secondary one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum CobRule {
    /// Up to what it would pay alone, not more than what is left of the fee.
    #[default]
    Standard,
    /// Its normal payment minus what the primary paid.
    CarveOut,
    /// Up to its allowed amount minus what the primary paid.
    Basic,
}

impl CobRule {
    fn engine_name(self) -> &'static str {
        match self {
            CobRule::Standard => "standard",
            CobRule::CarveOut => "carve_out",
            CobRule::Basic => "basic",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct CoverageLine {
    /// A code range or list, e.g. `D0000-D1999` or `D1110,D1120`.
    pub codes: String,
    /// 0 to 100.
    pub percent: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct FrequencyLine {
    pub codes: String,
    pub times: i64,
    /// `benefit_year`, `calendar_year`, `lifetime` or `months` (with `months`); `N_months` is
    /// read as `months` with N.
    pub per: String,
    /// With `per` = `months`: the rolling window, e.g. 60.
    pub months: i64,
    /// Only procedures on the same tooth count.
    pub per_tooth: bool,
}

/// An alternate benefit: the plan pays the `from` codes as the `to` code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct DowngradeLine {
    /// A code, list or range, e.g. `D2391-D2394`.
    pub from: String,
    /// e.g. `D2150`: a PPO needs its allowed fee, a percentage plan its office fee.
    pub to: String,
    /// Only on posterior teeth.
    pub posterior_only: bool,
}

/// Codes covered only from `min_age` to `max_age` (whole years on the date of service, both
/// included).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct AgeLimitLine {
    pub codes: String,
    pub min_age: i64,
    pub max_age: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct WaitingLine {
    pub codes: String,
    pub months: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct CodeAmount {
    pub code: String,
    /// e.g. `900.00`.
    pub amount: String,
}

/// A plan's benefits as typed in. Empty text means "none".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct PlanBenefits {
    pub annual_max: String,
    pub family_max: String,
    pub deductible: String,
    /// Once the family has met this much deductible, nobody in it pays more.
    pub family_deductible: String,
    /// `MM-DD`; empty is January 1.
    pub benefit_year_start: String,
    /// Code ranges with no deductible, comma separated (`D0000-D1999`).
    pub deductible_waived: String,
    /// Codes never covered, comma separated.
    pub exclusions: String,
    pub coverage: Vec<CoverageLine>,
    pub frequency: Vec<FrequencyLine>,
    pub waiting_periods: Vec<WaitingLine>,
    /// Fixed patient amount per code.
    pub copays: Vec<CodeAmount>,
    /// At most this much deductible on a code.
    pub code_deductibles: Vec<CodeAmount>,
    /// PPO: the allowed fee per code.
    pub allowed: Vec<CodeAmount>,
    /// Alternate benefits (downgrades).
    pub downgrades: Vec<DowngradeLine>,
    pub age_limits: Vec<AgeLimitLine>,
    /// Code ranges neither limited by nor counted toward the maximums, comma separated.
    pub max_exempt: String,
    /// When this plan is secondary.
    pub cob: CobRule,
    /// PPO: write off fee − allowed even when the max leaves nothing to pay.
    pub write_off_when_max_reached: bool,
}

impl Default for PlanBenefits {
    fn default() -> Self {
        PlanBenefits {
            annual_max: String::new(),
            family_max: String::new(),
            deductible: String::new(),
            family_deductible: String::new(),
            benefit_year_start: String::new(),
            deductible_waived: String::new(),
            exclusions: String::new(),
            coverage: Vec::new(),
            frequency: Vec::new(),
            waiting_periods: Vec::new(),
            copays: Vec::new(),
            code_deductibles: Vec::new(),
            allowed: Vec::new(),
            downgrades: Vec::new(),
            age_limits: Vec::new(),
            max_exempt: String::new(),
            cob: CobRule::Standard,
            write_off_when_max_reached: true,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct PlanDraft {
    pub carrier_id: CarrierId,
    /// The name the office knows the plan by, e.g. "Acme Corp PPO".
    pub group_name: String,
    pub group_number: String,
    pub employer: String,
    pub plan_type: PlanType,
    pub benefits: PlanBenefits,
}

#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct Plan {
    pub id: PlanId,
    pub carrier_name: String,
    pub details: PlanDraft,
}

impl Plan {
    /// "Carrier – group name", how the plan is named in estimates and lists.
    pub fn label(&self) -> String {
        format!("{} - {}", self.carrier_name, self.details.group_name)
    }
}

/// Trims and checks a plan draft, including its benefits (through the engine's parser).
pub fn validate_plan(draft: &PlanDraft) -> Result<PlanDraft, ValidationErrors> {
    let mut d = draft.clone();
    let mut p = Problems::default();
    p.text("group_name", &mut d.group_name, true, 120);
    p.text("group_number", &mut d.group_number, false, 40);
    p.text("employer", &mut d.employer, false, 120);
    if d.carrier_id <= 0 {
        p.add("carrier_id", "choose the carrier");
    }
    trim_benefits(&mut d.benefits);
    if d.plan_type == PlanType::Percentage && !d.benefits.allowed.is_empty() {
        p.add(
            "benefits.allowed",
            "only PPO plans have an allowed-fee schedule",
        );
    }
    duplicate_codes(&mut p, "copays", &d.benefits.copays);
    duplicate_codes(&mut p, "code_deductibles", &d.benefits.code_deductibles);
    duplicate_codes(&mut p, "allowed", &d.benefits.allowed);
    if p.0.is_empty() {
        if let Err(e) = engine_plan(&d, "check", 1, None, Used::default()) {
            p.0.extend(e.0);
        }
    }
    p.finish().map(|()| d)
}

fn trim_benefits(b: &mut PlanBenefits) {
    for s in [
        &mut b.annual_max,
        &mut b.family_max,
        &mut b.deductible,
        &mut b.family_deductible,
        &mut b.benefit_year_start,
        &mut b.deductible_waived,
        &mut b.exclusions,
        &mut b.max_exempt,
    ] {
        *s = s.trim().to_string();
    }
    b.coverage
        .retain(|c| !c.codes.trim().is_empty() || c.percent != 0.0);
    for c in &mut b.coverage {
        c.codes = c.codes.trim().to_string();
    }
    for list in [&mut b.copays, &mut b.code_deductibles, &mut b.allowed] {
        list.retain(|c| !(c.code.trim().is_empty() && c.amount.trim().is_empty()));
        for c in list.iter_mut() {
            c.code = c.code.trim().to_uppercase();
            c.amount = c.amount.trim().to_string();
        }
    }
    for f in &mut b.frequency {
        f.codes = f.codes.trim().to_string();
        f.per = f.per.trim().to_string();
        // The older `60_months` spelling is the `months` period with 60.
        if let Some(n) = f.per.strip_suffix("_months").and_then(|n| n.parse().ok()) {
            f.per = "months".into();
            f.months = n;
        }
        if f.per != "months" {
            f.months = 0;
        }
    }
    for w in &mut b.waiting_periods {
        w.codes = w.codes.trim().to_string();
    }
    b.downgrades
        .retain(|d| !(d.from.trim().is_empty() && d.to.trim().is_empty()));
    for d in &mut b.downgrades {
        d.from = d.from.trim().to_uppercase();
        d.to = d.to.trim().to_uppercase();
    }
    b.age_limits
        .retain(|a| !(a.codes.trim().is_empty() && a.min_age == 0 && a.max_age == 0));
    for a in &mut b.age_limits {
        a.codes = a.codes.trim().to_uppercase();
    }
}

/// A percentage plan pays an alternate benefit on the office fee of its `to` code, so each must be
/// in the office fee schedule (`has_office_fee`); a PPO's are checked against its allowed fees by
/// [`validate_plan`].
pub fn check_alternate_fees(
    d: &PlanDraft,
    has_office_fee: impl Fn(&str) -> bool,
) -> Result<(), ValidationErrors> {
    let mut p = Problems::default();
    if d.plan_type == PlanType::Percentage {
        for (i, row) in d.benefits.downgrades.iter().enumerate() {
            if !has_office_fee(&row.to) {
                p.add(
                    format!("benefits.downgrades[{i}].to"),
                    format!(
                        "no office fee for {} (add it to the office fee schedule)",
                        row.to
                    ),
                );
            }
        }
    }
    p.finish()
}

impl PlanBenefits {
    /// The codes exempt from the maximums (none when the stored text is not a code list).
    pub fn max_exempt_codes(&self) -> frontdesk_estimate::CodeSet {
        if self.max_exempt.trim().is_empty() {
            return frontdesk_estimate::CodeSet::default();
        }
        frontdesk_estimate::CodeSet::parse(&self.max_exempt).unwrap_or_default()
    }
}

fn duplicate_codes(p: &mut Problems, list: &str, rows: &[CodeAmount]) {
    let mut seen = BTreeSet::new();
    for (i, r) in rows.iter().enumerate() {
        if !seen.insert(r.code.as_str()) {
            p.add(format!("benefits.{list}[{i}].code"), "is listed twice");
        }
    }
}

/// The plan in the estimate engine's scenario format, read back by the engine's parser.
/// `ordinal` 0 is the primary (no coordination of benefits); `effective` is the coverage start
/// (waiting periods count from it). Errors name fields as the plan editor knows them.
pub fn engine_plan(
    d: &PlanDraft,
    name: &str,
    ordinal: usize,
    effective: Option<chrono::NaiveDate>,
    used: Used,
) -> Result<frontdesk_estimate::Plan, ValidationErrors> {
    let v = engine_json(d, name, ordinal, effective, used);
    parse_plan_value(&v, "", ordinal).map_err(|e| {
        let (path, problem) = match &e {
            frontdesk_estimate::ScenarioError::Field { path, problem } => {
                (path.clone(), problem.clone())
            }
            frontdesk_estimate::ScenarioError::Json(m) => (String::new(), m.clone()),
        };
        ValidationErrors(vec![FieldError::new(editor_field(d, &path), problem)])
    })
}

fn engine_json(
    d: &PlanDraft,
    name: &str,
    ordinal: usize,
    effective: Option<chrono::NaiveDate>,
    used: Used,
) -> Value {
    let b = &d.benefits;
    let mut o = Map::new();
    o.insert("name".into(), json!(name));
    o.insert("type".into(), json!(d.plan_type.as_str()));
    if ordinal > 0 {
        o.insert("cob".into(), json!(b.cob.engine_name()));
    }
    for (key, value) in [
        ("annual_max", &b.annual_max),
        ("family_max", &b.family_max),
        ("deductible", &b.deductible),
        ("family_deductible", &b.family_deductible),
        ("benefit_year_start", &b.benefit_year_start),
    ] {
        if !value.is_empty() {
            o.insert(key.into(), json!(value));
        }
    }
    for (key, value) in [
        ("deductible_waived", &b.deductible_waived),
        ("exclusions", &b.exclusions),
        ("max_exempt", &b.max_exempt),
    ] {
        if !value.is_empty() {
            o.insert(key.into(), json!([value]));
        }
    }
    o.insert(
        "coverage".into(),
        b.coverage
            .iter()
            .map(|c| json!({"codes": c.codes, "percent": c.percent}))
            .collect(),
    );
    o.insert(
        "frequency".into(),
        b.frequency
            .iter()
            .map(|f| {
                let mut row = json!({"codes": f.codes, "times": f.times, "per": f.per});
                if f.per == "months" {
                    row["months"] = json!(f.months);
                }
                if f.per_tooth {
                    row["per_tooth"] = json!(true);
                }
                row
            })
            .collect(),
    );
    o.insert(
        "downgrades".into(),
        b.downgrades
            .iter()
            .map(|d| json!({"from": d.from, "to": d.to, "posterior_only": d.posterior_only}))
            .collect(),
    );
    o.insert(
        "age_limits".into(),
        b.age_limits
            .iter()
            .map(|a| json!({"codes": a.codes, "min_age": a.min_age, "max_age": a.max_age}))
            .collect(),
    );
    o.insert(
        "waiting_periods".into(),
        b.waiting_periods
            .iter()
            .map(|w| json!({"codes": w.codes, "months": w.months}))
            .collect(),
    );
    for (key, rows) in [
        ("copay", &b.copays),
        ("code_deductibles", &b.code_deductibles),
        ("allowed", &b.allowed),
    ] {
        let map: Map<String, Value> = rows
            .iter()
            .map(|r| (r.code.clone(), json!(r.amount)))
            .collect();
        o.insert(key.into(), Value::Object(map));
    }
    if let Some(e) = effective {
        o.insert("effective".into(), json!(e.format("%Y-%m-%d").to_string()));
    } else if !b.waiting_periods.is_empty() {
        // Checking a plan on its own: waiting periods count from each patient's coverage start.
        o.insert("effective".into(), json!("2000-01-01"));
    }
    o.insert(
        "used".into(),
        json!({
            "annual": used.annual.to_plain(),
            "family": used.family.to_plain(),
            "deductible": used.deductible.to_plain(),
            "family_deductible": used.family_deductible.to_plain(),
        }),
    );
    o.insert(
        "write_off_when_max_reached".into(),
        json!(b.write_off_when_max_reached),
    );
    Value::Object(o)
}

/// Maps an engine path (`copay.D0150`, `coverage[1].percent`) to the editor's field name
/// (`benefits.copays[3].amount`, `benefits.coverage[1].percent`).
fn editor_field(d: &PlanDraft, path: &str) -> String {
    let b = &d.benefits;
    for (engine, editor, rows) in [
        ("copay", "copays", &b.copays),
        ("code_deductibles", "code_deductibles", &b.code_deductibles),
        ("allowed", "allowed", &b.allowed),
    ] {
        if let Some(code) = path.strip_prefix(engine).and_then(|r| r.strip_prefix('.')) {
            if let Some(i) = rows.iter().position(|r| r.code == code) {
                let part = if frontdesk_estimate::Code::parse(code).is_ok() {
                    "amount"
                } else {
                    "code"
                };
                return format!("benefits.{editor}[{i}].{part}");
            }
        }
    }
    let field = path.split('[').next().unwrap_or(path);
    match field {
        "deductible_waived" | "exclusions" | "max_exempt" => format!("benefits.{field}"),
        "" => "benefits".into(),
        _ => format!("benefits.{path}"),
    }
}

#[cfg(test)]
mod tests;
