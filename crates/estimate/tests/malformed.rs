//! Malformed scenarios are rejected with the path of the field at fault and the problem.
use frontdesk_estimate::{run_scenario_json, ScenarioError};
use serde_json::{json, Value};

fn base() -> Value {
    json!({
        "date": "2026-03-10",
        "plans": [
            {"name": "Delta PPO", "type": "ppo", "annual_max": "1000.00", "deductible": "50.00",
             "coverage": [{"codes": "D0000-D1999", "percent": 100}, {"codes": "D2000-D2999", "percent": 80}],
             "allowed": {"D2740": "900.00"},
             "used": {"annual": "0.00", "family": "0.00", "deductible": "0.00"}},
            {"name": "Spouse", "type": "percentage", "cob": "standard",
             "coverage": [{"codes": "D2000-D2999", "percent": 50}]}
        ],
        "history": [{"code": "D1110", "date": "2026-01-15"}],
        "procedures": [{"code": "D2740", "fee": "1200.00", "units": 1}]
    })
}

/// Sets the value at a `/`-separated JSON pointer (creating the last key if needed).
fn with(pointer: &str, value: Value) -> String {
    let mut v = base();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = v.pointer_mut(parent).unwrap_or_else(|| panic!("{parent}"));
    match target {
        Value::Object(m) => {
            m.insert(key.to_string(), value);
        }
        Value::Array(a) => a[key.parse::<usize>().unwrap()] = value,
        _ => panic!("{pointer}"),
    }
    v.to_string()
}

fn without(pointer: &str) -> String {
    let mut v = base();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    v.pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key);
    v.to_string()
}

fn err(input: &str) -> ScenarioError {
    run_scenario_json(input, false).expect_err("should be rejected")
}

#[test]
fn the_base_scenario_is_valid() {
    run_scenario_json(&base().to_string(), true).unwrap();
}

