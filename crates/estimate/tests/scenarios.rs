//! Hand-computed scenarios through the JSON runner, one or two rules at a time.
mod common;

use common::{check, pct, ppo, scenario};
use frontdesk_estimate::run_scenario_json;
use serde_json::{json, Value};

#[test]
fn family_max() {
    let plan = pct(
        "Family",
        json!({"annual_max": "1000.00", "family_max": "2500.00", "used": {"family": "2400.00"}}),
    );
    let procs = json!([{"code": "D2391", "fee": "200.00"}, {"code": "D2391", "fee": "200.00"}]);
    check(
        "family max",
        scenario(vec![plan], procs),
        &[
            ("D2391", &[("100.00", "0.00", "0.00")], "100.00"),
            ("D2391", &[("0.00", "0.00", "0.00")], "200.00"),
        ],
        &[(1, 0, "family max reached")],
    );
}

#[test]
fn write_off_when_the_max_is_reached() {
    for (flag, wo, patient) in [(true, "300.00", "900.00"), (false, "0.00", "1200.00")] {
        let plan = ppo(
            "PPO",
            json!({"annual_max": "1000.00", "used": {"annual": "1000.00"}, "allowed": {"D2740": "900.00"},
                   "write_off_when_max_reached": flag}),
        );
        check(
            &format!("write-off flag {flag}"),
            scenario(vec![plan], json!([{"code": "D2740", "fee": "1200.00"}])),
            &[("D2740", &[("0.00", wo, "0.00")], patient)],
            &[(0, 0, "annual max reached")],
        );
    }
}

#[test]
fn copay_comes_off_the_allowed_amount() {
    let plan = ppo(
        "PPO",
        json!({"allowed": {"D0150": "70.00"}, "copay": {"D0150": "5.00"}}),
    );
    check(
        "copay",
        scenario(vec![plan], json!([{"code": "D0150", "fee": "95.00"}])),
        &[("D0150", &[("65.00", "25.00", "0.00")], "5.00")],
        &[],
    );
}

#[test]
fn frequency_counts_history_and_earlier_procedures() {
    let plan = pct(
        "Freq",
        json!({"frequency": [{"codes": "D1110,D1120", "times": 2, "per": "benefit_year"}]}),
    );
    let mut s = scenario(
        vec![plan],
        json!([{"code": "D1110", "fee": "120.00"}, {"code": "D1120", "fee": "100.00"}]),
    );
    s["history"] =
        json!([{"code": "D1110", "date": "2026-01-15"}, {"code": "D1110", "date": "2025-11-15"}]);
    check(
        "frequency",
        s,
        &[
            ("D1110", &[("120.00", "0.00", "0.00")], "0.00"),
            ("D1120", &[("0.00", "0.00", "0.00")], "100.00"),
        ],
        &[(
            1,
            0,
            "frequency limit: last D1110 earlier in this treatment plan; 2 times per benefit year, 2 already",
        )],
    );
}

#[test]
fn benefit_year_start_resets_frequency() {
    let plan = pct(
        "July plan",
        json!({"benefit_year_start": "07-01", "frequency": [{"codes": "D1110", "times": 2, "per": "benefit_year"}]}),
    );
    let mut s = scenario(vec![plan], json!([{"code": "D1110", "fee": "120.00"}]));
    s["date"] = json!("2026-07-10");
    s["history"] =
        json!([{"code": "D1110", "date": "2026-06-15"}, {"code": "D1110", "date": "2026-01-15"}]);
    check(
        "benefit year",
        s,
        &[("D1110", &[("120.00", "0.00", "0.00")], "0.00")],
        &[],
    );
}

