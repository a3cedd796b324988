//! Frequency limits over a rolling window of months, per tooth, hand-computed: one crown
//! (D2740-D2799) per tooth per 60 months; the last crown on #3 was done on 05/01/2022.
mod common;

use common::{check, explanation, extend, pct, ppo, scenario};
use serde_json::{json, Value};

/// A PPO paying 50 % of a $900 allowed crown (fee $1,200: write-off $300).
fn delta(rule: Value, extra: Value) -> Value {
    extend(
        ppo(
            "Delta PPO",
            json!({"allowed": {"D2740": "900.00", "D2750": "900.00", "D2391": "150.00"},
                   "coverage": [{"codes": "D2000-D2699", "percent": 80}, {"codes": "D2700-D2999", "percent": 50}],
                   "frequency": [rule]}),
        ),
        extra,
    )
}

fn per_tooth() -> Value {
    json!({"codes": "D2740-D2799", "times": 1, "per": "months", "months": 60, "per_tooth": true})
}

fn crown(code: &str, tooth: Option<&str>) -> Value {
    let mut p = json!({"code": code, "fee": "1200.00"});
    if let Some(t) = tooth {
        p["tooth"] = json!(t);
    }
    p
}

fn on(date: &str, history: Value, plans: Vec<Value>, procedures: Vec<Value>) -> Value {
    let mut s = scenario(plans, json!(procedures));
    s["date"] = json!(date);
    s["history"] = history;
    s
}

fn crown_on_3(date: &str) -> Value {
    json!([{"code": "D2740", "date": date, "tooth": "3"}])
}

/// (estimate, write-off, patient) of a crown paid, or limited.
const PAID: (&str, &str, &str) = ("450.00", "300.00", "450.00");
const LIMITED: (&str, &str, &str) = ("0.00", "300.00", "900.00");
/// (estimate, write-off, deductible) of the plan's share.
const PAID_SHARE: (&str, &str, &str) = ("450.00", "300.00", "0.00");
const LIMITED_SHARE: (&str, &str, &str) = ("0.00", "300.00", "0.00");

#[test]
fn table() {
    // (case, date of service, history, rule, planned tooth, paid?)
    let cases = [
        (
            "the day the window opens",
            "2027-05-01",
            crown_on_3("2022-05-01"),
            per_tooth(),
            Some("3"),
            true,
        ),
        (
            "the day before",
            "2027-04-30",
            crown_on_3("2022-05-01"),
            per_tooth(),
            Some("3"),
            false,
        ),
        (
            "a day later in the window",
            "2027-05-01",
            crown_on_3("2022-05-02"),
            per_tooth(),
            Some("3"),
            false,
        ),
        (
            "another tooth",
            "2027-04-30",
            crown_on_3("2022-05-01"),
            per_tooth(),
            Some("14"),
            true,
        ),
        (
            "no tooth planned: matches every tooth",
            "2027-04-30",
            crown_on_3("2022-05-01"),
            per_tooth(),
            None,
            false,
        ),
        (
            "no tooth in the history",
            "2027-04-30",
            json!([{"code": "D2750", "date": "2022-05-01"}]),
            per_tooth(),
            Some("14"),
            false,
        ),
        (
            "not per tooth: any tooth counts",
            "2027-04-30",
            crown_on_3("2022-05-01"),
            json!({"codes": "D2740-D2799", "times": 1, "per": "months", "months": 60}),
            Some("14"),
            false,
        ),
        (
            "the N_months spelling",
            "2027-04-30",
            crown_on_3("2022-05-01"),
            json!({"codes": "D2740-D2799", "times": 1, "per": "60_months", "per_tooth": true}),
            Some("3"),
            false,
        ),
        (
            "two allowed",
            "2027-04-30",
            crown_on_3("2022-05-01"),
            json!({"codes": "D2740-D2799", "times": 2, "per": "months", "months": 60, "per_tooth": true}),
            Some("3"),
            true,
        ),
        (
            "after the date of service",
            "2027-04-30",
            crown_on_3("2027-05-01"),
            per_tooth(),
            Some("3"),
            true,
        ),
        // Month ends: 03/31 − 60 months is 03/31; 02/29 − 60 months is 02/28.
        (
            "month end, outside",
            "2027-03-31",
            crown_on_3("2022-03-31"),
            per_tooth(),
            Some("3"),
            true,
        ),
        (
            "month end, inside",
            "2027-03-31",
            crown_on_3("2022-04-01"),
            per_tooth(),
            Some("3"),
            false,
        ),
        (
            "leap day, outside",
            "2028-02-29",
            crown_on_3("2023-02-28"),
            per_tooth(),
            Some("3"),
            true,
        ),
        (
            "leap day, inside",
            "2028-02-29",
            crown_on_3("2023-03-01"),
            per_tooth(),
            Some("3"),
            false,
        ),
        (
            "benefit year stays as it is",
            "2027-04-30",
            crown_on_3("2027-01-02"),
            json!({"codes": "D2740-D2799", "times": 1, "per": "benefit_year", "per_tooth": true}),
            Some("3"),
            false,
        ),
        (
            "benefit year, last year",
            "2027-04-30",
            crown_on_3("2026-12-31"),
            json!({"codes": "D2740-D2799", "times": 1, "per": "benefit_year", "per_tooth": true}),
            Some("3"),
            true,
        ),
    ];
    for (name, date, history, rule, tooth, paid) in cases {
        let s = on(
            date,
            history,
            vec![delta(rule, json!({}))],
            vec![crown("D2740", tooth)],
        );
        let (est, wo, patient) = if paid { PAID } else { LIMITED };
        let notes: &[(usize, usize, &str)] = if paid {
            &[]
        } else {
            &[(0, 0, "frequency limit: last D27")]
        };
        check(name, s, &[("D2740", &[(est, wo, "0.00")], patient)], notes);
    }
}

