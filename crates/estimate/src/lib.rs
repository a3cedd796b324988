//! The patient-portion estimate engine: pure functions over plain data, money in integer cents.
//!
//! For each procedure (treatment-plan order) and each plan (primary first) the rule modules run in
//! the order of domain.md, "How a patient-portion estimate is computed": [`allowed_fee`] (fee and
//! allowed amount), [`copay`], [`deductible`], [`coverage`], [`eligibility`] (exclusions, frequency,
//! waiting periods), [`limits`] (annual and family max), [`cob`] (coordination of benefits for
//! secondary plans), [`write_off`], and [`patient`] (patient portion). Each step that changes
//! something adds a plain-English explanation line. Coordination of benefits runs after the plan's
//! own exclusions and limits, because the README defines a secondary's "normal" payment as what it
//! pays alone after its deductible, percentage and limits; for the primary it changes nothing.
//!
//! [`run_scenario_json`] reads the scenario format of shared/estimates/README.md and renders the
//! estimate; [`bench()`] measures estimates per second over a realistic mix.
pub mod allowed_fee;
pub mod cob;
pub mod codes;
pub mod copay;
pub mod coverage;
pub mod deductible;
pub mod eligibility;
pub mod engine;
pub mod limits;
pub mod model;
pub mod money;
pub mod patient;
pub mod scenario;
pub mod write_off;

mod bench;

pub use bench::{bench, bench_scenarios, BenchFigures};
pub use codes::{Code, CodeRange, CodeSet};
pub use engine::estimate;
pub use model::*;
pub use money::{Cents, Percent};
pub use scenario::{parse_scenario, render, ScenarioError};

/// Parses a scenario (JSON text), estimates it and renders the result as pretty JSON; with
/// `explain`, each procedure also lists its explanation lines.
pub fn run_scenario_json(input: &str, explain: bool) -> Result<String, ScenarioError> {
    let scenario = parse_scenario(input)?;
    let estimates = estimate(&scenario, explain);
    Ok(render(&scenario, &estimates, explain))
}
