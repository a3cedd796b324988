//! Age limits, hand-computed: fluoride (D1206, D1208) covered to age 18, sealants (D1351) from 6
//! to 15; the patient is born 2010-05-01 unless a case says otherwise.
mod common;

use common::{check, explanation, extend, pct, ppo, scenario};
use serde_json::{json, Value};

fn kids(extra: Value) -> Value {
    extend(
        pct(
            "Kids plan",
            json!({"age_limits": [{"codes": "D1206,D1208", "max_age": 18},
                                  {"codes": "D1351", "min_age": 6, "max_age": 15}]}),
        ),
        extra,
    )
}

fn on(date: &str, birth: &str, plans: Vec<Value>, procedures: Value) -> Value {
    let mut s = scenario(plans, procedures);
    s["date"] = json!(date);
    s["patient"] = json!({"birth_date": birth});
    s
}

#[test]
fn table() {
    // (date of service, birth date, code, covered, note)
    let cases = [
        ("2029-04-30", "2010-05-01", "D1206", true, ""), // 18, the day before the 19th birthday
        (
            "2029-05-01",
            "2010-05-01",
            "D1206",
            false,
            "D1206 not covered at age 19 (covered to age 18)",
        ),
        ("2028-05-01", "2010-05-01", "D1206", true, ""), // the 18th birthday
        (
            "2029-05-01",
            "2010-05-01",
            "D1208",
            false,
            "D1208 not covered at age 19",
        ),
        (
            "2016-04-30",
            "2010-05-01",
            "D1351",
            false,
            "D1351 not covered at age 5 (covered from age 6 to 15)",
        ),
        ("2016-05-01", "2010-05-01", "D1351", true, ""), // the 6th birthday
        ("2026-04-30", "2010-05-01", "D1351", true, ""),
        (
            "2026-05-01",
            "2010-05-01",
            "D1351",
            false,
            "not covered at age 16",
        ),
        ("2040-01-01", "2010-05-01", "D1110", true, ""), // not age-limited
        ("2010-05-01", "2010-05-01", "D1206", true, ""), // the day of birth: age 0
        // Born on February 29: the 19th birthday is March 1 in a common year.
        ("2031-02-28", "2012-02-29", "D1206", true, ""),
        (
            "2031-03-01",
            "2012-02-29",
            "D1206",
            false,
            "not covered at age 19",
        ),
        (
            "2032-02-29",
            "2012-02-29",
            "D1206",
            false,
            "not covered at age 20",
        ),
    ];
    for (date, birth, code, covered, note) in cases {
        let s = on(
            date,
            birth,
            vec![kids(json!({}))],
            json!([{"code": code, "fee": "45.00"}]),
        );
        let name = format!("{code} on {date}, born {birth}");
        let (est, patient) = if covered {
            ("45.00", "0.00")
        } else {
            ("0.00", "45.00")
        };
        let notes: Vec<(usize, usize, &str)> = if covered { vec![] } else { vec![(0, 0, note)] };
        check(
            &name,
            s.clone(),
            &[(code, &[(est, "0.00", "0.00")], patient)],
            &notes,
        );
        if !covered {
            let lines = explanation(&s, 0);
            let line = &lines[1];
            assert!(
                line.starts_with("Kids plan: ")
                    && line.contains(note)
                    && line.ends_with(", so the plan pays nothing"),
                "{name}: {lines:?}"
            );
        }
    }
}

#[test]
fn the_explanation_reads_as_the_coordinator_sees_it() {
    let s = on(
        "2029-05-01",
        "2010-05-01",
        vec![kids(json!({}))],
        json!([{"code": "D1206", "fee": "45.00"}]),
    );
    assert_eq!(
        explanation(&s, 0),
        [
            "D1206: office fee $45.00",
            "Kids plan: D1206 not covered at age 19 (covered to age 18), so the plan pays nothing",
            "Patient portion: $45.00 = $45.00",
        ]
    );
}

