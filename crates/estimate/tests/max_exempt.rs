//! Codes exempt from the maximum, hand-computed: preventive and diagnostic (D0000-D1999) neither
//! limited by nor counted toward the annual and family maximums; deductible and percentage apply.
mod common;

use common::{check, explanation, extend, pct, ppo, scenario};
use serde_json::{json, Value};

fn plan(extra: Value) -> Value {
    extend(pct("Plan", json!({"max_exempt": ["D0000-D1999"]})), extra)
}

fn cleaning_and_filling() -> Value {
    json!([{"code": "D1110", "fee": "120.00"}, {"code": "D2391", "fee": "200.00"}])
}

#[test]
fn table() {
    // (case, plan fields, cleaning estimate, filling estimate)
    let cases = [
        (
            "max already met",
            json!({"annual_max": "1000.00", "used": {"annual": "1000.00"}}),
            "120.00",
            "0.00",
        ),
        // The cleaning does not use the $100: the filling's 160 is cut to 100, not to 0.
        (
            "not counted toward the annual max",
            json!({"annual_max": "100.00"}),
            "120.00",
            "100.00",
        ),
        (
            "family max",
            json!({"family_max": "150.00", "used": {"family": "100.00"}}),
            "120.00",
            "50.00",
        ),
        ("no max", json!({}), "120.00", "160.00"),
        // Without the exemption the cleaning is limited and uses up the max.
        (
            "not exempt",
            json!({"max_exempt": [], "annual_max": "100.00"}),
            "100.00",
            "0.00",
        ),
        (
            "a single exempt code",
            json!({"max_exempt": "D1110", "annual_max": "100.00"}),
            "120.00",
            "100.00",
        ),
    ];
    for (name, extra, cleaning, filling) in cases {
        let patient = |fee: i64, est: &str| {
            let cents = (est.parse::<f64>().unwrap() * 100.0).round() as i64;
            format!("{}.{:02}", (fee - cents) / 100, (fee - cents) % 100)
        };
        check(
            name,
            scenario(vec![plan(extra)], cleaning_and_filling()),
            &[
                (
                    "D1110",
                    &[(cleaning, "0.00", "0.00")],
                    &patient(12_000, cleaning),
                ),
                (
                    "D2391",
                    &[(filling, "0.00", "0.00")],
                    &patient(20_000, filling),
                ),
            ],
            &[],
        );
    }
}

#[test]
fn the_explanation_says_it_is_not_counted() {
    let s = scenario(
        vec![plan(
            json!({"annual_max": "1000.00", "used": {"annual": "1000.00"}}),
        )],
        cleaning_and_filling(),
    );
    assert_eq!(
        explanation(&s, 0),
        [
            "D1110: office fee $120.00",
            "Plan: plan pays 100% of $120.00 = $120.00",
            "Plan: D1110 not counted against the maximum",
            "Patient portion: $120.00 − $120.00 insurance = $0.00",
        ]
    );
    assert!(explanation(&s, 1).contains(&"Plan: annual max leaves $0.00 → $0.00".to_string()));
}

#[test]
fn deductible_and_percentage_still_apply() {
    let s = scenario(
        vec![plan(
            json!({"annual_max": "100.00", "used": {"annual": "100.00"}, "deductible": "50.00",
                         "coverage": [{"codes": "D0000-D1999", "percent": 50}]}),
        )],
        json!([{"code": "D1110", "fee": "120.00"}]),
    );
    // 50 % of (120 − 50) = 35, though the max is used up.
    check(
        "deductible",
        s,
        &[("D1110", &[("35.00", "0.00", "50.00")], "85.00")],
        &[],
    );
}

#[test]
fn combined_with_cob_and_the_write_off() {
    let met = json!({"annual_max": "1000.00", "used": {"annual": "1000.00"},
                     "coverage": [{"codes": "D0000-D1999", "percent": 80}]});
    let secondary = |exempt: bool| {
        pct(
            "Spouse",
            json!({"cob": "standard", "annual_max": "500.00", "used": {"annual": "500.00"},
                   "max_exempt": if exempt { json!(["D1110"]) } else { json!([]) }}),
        )
    };
    // Primary 80 % = 96 with its max met; the secondary pays the 24 left only if exempt too.
    for (exempt, second, patient) in [(true, "24.00", "0.00"), (false, "0.00", "24.00")] {
        check(
            &format!("secondary exempt: {exempt}"),
            scenario(
                vec![plan(met.clone()), secondary(exempt)],
                json!([{"code": "D1110", "fee": "120.00"}]),
            ),
            &[(
                "D1110",
                &[("96.00", "0.00", "0.00"), (second, "0.00", "0.00")],
                patient,
            )],
            &[],
        );
    }
    // PPO: allowed 85 paid in full although the max is met; the write-off is 35 either way.
    for (exempt, est, patient) in [(true, "85.00", "0.00"), (false, "0.00", "85.00")] {
        let p = ppo(
            "PPO",
            json!({"allowed": {"D1110": "85.00"}, "annual_max": "1000.00", "used": {"annual": "1000.00"},
                   "max_exempt": if exempt { json!(["D0000-D1999"]) } else { json!([]) }}),
        );
        check(
            &format!("PPO exempt: {exempt}"),
            scenario(vec![p], json!([{"code": "D1110", "fee": "120.00"}])),
            &[("D1110", &[(est, "35.00", "0.00")], patient)],
            &[],
        );
    }
}