#[test]
fn ineligible_procedures_pay_nothing_and_take_no_deductible() {
    let plan = pct(
        "Waiting",
        json!({"deductible": "50.00", "effective": "2025-09-01", "exclusions": ["D9972"],
               "waiting_periods": [{"codes": "D2700-D2799", "months": 12}],
               "coverage": [{"codes": "D2000-D2999", "percent": 80}, {"codes": "D9000-D9999", "percent": 50}]}),
    );
    let procs = json!([{"code": "D2740", "fee": "1100.00"}, {"code": "D9972", "fee": "400.00"}, {"code": "D2391", "fee": "210.00"}]);
    check(
        "eligibility",
        scenario(vec![plan], procs),
        &[
            ("D2740", &[("0.00", "0.00", "0.00")], "1100.00"),
            ("D9972", &[("0.00", "0.00", "0.00")], "400.00"),
            ("D2391", &[("128.00", "0.00", "50.00")], "82.00"),
        ],
        &[
            (0, 0, "waiting period until 2026-09-01"),
            (1, 0, "excluded"),
        ],
    );
}

#[test]
fn uncovered_code_gets_no_deductible() {
    let plan = pct("Plan", json!({"deductible": "50.00"}));
    let procs = json!([{"code": "D7140", "fee": "180.00"}, {"code": "D2391", "fee": "210.00"}]);
    check(
        "uncovered",
        scenario(vec![plan], procs),
        &[
            ("D7140", &[("0.00", "0.00", "0.00")], "180.00"),
            ("D2391", &[("128.00", "0.00", "50.00")], "82.00"),
        ],
        &[(0, 0, "not covered")],
    );
}

#[test]
fn code_deductible_counts_toward_the_individual_one() {
    let plan = pct(
        "Plan",
        json!({"deductible": "50.00", "code_deductibles": {"D0330": "45.00"},
               "coverage": [{"codes": "D0000-D0999", "percent": 80}, {"codes": "D2000-D2999", "percent": 80}]}),
    );
    let procs = json!([{"code": "D0330", "fee": "130.00"}, {"code": "D2391", "fee": "200.00"}]);
    check(
        "code deductible",
        scenario(vec![plan], procs),
        &[
            ("D0330", &[("68.00", "0.00", "45.00")], "62.00"),
            ("D2391", &[("156.00", "0.00", "5.00")], "44.00"),
        ],
        &[],
    );
}

#[test]
fn units_multiply_fee_allowed_and_copay() {
    let plan = ppo("PPO", json!({"allowed": {"D2391": "80.00"}}));
    check(
        "units",
        scenario(
            vec![plan],
            json!([{"code": "D2391", "fee": "100.00", "units": 3}]),
        ),
        &[("D2391", &[("192.00", "60.00", "0.00")], "48.00")],
        &[],
    );
}

#[test]
fn standard_cob_pays_what_is_left_after_the_write_off() {
    let primary = ppo(
        "PPO",
        json!({"allowed": {"D2740": "900.00"}, "coverage": [{"codes": "D2000-D2999", "percent": 50}]}),
    );
    let secondary = pct(
        "Spouse",
        json!({"cob": "standard", "coverage": [{"codes": "D2000-D2999", "percent": 50}]}),
    );
    check(
        "standard",
        scenario(
            vec![primary, secondary],
            json!([{"code": "D2740", "fee": "1200.00"}]),
        ),
        &[(
            "D2740",
            &[("450.00", "300.00", "0.00"), ("450.00", "0.00", "0.00")],
            "0.00",
        )],
        &[],
    );
}

#[test]
fn basic_cob_and_a_secondary_ppo_write_off() {
    let primary = pct("Indemnity", json!({}));
    let secondary = ppo(
        "PPO",
        json!({"cob": "basic", "allowed": {"D2392": "150.00"}, "coverage": [{"codes": "D2000-D2999", "percent": 50}]}),
    );
    // Primary 80 % of 200 = 160; basic: min(75, 150 − 160) = 0; the secondary's write-off of 50 only
    // covers the 40 still open.
    check(
        "basic",
        scenario(
            vec![primary, secondary],
            json!([{"code": "D2392", "fee": "200.00"}]),
        ),
        &[(
            "D2392",
            &[("160.00", "0.00", "0.00"), ("0.00", "40.00", "0.00")],
            "0.00",
        )],
        &[],
    );
}