#[test]
fn outside_the_ages_no_deductible_is_taken() {
    let plan = kids(json!({"deductible": "50.00"}));
    let procs = json!([{"code": "D1206", "fee": "45.00"}, {"code": "D2391", "fee": "200.00"}]);
    // 19: the fluoride is not covered and leaves the deductible to the filling.
    check(
        "age 19",
        on(
            "2029-05-01",
            "2010-05-01",
            vec![plan.clone()],
            procs.clone(),
        ),
        &[
            ("D1206", &[("0.00", "0.00", "0.00")], "45.00"),
            ("D2391", &[("120.00", "0.00", "50.00")], "80.00"),
        ],
        &[(0, 0, "not covered at age 19")],
    );
    // 15: the fluoride takes $45 of it, the filling the other $5.
    check(
        "age 15",
        on("2026-03-10", "2010-05-01", vec![plan], procs),
        &[
            ("D1206", &[("0.00", "0.00", "45.00")], "45.00"),
            ("D2391", &[("156.00", "0.00", "5.00")], "44.00"),
        ],
        &[],
    );
}

#[test]
fn combined_with_maximums_cob_and_the_write_off() {
    let procs = json!([{"code": "D1206", "fee": "45.00"}, {"code": "D2391", "fee": "200.00"}]);
    for (birth, fluoride, filling) in [
        ("2010-05-01", "45.00", "55.00"),
        ("2000-05-01", "0.00", "100.00"),
    ] {
        // Annual max $100: a covered fluoride uses $45 of it; one not covered uses none.
        let plan = kids(json!({"annual_max": "100.00"}));
        let fluoride_patient = if fluoride == "0.00" { "45.00" } else { "0.00" };
        check(
            &format!("annual max, born {birth}"),
            on("2026-03-10", birth, vec![plan], procs.clone()),
            &[
                ("D1206", &[(fluoride, "0.00", "0.00")], fluoride_patient),
                (
                    "D2391",
                    &[(filling, "0.00", "0.00")],
                    if filling == "55.00" {
                        "145.00"
                    } else {
                        "100.00"
                    },
                ),
            ],
            &[],
        );
        let plan = kids(json!({"family_max": "500.00", "used": {"family": "400.00"}}));
        check(
            &format!("family max, born {birth}"),
            on("2026-03-10", birth, vec![plan], procs.clone()),
            &[
                ("D1206", &[(fluoride, "0.00", "0.00")], fluoride_patient),
                (
                    "D2391",
                    &[(filling, "0.00", "0.00")],
                    if filling == "55.00" {
                        "145.00"
                    } else {
                        "100.00"
                    },
                ),
            ],
            &[],
        );
    }
    // The primary's age limit leaves the fluoride to a secondary without one.
    let secondary = pct("Spouse", json!({"cob": "standard"}));
    check(
        "secondary without an age limit",
        on(
            "2030-01-01",
            "2010-05-01",
            vec![kids(json!({})), secondary.clone()],
            json!([{"code": "D1206", "fee": "45.00"}]),
        ),
        &[(
            "D1206",
            &[("0.00", "0.00", "0.00"), ("45.00", "0.00", "0.00")],
            "0.00",
        )],
        &[(0, 0, "not covered at age 19")],
    );
    check(
        "both age-limited",
        on(
            "2030-01-01",
            "2010-05-01",
            vec![kids(json!({})), kids(json!({"cob": "carve_out"}))],
            json!([{"code": "D1206", "fee": "45.00"}]),
        ),
        &[(
            "D1206",
            &[("0.00", "0.00", "0.00"), ("0.00", "0.00", "0.00")],
            "45.00",
        )],
        &[(0, 1, "not covered at age 19")],
    );
    // A PPO still writes off fee − allowed on a procedure it does not cover.
    let plan = ppo(
        "PPO",
        json!({"allowed": {"D1206": "30.00"}, "age_limits": [{"codes": "D1206", "max_age": 18}]}),
    );
    check(
        "PPO write-off",
        on(
            "2030-01-01",
            "2010-05-01",
            vec![plan.clone()],
            json!([{"code": "D1206", "fee": "45.00"}]),
        ),
        &[("D1206", &[("0.00", "15.00", "0.00")], "30.00")],
        &[],
    );
    check(
        "PPO, covered",
        on(
            "2028-01-01",
            "2010-05-01",
            vec![plan],
            json!([{"code": "D1206", "fee": "45.00"}]),
        ),
        &[("D1206", &[("30.00", "15.00", "0.00")], "0.00")],
        &[],
    );
}
