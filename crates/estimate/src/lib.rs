//! The patient-portion estimate engine: pure functions over plain data, money in integer cents.
//!
//! For each procedure (treatment-plan order) and each plan (primary first) the rule modules run in
//! the order of domain.md, "How a patient-portion estimate is computed": [`allowed_fee`] (fee and
//! allowed amount), [`alternate_benefit`] (downgrades), [`copay`], [`deductible`], [`coverage`],
//! [`eligibility`] (exclusions, waiting periods, [`age_limit`], [`frequency`] limits over a year, a
//! rolling window or per [`tooth`]), [`max_exempt`] or else [`limits`] (annual and family max),
//! [`cob`] (coordination of benefits for secondary plans), [`write_off`], and [`patient`] (patient
//! portion). Each step that changes
//! something adds a plain-English explanation line. Coordination of benefits runs after the plan's
//! own exclusions and limits, because the README defines a secondary's "normal" payment as what it
//! pays alone after its deductible, percentage and limits; for the primary it changes nothing.
//!
//! [`benefit_year()`] is the window deductibles, maximums and per-benefit-year frequency limits
//! count in, for the engine and for whoever adds up benefits used.
//!
//! [`run_scenario_json`] reads the scenario format of shared/estimates/README.md and renders the
//! estimate; [`bench()`] measures estimates per second over a realistic mix.
pub mod age_limit;
pub mod allowed_fee;
pub mod alternate_benefit;
pub mod benefit_year;
pub mod cob;
pub mod codes;
pub mod copay;
pub mod coverage;
pub mod deductible;
pub mod eligibility;
pub mod engine;
pub mod frequency;
pub mod limits;
pub mod max_exempt;
pub mod model;
pub mod money;
pub mod patient;
pub mod scenario;
pub mod tooth;
pub mod write_off;

mod bench;

pub use bench::{bench, bench_scenarios, BenchFigures};
pub use benefit_year::benefit_year;
pub use codes::{Code, CodeRange, CodeSet};
pub use engine::estimate;
pub use model::*;
pub use money::{Cents, Percent};
pub use scenario::{parse_scenario, render, ScenarioError};
pub use tooth::Tooth;

/// Parses a scenario (JSON text), estimates it and renders the result as pretty JSON; with
/// `explain`, each procedure also lists its explanation lines.
pub fn run_scenario_json(input: &str, explain: bool) -> Result<String, ScenarioError> {
    let scenario = parse_scenario(input)?;
    let estimates = estimate(&scenario, explain);
    Ok(render(&scenario, &estimates, explain))
}
