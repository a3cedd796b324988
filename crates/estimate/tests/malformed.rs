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
            "procedures[0].colour: unknown field (expected one of: code, fee, units, tooth)",
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
    check_all(cases);
}

fn check_all(cases: Vec<(String, &str)>) {
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

#[test]
fn a_benefit_year_start_with_non_ascii_text_is_a_field_error() {
    // Ten bytes, like `YYYY-MM-DD`, but not ASCII: byte 5 is inside a character, or the month and
    // day after it are not digits.
    for (pointer, path) in [
        ("/benefit_year_start", "benefit_year_start"),
        ("/plans/0/benefit_year_start", "plans[0].benefit_year_start"),
    ] {
        for bad in ["ééééé", "2026é07-0", "123€5-01", "2026-€7-"] {
            assert_eq!(bad.len(), 10, "{bad}");
            let e = err(&with(pointer, json!(bad)));
            assert_eq!(e.path(), Some(path), "{bad}: {e}");
            assert_eq!(
                e.to_string(),
                format!("{path}: bad benefit year start \"{bad}\" (expected MM-DD, e.g. 07-01)")
            );
        }
    }
}

fn frequency(row: Value) -> String {
    with("/plans/0/frequency", json!([row]))
}

fn downgrade(plan: usize, row: Value) -> String {
    with(&format!("/plans/{plan}/downgrades"), json!([row]))
}

fn age_limit(row: Value) -> String {
    with("/plans/0/age_limits", json!([row]))
}

#[test]
fn the_fields_of_alternate_benefits_age_limits_max_exempt_and_teeth_name_their_path() {
    let d2150 = json!({"from": "D2392", "to": "D2150"});
    let cases: Vec<(String, &str)> = vec![
        (
            with("/procedures/0/tooth", json!("33")),
            r#"procedures[0].tooth: bad tooth "33" (expected 1 to 32, or A to T for primary teeth)"#,
        ),
        (
            with("/procedures/0/tooth", json!("03")),
            r#"procedures[0].tooth: bad tooth "03""#,
        ),
        (
            with("/procedures/0/tooth", json!(3)),
            "procedures[0].tooth: expected a string, found a number",
        ),
        (
            with("/history/0/tooth", json!("UR")),
            r#"history[0].tooth: bad tooth "UR""#,
        ),
        (
            with("/history/0/shade", json!("A2")),
            "history[0].shade: unknown field (expected one of: code, date, tooth)",
        ),
        (
            downgrade(0, d2150.clone()),
            "plans[0].downgrades[0].to: no allowed fee for D2150 (add it to the plan's allowed fees)",
        ),
        (
            downgrade(1, d2150.clone()),
            "plans[1].downgrades[0].to: no office fee for D2150 (add it to fees)",
        ),
        (
            downgrade(1, json!({"from": "D2392"})),
            "plans[1].downgrades[0].to: missing",
        ),
        (
            downgrade(1, json!({"to": "D2150"})),
            "plans[1].downgrades[0].from: missing",
        ),
        (
            downgrade(1, json!({"from": "D2394-D2391", "to": "D2150"})),
            r#"plans[1].downgrades[0].from: bad code range "D2394-D2391" (start after end)"#,
        ),
        (
            downgrade(1, json!({"from": [], "to": "D2150"})),
            "plans[1].downgrades[0].from: empty code list",
        ),
        (
            downgrade(1, json!({"from": "D2392", "to": "D2150-D2160"})),
            r#"plans[1].downgrades[0].to: bad procedure code "D2150-D2160""#,
        ),
        (
            downgrade(
                1,
                json!({"from": "D2392", "to": "D2150", "posterior_only": "yes"}),
            ),
            "plans[1].downgrades[0].posterior_only: expected true or false, found a string",
        ),
        (
            downgrade(1, json!({"from": "D2392", "to": "D2150", "posterior": true})),
            "plans[1].downgrades[0].posterior: unknown field (expected one of: from, to, posterior_only)",
        ),
        (
            age_limit(json!({"codes": "D1206"})),
            "plans[0].age_limits[0].max_age: missing",
        ),
        (
            age_limit(json!({"codes": "D1206", "min_age": 19, "max_age": 18})),
            "plans[0].age_limits[0].min_age: 19 is above max_age 18",
        ),
        (
            age_limit(json!({"codes": "D1206", "max_age": -1})),
            "plans[0].age_limits[0].max_age: expected a whole number from 0 to 150, found -1",
        ),
        (
            age_limit(json!({"codes": "D1206", "max_age": 200})),
            "plans[0].age_limits[0].max_age: 200 is out of range (expected 0 to 150)",
        ),
        (
            age_limit(json!({"codes": "D1206", "max_age": "18"})),
            "plans[0].age_limits[0].max_age: expected a whole number, found a string",
        ),
        (
            age_limit(json!({"codes": "", "max_age": 18})),
            "plans[0].age_limits[0].codes: empty code list",
        ),
        (
            age_limit(json!({"codes": "D1206", "max_age": 18, "max": 18})),
            "plans[0].age_limits[0].max: unknown field (expected one of: codes, min_age, max_age)",
        ),
        (
            age_limit(json!({"codes": "D2700-D2799", "max_age": 18})),
            "patient.birth_date: missing: procedures[0] (D2740) is age-limited by plans[0].age_limits[0]",
        ),
        (
            with("/patient", json!({"birth_date": "2010-02-30"})),
            r#"patient.birth_date: bad date "2010-02-30" (expected YYYY-MM-DD)"#,
        ),
        (
            with("/patient", json!({"birth_date": "2026-03-11"})),
            "patient.birth_date: is after the date of service",
        ),
        (
            with("/patient", json!({"age": 15})),
            "patient.age: unknown field (expected one of: birth_date)",
        ),
        (
            with("/patient", json!("2010-05-01")),
            "patient: expected an object, found a string",
        ),
        (
            with("/fees", json!({"D21X0": "140.00"})),
            r#"fees.D21X0: bad procedure code "D21X0""#,
        ),
        (
            with("/fees", json!({"D2150": "-140.00"})),
            r#"fees.D2150: negative amount "-140.00""#,
        ),
        (
            with("/fees", json!([["D2150", "140.00"]])),
            "fees: expected an object of code → amount, found an array",
        ),
        (
            with("/plans/0/max_exempt", json!(["D0000-D1999", "D1"])),
            r#"plans[0].max_exempt[1]: bad procedure code "D1""#,
        ),
        (
            with("/plans/0/max_exempt", json!(7)),
            "plans[0].max_exempt: expected an array, found a number",
        ),
        (
            frequency(json!({"codes": "D2740", "times": 1, "per": "months", "months": 0})),
            "plans[0].frequency[0].months: 0 is out of range (expected 1 to 1200)",
        ),
        (
            frequency(json!({"codes": "D2740", "times": 1, "per": "months", "months": -6})),
            "plans[0].frequency[0].months: expected a whole number from 1 to 1200, found -6",
        ),
        (
            frequency(json!({"codes": "D2740", "times": 1, "per": "months", "months": 1201})),
            "plans[0].frequency[0].months: 1201 is out of range (expected 1 to 1200)",
        ),
        (
            frequency(json!({"codes": "D2740", "times": 1, "per": "months"})),
            "plans[0].frequency[0].months: missing (per months needs how many)",
        ),
        (
            frequency(json!({"codes": "D2740", "times": 1, "per": "benefit_year", "months": 60})),
            r#"plans[0].frequency[0].months: only with "per": "months""#,
        ),
        (
            frequency(json!({"codes": "D2740", "times": 1, "months": 60})),
            r#"plans[0].frequency[0].months: only with "per": "months""#,
        ),
        (
            frequency(json!({"codes": "D2740", "times": 1, "per": "months", "months": 60, "per_tooth": "yes"})),
            "plans[0].frequency[0].per_tooth: expected true or false, found a string",
        ),
        (
            frequency(json!({"codes": "D2740", "times": 1, "per": "0_months"})),
            r#"plans[0].frequency[0].per: unknown period "0_months" (expected benefit_year, calendar_year, lifetime, months or N_months)"#,
        ),
        (
            frequency(json!({"codes": "D2740", "times": 1, "window": 60})),
            "plans[0].frequency[0].window: unknown field (expected one of: codes, times, per, months, per_tooth)",
        ),
    ];
    check_all(cases);
}

/// The fields exactly as the issue writes them, so scenario files written elsewhere run unchanged.
#[test]
fn the_new_fields_as_written_elsewhere_are_read() {
    let mut v = base();
    v["patient"] = json!({"birth_date": "2010-05-01"});
    v["fees"] = json!({"D2150": "140.00"});
    v["history"] = json!([{"code": "D2740", "date": "2022-05-01", "tooth": "3"}]);
    v["procedures"] = json!([{"code": "D2392", "fee": "240.00", "tooth": "30"},
                             {"code": "D1206", "fee": "45.00"},
                             {"code": "D2740", "fee": "1200.00", "units": 1, "tooth": "3"}]);
    let p = &mut v["plans"][0];
    p["allowed"]["D2150"] = json!("110.00");
    p["downgrades"] = json!([{"from": "D2392", "to": "D2150", "posterior_only": true}]);
    p["age_limits"] = json!([{"codes": "D1206,D1208", "max_age": 18}]);
    p["max_exempt"] = json!(["D0000-D1999"]);
    p["frequency"] =
        json!([{"codes": "D2740", "times": 1, "per": "months", "months": 60, "per_tooth": true}]);
    v["plans"][1]["downgrades"] = json!([{"from": "D2391-D2394", "to": "D2150"}]);
    v["plans"][1]["age_limits"] = json!([{"codes": "D1206", "min_age": 6, "max_age": 18}]);
    let s = frontdesk_estimate::parse_scenario(&v.to_string()).unwrap();
    assert_eq!(s.plans[0].downgrades.len(), 1);
    assert!(s.plans[0].downgrades[0].posterior_only);
    assert!(
        !s.plans[1].downgrades[0].posterior_only,
        "defaults to false"
    );
    assert_eq!(s.plans[1].age_limits[0].min_age, 6);
    assert_eq!(s.plans[0].age_limits[0].min_age, 0, "defaults to 0");
    assert!(s.plans[0].frequency[0].per_tooth);
    assert_eq!(
        s.plans[0].frequency[0].per,
        frontdesk_estimate::FrequencyPeriod::Months(60)
    );
    assert_eq!(s.history[0].tooth.unwrap().to_string(), "3");
    assert_eq!(s.birth_date.unwrap().to_string(), "2010-05-01");
    run_scenario_json(&v.to_string(), true).unwrap();
}
