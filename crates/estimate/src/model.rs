//! The engine's plain-data inputs and outputs.
use crate::codes::{Code, CodeSet};
use crate::money::{Cents, Percent};
use crate::tooth::Tooth;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Indemnity (percentage of the office fee) or PPO (percentage of an allowed-fee schedule, the rest
/// written off).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanType {
    Percentage,
    Ppo,
}

/// How a secondary plan coordinates with the plans before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CobMethod {
    /// min(normal, secondary allowed − earlier estimates)
    Basic,
    /// min(normal, fee − earlier estimates − earlier write-offs)
    Standard,
    /// max(0, normal − earlier estimates)
    CarveOut,
}

impl CobMethod {
    pub fn name(self) -> &'static str {
        match self {
            CobMethod::Basic => "basic",
            CobMethod::Standard => "standard",
            CobMethod::CarveOut => "carve-out",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageRule {
    pub codes: CodeSet,
    pub percent: Percent,
}

/// The window a frequency limit counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrequencyPeriod {
    /// Since the start of the benefit year containing the date of service.
    BenefitYear,
    /// Since January 1 of the year of the date of service.
    CalendarYear,
    /// The last N months before the date of service: a prior procedure counts when its date is
    /// after the date of service minus N months (one exactly N months before no longer counts).
    Months(u32),
    Lifetime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrequencyRule {
    pub codes: CodeSet,
    pub times: u32,
    pub per: FrequencyPeriod,
    /// Only procedures on the same tooth count (a procedure or history entry without a tooth
    /// matches every tooth).
    pub per_tooth: bool,
}

/// An alternate benefit: the plan pays a procedure in `from` as if it were `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Downgrade {
    pub from: CodeSet,
    pub to: Code,
    /// Only on posterior teeth (a procedure without a tooth is taken as posterior).
    pub posterior_only: bool,
}

/// Codes covered only while the patient's age in whole years on the date of service is from
/// `min_age` to `max_age`, both included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgeLimit {
    pub codes: CodeSet,
    pub min_age: u32,
    pub max_age: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitingPeriod {
    pub codes: CodeSet,
    pub months: u32,
}

/// What was already used this benefit year before this treatment plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Used {
    pub annual: Cents,
    pub family: Cents,
    pub deductible: Cents,
    /// Deductible met by the whole family this benefit year.
    pub family_deductible: Cents,
}

/// Month and day the benefit year starts (January 1 by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearStart {
    pub month: u32,
    pub day: u32,
}

impl Default for YearStart {
    fn default() -> Self {
        YearStart { month: 1, day: 1 }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub name: String,
    pub plan_type: PlanType,
    /// Only for secondary (and later) plans.
    pub cob: Option<CobMethod>,
    pub annual_max: Option<Cents>,
    pub family_max: Option<Cents>,
    pub deductible: Option<Cents>,
    /// Once the family has met this much deductible, nobody in it pays more this benefit year.
    pub family_deductible: Option<Cents>,
    pub deductible_waived: CodeSet,
    pub code_deductibles: BTreeMap<Code, Cents>,
    pub coverage: Vec<CoverageRule>,
    /// PPO only: allowed fee per unit.
    pub allowed: BTreeMap<Code, Cents>,
    /// Fixed patient amount per unit.
    pub copay: BTreeMap<Code, Cents>,
    pub frequency: Vec<FrequencyRule>,
    pub waiting_periods: Vec<WaitingPeriod>,
    pub effective: Option<NaiveDate>,
    pub exclusions: CodeSet,
    /// Alternate benefits (downgrades).
    pub downgrades: Vec<Downgrade>,
    pub age_limits: Vec<AgeLimit>,
    /// Codes whose estimates neither count toward nor are limited by the annual and family max.
    pub max_exempt: CodeSet,
    pub used: Used,
    pub write_off_when_max_reached: bool,
    pub benefit_year_start: YearStart,
}

impl Plan {
    /// A plan with no benefits configured yet (no coverage, no max, no deductible).
    pub fn new(name: impl Into<String>, plan_type: PlanType) -> Plan {
        Plan {
            name: name.into(),
            plan_type,
            cob: None,
            annual_max: None,
            family_max: None,
            deductible: None,
            family_deductible: None,
            deductible_waived: CodeSet::default(),
            code_deductibles: BTreeMap::new(),
            coverage: Vec::new(),
            allowed: BTreeMap::new(),
            copay: BTreeMap::new(),
            frequency: Vec::new(),
            waiting_periods: Vec::new(),
            effective: None,
            exclusions: CodeSet::default(),
            downgrades: Vec::new(),
            age_limits: Vec::new(),
            max_exempt: CodeSet::default(),
            used: Used::default(),
            write_off_when_max_reached: true,
            benefit_year_start: YearStart::default(),
        }
    }
}

/// A completed procedure (for frequency limits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistoryItem {
    pub code: Code,
    pub date: NaiveDate,
    pub tooth: Option<Tooth>,
}

/// A planned procedure; `fee` is per unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Procedure {
    pub code: Code,
    pub fee: Cents,
    pub units: u32,
    pub tooth: Option<Tooth>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    /// Date of service.
    pub date: NaiveDate,
    /// Primary first.
    pub plans: Vec<Plan>,
    pub history: Vec<HistoryItem>,
    /// Treatment-plan order.
    pub procedures: Vec<Procedure>,
    /// The patient's date of birth (for age limits).
    pub birth_date: Option<NaiveDate>,
    /// Office fees per unit (what a percentage plan pays an alternate benefit on).
    pub fees: BTreeMap<Code, Cents>,
}

/// One plan's part of one procedure's estimate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanEstimate {
    /// Index into [`Scenario::plans`].
    pub plan: usize,
    /// The allowed amount (fee × units for percentage plans).
    pub allowed: Cents,
    pub estimate: Cents,
    pub write_off: Cents,
    /// Deductible applied on this procedure.
    pub deductible: Cents,
    /// Short reasons (not covered, frequency limit, max reached…).
    pub notes: Vec<String>,
}

/// One procedure's estimate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcedureEstimate {
    pub code: Code,
    /// Fee × units.
    pub fee: Cents,
    pub plans: Vec<PlanEstimate>,
    pub patient: Cents,
    /// One plain-English line per step that changed something (empty unless asked for).
    pub explanation: Vec<String>,
}