#[test]
fn the_explanation_names_the_last_crown_and_the_rule() {
    let s = on(
        "2026-11-24",
        crown_on_3("2022-05-01"),
        vec![delta(per_tooth(), json!({}))],
        vec![crown("D2740", Some("3"))],
    );
    assert!(
        explanation(&s, 0).contains(
            &"Delta PPO: frequency limit: last D2740 on #3 on 05/01/2022; one per 60 months, so the plan pays nothing"
                .to_string()
        ),
        "{:?}",
        explanation(&s, 0)
    );
}

#[test]
fn earlier_procedures_of_the_plan_count_on_their_tooth() {
    let s = on(
        "2026-11-24",
        json!([]),
        vec![delta(per_tooth(), json!({}))],
        vec![
            crown("D2740", Some("14")),
            crown("D2750", Some("14")),
            crown("D2740", Some("19")),
        ],
    );
    check(
        "same tooth twice",
        s,
        &[
            ("D2740", &[PAID_SHARE], "450.00"),
            ("D2750", &[LIMITED_SHARE], "900.00"),
            ("D2740", &[PAID_SHARE], "450.00"),
        ],
        &[(
            1,
            0,
            "frequency limit: last D2740 on #14 earlier in this treatment plan; one per 60 months",
        )],
    );
}

#[test]
fn combined_with_deductible_maximums_cob_and_the_write_off() {
    let history = crown_on_3("2022-05-01");
    // A limited crown takes no deductible: the filling after it takes the $50.
    check(
        "deductible",
        on(
            "2026-11-24",
            history.clone(),
            vec![delta(per_tooth(), json!({"deductible": "50.00"}))],
            vec![
                crown("D2740", Some("3")),
                json!({"code": "D2391", "fee": "200.00", "tooth": "30"}),
            ],
        ),
        &[
            ("D2740", &[LIMITED_SHARE], "900.00"),
            ("D2391", &[("80.00", "50.00", "50.00")], "70.00"),
        ],
        &[],
    );
    // A limited crown uses none of the max: the crown on #14 gets the $450 of the $500 left.
    for (which, extra) in [
        (
            "annual",
            json!({"annual_max": "1000.00", "used": {"annual": "500.00"}}),
        ),
        (
            "family",
            json!({"family_max": "3000.00", "used": {"family": "2500.00"}}),
        ),
    ] {
        check(
            &format!("{which} max"),
            on(
                "2026-11-24",
                history.clone(),
                vec![delta(per_tooth(), extra)],
                vec![
                    crown("D2740", Some("3")),
                    crown("D2740", Some("14")),
                    crown("D2740", Some("19")),
                ],
            ),
            &[
                ("D2740", &[LIMITED_SHARE], "900.00"),
                ("D2740", &[PAID_SHARE], "450.00"),
                ("D2740", &[("50.00", "300.00", "0.00")], "850.00"),
            ],
            &[],
        );
    }
    // The secondary has no frequency limit: standard COB pays its 50 % of the fee, 600, within the
    // 900 left after the primary's write-off.
    let secondary = pct(
        "Spouse",
        json!({"cob": "standard", "coverage": [{"codes": "D2000-D2999", "percent": 50}]}),
    );
    check(
        "secondary",
        on(
            "2026-11-24",
            history.clone(),
            vec![delta(per_tooth(), json!({})), secondary],
            vec![crown("D2740", Some("3"))],
        ),
        &[(
            "D2740",
            &[LIMITED_SHARE, ("600.00", "0.00", "0.00")],
            "300.00",
        )],
        &[(0, 0, "frequency limit")],
    );
    // With the rule on the secondary too, both pay nothing; the write-off stays.
    let secondary = delta(
        per_tooth(),
        json!({"name": "Second PPO", "cob": "carve_out"}),
    );
    check(
        "both limited",
        on(
            "2026-11-24",
            history,
            vec![delta(per_tooth(), json!({})), secondary],
            vec![crown("D2740", Some("3"))],
        ),
        &[(
            "D2740",
            &[LIMITED_SHARE, ("0.00", "0.00", "0.00")],
            "900.00",
        )],
        &[(0, 1, "frequency limit")],
    );
}
