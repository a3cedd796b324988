//! Alternate benefits (downgrades), hand-computed: the plan pays a posterior composite (D2392) as
//! an amalgam (D2150); coverage, deductible, limits and the write-off follow D2392.
mod common;

use common::{check, explanation, pct, ppo, scenario};
use serde_json::{json, Value};

/// A PPO: D2392 allowed $170, D2150 allowed $110 (or `to_allowed`), 80 % restorative.
fn delta(to_allowed: &str, posterior_only: bool, extra: Value) -> Value {
    let mut p = ppo(
        "Delta PPO",
        json!({"allowed": {"D2392": "170.00", "D2150": to_allowed},
               "downgrades": [{"from": "D2391-D2394", "to": "D2150", "posterior_only": posterior_only}]}),
    );
    p.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    p
}

fn composite(tooth: Option<&str>, units: u32) -> Value {
    let mut p = json!({"code": "D2392", "fee": "240.00", "units": units});
    if let Some(t) = tooth {
        p["tooth"] = json!(t);
    }
    json!([p])
}

#[test]
fn table() {
    // (case, plan, tooth, units, estimate, write-off, patient, paid as D2150)
    let ppo_110 = delta("110.00", true, json!({}));
    let cases = [
        // 80 % of D2150's $110 = 88; write-off 240 − 170 (D2392's allowed) = 70; patient 82.
        (
            "posterior",
            ppo_110.clone(),
            Some("30"),
            1,
            "88.00",
            "70.00",
            "82.00",
            true,
        ),
        (
            "anterior: not downgraded",
            ppo_110.clone(),
            Some("8"),
            1,
            "136.00",
            "70.00",
            "34.00",
            false,
        ),
        (
            "no tooth: taken as posterior",
            ppo_110.clone(),
            None,
            1,
            "88.00",
            "70.00",
            "82.00",
            true,
        ),
        (
            "primary molar A",
            ppo_110.clone(),
            Some("A"),
            1,
            "88.00",
            "70.00",
            "82.00",
            true,
        ),
        (
            "primary canine C",
            ppo_110.clone(),
            Some("C"),
            1,
            "136.00",
            "70.00",
            "34.00",
            false,
        ),
        (
            "premolar 5",
            ppo_110.clone(),
            Some("5"),
            1,
            "88.00",
            "70.00",
            "82.00",
            true,
        ),
        (
            "canine 6",
            ppo_110.clone(),
            Some("6"),
            1,
            "136.00",
            "70.00",
            "34.00",
            false,
        ),
        // Per unit: 2 × 110 = 220 → 176; write-off 2 × 70.
        (
            "two units",
            ppo_110.clone(),
            Some("30"),
            2,
            "176.00",
            "140.00",
            "164.00",
            true,
        ),
        (
            "every tooth when not posterior only",
            delta("110.00", false, json!({})),
            Some("8"),
            1,
            "88.00",
            "70.00",
            "82.00",
            true,
        ),
        // D2150 allowed above D2392's: capped at 170.
        (
            "capped at the own allowed fee",
            delta("250.00", true, json!({})),
            Some("30"),
            1,
            "136.00",
            "70.00",
            "34.00",
            true,
        ),
        // Percentage plan: office fee of D2150 $140 → 112; no write-off.
        (
            "percentage plan",
            pct(
                "Indemnity",
                json!({"downgrades": [{"from": "D2392", "to": "D2150"}]}),
            ),
            Some("30"),
            1,
            "112.00",
            "0.00",
            "128.00",
            true,
        ),
    ];
    for (name, plan, tooth, units, est, wo, patient, paid_as) in cases {
        let mut s = scenario(vec![plan], composite(tooth, units));
        s["fees"] = json!({"D2150": "140.00"});
        let notes: &[(usize, usize, &str)] = if paid_as {
            &[(0, 0, "paid as D2150 (alternate benefit)")]
        } else {
            &[]
        };
        check(
            name,
            s.clone(),
            &[("D2392", &[(est, wo, "0.00")], patient)],
            notes,
        );
        let lines = explanation(&s, 0);
        assert_eq!(
            lines
                .iter()
                .any(|l| l.contains("paid as D2150 (alternate benefit)")),
            paid_as,
            "{name}: {lines:?}"
        );
    }
}

#[test]
fn a_percentage_plan_is_capped_at_the_procedures_fee() {
    let plan = pct(
        "Indemnity",
        json!({"downgrades": [{"from": "D2392", "to": "D2150"}]}),
    );
    let mut s = scenario(
        vec![plan],
        json!([{"code": "D2392", "fee": "120.00", "tooth": "19"}]),
    );
    s["fees"] = json!({"D2150": "140.00"});
    check(
        "capped",
        s,
        &[("D2392", &[("96.00", "0.00", "0.00")], "24.00")],
        &[],
    );
}