#[test]
fn field_errors_name_the_path_and_the_problem() {
    let cases: Vec<(String, &str)> = vec![
        (
            with("/plans/0/type", json!("hmo")),
            r#"plans[0].type: unknown plan type "hmo" (expected percentage or ppo)"#,
        ),
        (
            with("/plans/0/type", json!(3)),
            "plans[0].type: expected a string, found a number",
        ),
        (without("/plans/0/type"), "plans[0].type: missing"),
        (without("/plans/1/name"), "plans[1].name: missing"),
        (
            with("/plans/0/name", json!(" ")),
            "plans[0].name: empty plan name",
        ),
        (
            with("/plans/0/coverage/1/percent", json!(120)),
            "plans[0].coverage[1].percent: percent 120 is over 100",
        ),
        (
            with("/plans/0/coverage/1/percent", json!(-5)),
            "plans[0].coverage[1].percent: negative percent -5",
        ),
        (
            with("/plans/0/coverage/1/percent", json!("80")),
            "plans[0].coverage[1].percent: expected a number from 0 to 100, found a string",
        ),
        (
            with("/plans/0/coverage/1/percent", json!(33.333)),
            "plans[0].coverage[1].percent: percent 33.333 has more than two decimal places",
        ),
        (
            with("/plans/0/coverage/1/codes", json!("D2999-D2000")),
            r#"plans[0].coverage[1].codes: bad code range "D2999-D2000" (start after end)"#,
        ),
        (
            with("/plans/0/coverage/1/codes", json!("D2000-X")),
            r#"plans[0].coverage[1].codes: bad code range "D2000-X" (expected e.g. D2000-D2999)"#,
        ),
        (
            with("/plans/0/coverage/1/codes", json!("")),
            "plans[0].coverage[1].codes: empty code list",
        ),
        (
            with("/procedures/0/fee", json!("-10.00")),
            r#"procedures[0].fee: negative amount "-10.00""#,
        ),
        (
            with("/procedures/0/fee", json!(-10)),
            "procedures[0].fee: negative amount -10",
        ),
        (
            with("/procedures/0/fee", json!(1200)),
            r#"procedures[0].fee: expected a money string such as "120.00", found a number"#,
        ),
        (
            with("/procedures/0/fee", json!("12.345")),
            r#"procedures[0].fee: "12.345" has more than two decimal places"#,
        ),
        (
            with("/procedures/0/fee", json!("twelve")),
            r#"procedures[0].fee: not a money amount "twelve" (expected e.g. "120.00")"#,
        ),
        (
            with("/procedures/0/code", json!("2740")),
            r#"procedures[0].code: bad procedure code "2740" (expected a letter and four digits, e.g. D2740)"#,
        ),
        (
            with("/procedures/0/units", json!(0)),
            "procedures[0].units: 0 is out of range (expected 1 to 1000)",
        ),
        (
            with("/procedures/0/units", json!(1.5)),
            "procedures[0].units: expected a whole number from 1 to 1000, found 1.5",
        ),
        (without("/procedures/0/fee"), "procedures[0].fee: missing"),
        (
            with("/procedures/0/colour", json!("red")),
            "procedures[0].colour: unknown field (expected one of: code, fee, units)",
        ),
        (
            with("/plans/0/allowed/D27X0", json!("900.00")),
            r#"plans[0].allowed.D27X0: bad procedure code "D27X0""#,
        ),
        (
            with("/plans/0/allowed/D2740", json!("-1")),
            r#"plans[0].allowed.D2740: negative amount "-1""#,
        ),
        (
            with("/plans/1/allowed", json!({"D2740": "900.00"})),
            "plans[1].allowed: only ppo plans have an allowed-fee schedule",
        ),
        (
            with("/plans/0/cob", json!("standard")),
            "plans[0].cob: only secondary plans coordinate benefits",
        ),
        (
            with("/plans/1/cob", json!("primary_first")),
            r#"plans[1].cob: unknown coordination of benefits "primary_first" (expected basic, standard or carve_out)"#,
        ),
        (
            with("/plans/0/used/annual", json!("abc")),
            r#"plans[0].used.annual: not a money amount "abc""#,
        ),
        (
            with("/plans/0/used/extra", json!("1.00")),
            "plans[0].used.extra: unknown field",
        ),
        (
            with("/plans/0/annual_max", json!("-1000.00")),
            r#"plans[0].annual_max: negative amount "-1000.00""#,
        ),
        (
            with("/plans/0/deductible_waived", json!(["D0000-D1999", "D1"])),
            r#"plans[0].deductible_waived[1]: bad procedure code "D1""#,
        ),
        (
            with("/plans/0/exclusions", json!(7)),
            "plans[0].exclusions: expected an array, found a number",
        ),
        (
            with(
                "/plans/0/frequency",
                json!([{"codes": "D1110", "times": 2, "per": "decade"}]),
            ),
            r#"plans[0].frequency[0].per: unknown period "decade""#,
        ),
        (
            with(
                "/plans/0/frequency",
                json!([{"codes": "D1110", "per": "benefit_year"}]),
            ),
            "plans[0].frequency[0].times: missing",
        ),
        (
            with(
                "/plans/0/waiting_periods",
                json!([{"codes": "D2700-D2799", "months": 12}]),
            ),
            "plans[0].waiting_periods: needs plans[0].effective",
        ),
        (
            with("/plans/0/effective", json!("2025-13-01")),
            r#"plans[0].effective: bad date "2025-13-01" (expected YYYY-MM-DD)"#,
        ),
        (
            with("/plans/0/write_off_when_max_reached", json!("yes")),
            "plans[0].write_off_when_max_reached: expected true or false, found a string",
        ),
        (
            with("/plans/0/benefit_year_start", json!("02-30")),
            r#"plans[0].benefit_year_start: bad benefit year start "02-30""#,
        ),
        (
            with("/plans/0/code_deductibles", json!({"D0330": "4.999"})),
            "plans[0].code_deductibles.D0330: \"4.999\" has more than two decimal places",
        ),
        (
            with("/plans/0/copay", json!(["D0150"])),
            "plans[0].copay: expected an object of code → amount, found an array",
        ),
        (
            with("/history/0/date", json!("yesterday")),
            r#"history[0].date: bad date "yesterday""#,
        ),
        (
            with("/date", json!("03/10/2026")),
            r#"date: bad date "03/10/2026" (expected YYYY-MM-DD)"#,
        ),
        (without("/date"), "date: missing"),
        (without("/procedures"), "procedures: missing"),
        (
            with("/plans", json!({})),
            "plans: expected an array, found an object",
        ),
        (
            with("/plans/1", json!("Spouse")),
            "plans[1]: expected an object, found a string",
        ),
        (with("/hmo", json!(1)), "hmo: unknown field"),
    ];
    for (input, want) in cases {
        let e = err(&input);
        let msg = e.to_string();
        assert!(msg.starts_with(want), "\n got: {msg}\nwant: {want}…");
        let path = want.split(':').next().unwrap();
        assert_eq!(e.path(), Some(path), "{msg}");
    }
}

#[test]
fn bad_json_is_reported_with_its_position() {
    for input in [
        "",
        "{",
        "{\"date\": }",
        "not json",
        "{\"date\": \"2026-03-10\",}",
    ] {
        let e = err(input);
        assert!(matches!(e, ScenarioError::Json(_)), "{input:?}: {e:?}");
        assert!(e.to_string().starts_with("invalid JSON: "), "{e}");
        assert!(e.to_string().contains("line 1"), "{e}");
    }
    assert_eq!(
        err("[1, 2]").to_string(),
        "(top level): expected an object, found an array"
    );
}

#[test]
fn optional_fields_may_be_left_out_or_null() {
    let minimal = json!({"date": "2026-03-10", "procedures": [{"code": "D0150", "fee": "95.00"}]});
    let out: Value =
        serde_json::from_str(&run_scenario_json(&minimal.to_string(), false).unwrap()).unwrap();
    assert_eq!(out["procedures"][0]["patient"], "95.00");
    assert_eq!(out["procedures"][0]["plans"], json!([]));
    run_scenario_json(&with("/plans/0/annual_max", Value::Null), false).unwrap();
}