#[test]
fn write_off_taken_once_by_the_first_ppo() {
    let primary = ppo("First", json!({"allowed": {"D2392": "150.00"}}));
    let secondary = ppo(
        "Second",
        json!({"cob": "carve_out", "allowed": {"D2392": "120.00"}}),
    );
    check(
        "write-off once",
        scenario(
            vec![primary, secondary],
            json!([{"code": "D2392", "fee": "200.00"}]),
        ),
        &[(
            "D2392",
            &[("120.00", "50.00", "0.00"), ("0.00", "0.00", "0.00")],
            "30.00",
        )],
        &[],
    );
}

#[test]
fn carve_out_starts_from_the_secondarys_own_limited_payment() {
    let primary = pct(
        "Primary",
        json!({"coverage": [{"codes": "D2000-D2999", "percent": 20}]}),
    );
    let secondary = pct(
        "Secondary",
        json!({"cob": "carve_out", "annual_max": "1000.00", "used": {"annual": "700.00"},
               "coverage": [{"codes": "D2000-D2999", "percent": 50}]}),
    );
    // normal = min(50 % of 1000, 300 left) = 300; carve-out: 300 − 200 = 100.
    check(
        "carve-out",
        scenario(
            vec![primary, secondary],
            json!([{"code": "D2740", "fee": "1000.00"}]),
        ),
        &[(
            "D2740",
            &[("200.00", "0.00", "0.00"), ("100.00", "0.00", "0.00")],
            "700.00",
        )],
        &[],
    );
}

#[test]
fn explanation_lines_for_the_percentage_example() {
    let input = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/examples/example-percentage.json"
    ))
    .unwrap();
    let out: Value = serde_json::from_str(&run_scenario_json(&input, true).unwrap()).unwrap();
    let lines = |i: usize| -> Vec<String> {
        out["procedures"][i]["explanation"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        lines(0),
        [
            "D1110: office fee $120.00",
            "Indemnity: deductible waived for D1110",
            "Indemnity: plan pays 100% of $120.00 = $120.00",
            "Patient portion: $120.00 − $120.00 insurance = $0.00"
        ]
    );
    assert_eq!(
        lines(1),
        [
            "D2391: office fee $210.00",
            "Indemnity: deductible $50.00 applied ($0.00 of it left this benefit year)",
            "Indemnity: plan pays 80% of $160.00 = $128.00",
            "Patient portion: $210.00 − $128.00 insurance = $82.00"
        ]
    );
    assert_eq!(
        lines(2),
        [
            "D2740: office fee $1,100.00",
            "Indemnity: plan pays 50% of $1,100.00 = $550.00",
            "Indemnity: annual max leaves $52.00 → $52.00",
            "Patient portion: $1,100.00 − $52.00 insurance = $1,048.00"
        ]
    );
}

#[test]
fn bench_runs_and_its_mix_exercises_the_rules() {
    let r = frontdesk_estimate::bench(600);
    assert!(r.procedures >= 600 && r.estimates_per_second > 0.0);
    let results: Vec<_> = frontdesk_estimate::bench_scenarios()
        .iter()
        .flat_map(|s| frontdesk_estimate::estimate(s, false))
        .collect();
    let plans = || results.iter().flat_map(|r| &r.plans);
    assert!(plans().any(|p| !p.write_off.is_zero()));
    assert!(plans().any(|p| !p.deductible.is_zero()));
    assert!(plans().any(|p| p.plan == 1 && !p.estimate.is_zero()));
    assert!(plans().any(|p| !p.notes.is_empty()));
    assert!(results.iter().any(|r| !r.patient.is_zero()));
    // The alternate benefit, age limit, max exemption and per-tooth window rules are in the mix.
    let explained: Vec<String> = frontdesk_estimate::bench_scenarios()
        .iter()
        .flat_map(|s| frontdesk_estimate::estimate(s, true))
        .flat_map(|r| r.explanation)
        .collect();
    for rule in [
        "(alternate benefit)",
        "not covered at age",
        "not counted against the maximum",
        "one per 60 months",
    ] {
        assert!(
            explained.iter().any(|l| l.contains(rule)),
            "the bench mix never applies {rule:?}"
        );
    }
}