#[test]
fn the_explanation_says_what_the_plan_paid_on() {
    let s = scenario(
        vec![delta("110.00", true, json!({}))],
        composite(Some("30"), 1),
    );
    assert_eq!(
        explanation(&s, 0),
        [
            "D2392: office fee $240.00",
            "Delta PPO: allowed fee $170.00 (office fee $240.00)",
            "Delta PPO: paid as D2150 (alternate benefit): the plan pays on D2150's allowed fee $110.00 instead of $170.00",
            "Delta PPO: plan pays 80% of $110.00 = $88.00",
            "Delta PPO: write-off $70.00 (office fee $240.00 − allowed $170.00)",
            "Patient portion: $240.00 − $88.00 insurance − $70.00 write-off = $82.00",
        ]
    );
    let s = scenario(vec![delta("110.00", true, json!({}))], composite(None, 2));
    assert_eq!(
        explanation(&s, 0)[2],
        "Delta PPO: paid as D2150 (alternate benefit) (no tooth given: taken as posterior): the plan pays on D2150's allowed fee 2 units × $110.00 = $220.00 instead of $340.00"
    );
    let mut s = scenario(
        vec![delta("250.00", true, json!({}))],
        composite(Some("30"), 1),
    );
    s["fees"] = json!({});
    assert_eq!(
        explanation(&s, 0)[2],
        "Delta PPO: paid as D2150 (alternate benefit): D2150's allowed fee $250.00 is not below $170.00, so $170.00"
    );
}

#[test]
fn combined_with_deductible_maximums_cob_and_the_write_off() {
    let composite30 = || composite(Some("30"), 1);
    // Deductible $50 off the $110: 80 % of 60 = 48.
    check(
        "deductible",
        scenario(
            vec![delta("110.00", true, json!({"deductible": "50.00"}))],
            composite30(),
        ),
        &[("D2392", &[("48.00", "70.00", "50.00")], "122.00")],
        &[],
    );
    // A deductible above the alternate amount takes all of it (110), not the own allowed 170.
    check(
        "deductible above the alternate amount",
        scenario(
            vec![delta("110.00", true, json!({"deductible": "150.00"}))],
            composite30(),
        ),
        &[("D2392", &[("0.00", "70.00", "110.00")], "170.00")],
        &[],
    );
    check(
        "annual max",
        scenario(
            vec![delta(
                "110.00",
                true,
                json!({"annual_max": "100.00", "used": {"annual": "50.00"}}),
            )],
            composite30(),
        ),
        &[("D2392", &[("50.00", "70.00", "0.00")], "120.00")],
        &[],
    );
    check(
        "family max",
        scenario(
            vec![delta(
                "110.00",
                true,
                json!({"family_max": "1000.00", "used": {"family": "960.00"}}),
            )],
            composite30(),
        ),
        &[("D2392", &[("40.00", "70.00", "0.00")], "130.00")],
        &[],
    );
    // Carve-out secondary at 50 % of the fee: 120 − 88 = 32.
    let secondary = |cob: &str, extra: Value| {
        let mut p = pct(
            "Spouse",
            json!({"cob": cob, "coverage": [{"codes": "D2000-D2999", "percent": 50}]}),
        );
        p.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        p
    };
    check(
        "carve-out secondary",
        scenario(
            vec![
                delta("110.00", true, json!({})),
                secondary("carve_out", json!({})),
            ],
            composite30(),
        ),
        &[(
            "D2392",
            &[("88.00", "70.00", "0.00"), ("32.00", "0.00", "0.00")],
            "50.00",
        )],
        &[],
    );
    // Standard: the 82 still open.
    check(
        "standard secondary",
        scenario(
            vec![
                delta("110.00", true, json!({})),
                secondary("standard", json!({})),
            ],
            composite30(),
        ),
        &[(
            "D2392",
            &[("88.00", "70.00", "0.00"), ("82.00", "0.00", "0.00")],
            "0.00",
        )],
        &[],
    );
    // The secondary downgrades too: 50 % of D2150's office fee 140 = 70.
    let mut s = scenario(
        vec![
            delta("110.00", true, json!({})),
            secondary(
                "standard",
                json!({"downgrades": [{"from": "D2392", "to": "D2150"}]}),
            ),
        ],
        composite30(),
    );
    s["fees"] = json!({"D2150": "140.00"});
    check(
        "both plans downgrade",
        s,
        &[(
            "D2392",
            &[("88.00", "70.00", "0.00"), ("70.00", "0.00", "0.00")],
            "12.00",
        )],
        &[(0, 1, "paid as D2150")],
    );
}
