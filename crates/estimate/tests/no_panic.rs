//! No text fed to the scenario parser makes it panic: arbitrary text, arbitrary JSON, a valid
//! scenario with text spliced in, and a valid scenario with any string in any one of its string
//! fields (dates, money, codes, code ranges, benefit year starts, names, periods, teeth, birth
//! dates, map keys).
//! Whatever is wrong comes back as a `ScenarioError`; whatever parses is estimated and rendered,
//! which must not panic either.
use frontdesk_estimate::{run_scenario_json, Cents, Code, CodeRange, CodeSet, ScenarioError};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// A scenario that uses every field of the format.
fn base() -> Value {
    json!({
        "date": "2026-03-10",
        "description": "every field",
        "benefit_year_start": "07-01",
        "plans": [
            {"name": "Delta PPO", "type": "ppo",
             "annual_max": "1000.00", "family_max": "2500.00",
             "deductible": "50.00", "family_deductible": "150.00",
             "deductible_waived": ["D0000-D1999"],
             "code_deductibles": {"D0330": "45.00"},
             "coverage": [{"codes": "D0000-D1999", "percent": 100},
                          {"codes": "D2000-D2999", "percent": 80}],
             "allowed": {"D2740": "900.00", "D2150": "110.00"},
             "copay": {"D0150": "5.00"},
             "downgrades": [{"from": "D2392", "to": "D2150", "posterior_only": true}],
             "age_limits": [{"codes": "D1206,D1208", "min_age": 0, "max_age": 18}],
             "max_exempt": ["D0000-D1999"],
             "frequency": [{"codes": "D1110,D1120", "times": 2, "per": "benefit_year"},
                           {"codes": "D2740", "times": 1, "per": "months", "months": 60,
                            "per_tooth": true}],
             "waiting_periods": [{"codes": "D2700-D2799", "months": 12}],
             "effective": "2025-01-01",
             "exclusions": ["D9972"],
             "used": {"annual": "10.00", "family": "20.00", "deductible": "5.00",
                      "family_deductible": "5.00"},
             "write_off_when_max_reached": true,
             "benefit_year_start": "2026-07-01"},
            {"name": "Spouse", "type": "percentage", "cob": "standard",
             "benefit_year_start": "01-01",
             "coverage": [{"codes": "D2000-D2999", "percent": 50}],
             "downgrades": [{"from": ["D2391-D2394"], "to": "D2150"}]}
        ],
        "patient": {"birth_date": "2010-05-01"},
        "fees": {"D2150": "140.00"},
        "history": [{"code": "D1110", "date": "2026-01-15"},
                    {"code": "D2740", "date": "2022-05-01", "tooth": "3"}],
        "procedures": [{"code": "D2740", "fee": "1200.00", "units": 1, "tooth": "3"},
                       {"code": "D1110", "fee": "95.00"},
                       {"code": "D2392", "fee": "240.00", "tooth": "30"},
                       {"code": "D1206", "fee": "45.00"}]
    })
}

/// Every string value of [`base`], as JSON pointers.
const STRING_FIELDS: &[&str] = &[
    "/date",
    "/description",
    "/benefit_year_start",
    "/plans/0/name",
    "/plans/0/type",
    "/plans/0/annual_max",
    "/plans/0/family_max",
    "/plans/0/deductible",
    "/plans/0/family_deductible",
    "/plans/0/deductible_waived/0",
    "/plans/0/code_deductibles/D0330",
    "/plans/0/coverage/0/codes",
    "/plans/0/coverage/1/codes",
    "/plans/0/allowed/D2740",
    "/plans/0/copay/D0150",
    "/plans/0/frequency/0/codes",
    "/plans/0/frequency/0/per",
    "/plans/0/frequency/1/codes",
    "/plans/0/frequency/1/per",
    "/plans/0/allowed/D2150",
    "/plans/0/downgrades/0/from",
    "/plans/0/downgrades/0/to",
    "/plans/0/age_limits/0/codes",
    "/plans/0/max_exempt/0",
    "/plans/0/waiting_periods/0/codes",
    "/plans/0/effective",
    "/plans/0/exclusions/0",
    "/plans/0/used/annual",
    "/plans/0/used/family",
    "/plans/0/used/deductible",
    "/plans/0/used/family_deductible",
    "/plans/0/benefit_year_start",
    "/plans/1/name",
    "/plans/1/type",
    "/plans/1/cob",
    "/plans/1/benefit_year_start",
    "/plans/1/downgrades/0/from/0",
    "/plans/1/downgrades/0/to",
    "/patient/birth_date",
    "/fees/D2150",
    "/history/0/code",
    "/history/0/date",
    "/history/1/tooth",
    "/procedures/0/code",
    "/procedures/0/fee",
    "/procedures/0/tooth",
    "/procedures/1/code",
    "/procedures/1/fee",
    "/procedures/2/tooth",
    "/procedures/3/code",
];

/// Number and boolean fields of [`base`] (any JSON value is tried in them).
const OTHER_FIELDS: &[&str] = &[
    "/plans/0/frequency/1/months",
    "/plans/0/frequency/1/per_tooth",
    "/plans/0/frequency/1/times",
    "/plans/0/downgrades/0/posterior_only",
    "/plans/0/age_limits/0/min_age",
    "/plans/0/age_limits/0/max_age",
    "/procedures/0/units",
];

/// Objects whose keys are read (codes, or field names).
const KEYED_OBJECTS: &[&str] = &[
    "",
    "/plans/0",
    "/plans/0/code_deductibles",
    "/plans/0/allowed",
    "/plans/0/copay",
    "/plans/0/used",
    "/plans/0/downgrades/0",
    "/plans/0/age_limits/0",
    "/plans/0/frequency/1",
    "/patient",
    "/fees",
    "/history/1",
    "/procedures/0",
];

/// Exactly ten bytes (the length of `YYYY-MM-DD`), with multi-byte characters among digits and
/// dashes, so that byte 5 is often inside a character.
fn ten_bytes() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        Just('0'),
        Just('1'),
        Just('7'),
        Just('-'),
        Just('é'),
        Just('€'),
        Just('𝟘'),
        any::<char>(),
    ];
    (proptest::collection::vec(ch, 0..10), 0usize..10).prop_map(|(chars, pad_at)| {
        let mut s = String::new();
        for c in chars {
            if s.len() + c.len_utf8() <= 10 {
                s.push(c);
            }
        }
        let mut at = pad_at.min(s.len());
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        while s.len() < 10 {
            s.insert(at, '0');
        }
        s
    })
}

/// Text as it may arrive: anything, short text from the characters the parsers look at (digits,
/// separators, letters of codes) mixed with multi-byte characters, ten-byte strings, and dates
/// at the ends of the calendar.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9D\\-,. +_a-z\u{e9}\u{20ac}\u{1d7d8}\u{0}\u{feff}\u{a0}]{0,14}",
        "[0-9]{1,4}-[0-9]{1,3}(-[0-9]{1,3})?",
        ten_bytes(),
        // Dates at and past the ends of the calendar.
        "[+-]?(0|9|26214[0-9]|[0-9]{4,7})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])",
        Just("+262142-12-31".to_string()),
        Just("-262143-01-01".to_string()),
    ]
}

/// Arbitrary JSON values with arbitrary strings (as keys too).
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|x| json!(x)),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((text(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn set(root: &mut Value, pointer: &str, value: Value) {
    *root
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no field {pointer}")) = value;
}

/// Runs the whole pipeline (parse, estimate, render); an error must be a well-formed one.
fn run(input: &str) {
    match run_scenario_json(input, true) {
        Ok(out) => {
            serde_json::from_str::<Value>(&out).expect("the rendered estimate is JSON");
        }
        Err(ScenarioError::Json(m)) => assert!(!m.is_empty()),
        Err(e @ ScenarioError::Field { .. }) => {
            assert!(e.path().is_some());
            let _ = e.to_string();
        }
    }
}

#[test]
fn the_base_scenario_uses_every_field_and_is_valid() {
    let out = run_scenario_json(&base().to_string(), true).expect("base is valid");
    assert!(out.contains("paid as D2150 (alternate benefit)"), "{out}");
    assert!(out.contains("not counted against the maximum"), "{out}");
    assert!(out.contains("last D2740 on #3 on 05/01/2022"), "{out}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn any_text_is_refused_or_estimated(input in text()) {
        run(&input);
    }

    #[test]
    fn any_json_is_refused_or_estimated(v in json_value()) {
        run(&v.to_string());
    }

    #[test]
    fn any_string_in_any_string_field_is_refused_or_estimated(
        field in 0..STRING_FIELDS.len(),
        s in text(),
    ) {
        let mut v = base();
        set(&mut v, STRING_FIELDS[field], Value::String(s));
        run(&v.to_string());
    }

    #[test]
    fn any_value_in_any_string_field_is_refused_or_estimated(
        field in 0..STRING_FIELDS.len(),
        value in json_value(),
    ) {
        let mut v = base();
        set(&mut v, STRING_FIELDS[field], value);
        run(&v.to_string());
    }

    #[test]
    fn any_value_in_any_number_or_flag_field_is_refused_or_estimated(
        field in 0..OTHER_FIELDS.len(),
        value in prop_oneof![json_value(), any::<i64>().prop_map(|n| json!(n)), any::<bool>().prop_map(Value::Bool)],
    ) {
        let mut v = base();
        set(&mut v, OTHER_FIELDS[field], value);
        run(&v.to_string());
    }

    #[test]
    fn any_key_in_any_object_is_refused_or_estimated(
        object in 0..KEYED_OBJECTS.len(),
        key in text(),
        value in prop_oneof![text().prop_map(Value::String), json_value()],
    ) {
        let mut v = base();
        let target = if KEYED_OBJECTS[object].is_empty() {
            &mut v
        } else {
            v.pointer_mut(KEYED_OBJECTS[object]).unwrap()
        };
        target.as_object_mut().unwrap().insert(key, value);
        run(&v.to_string());
    }

    #[test]
    fn text_spliced_into_a_valid_scenario_is_refused_or_estimated(
        at in any::<prop::sample::Index>(),
        cut in any::<bool>(),
        s in text(),
    ) {
        let valid = base().to_string();
        let mut i = at.index(valid.len() + 1);
        while !valid.is_char_boundary(i) {
            i -= 1;
        }
        let spliced = if cut {
            format!("{}{s}", &valid[..i])
        } else {
            format!("{}{s}{}", &valid[..i], &valid[i..])
        };
        run(&spliced);
    }

    #[test]
    fn the_field_parsers_refuse_or_accept_any_text(s in text()) {
        let _ = Code::parse(&s);
        let _ = CodeRange::parse(&s);
        let _ = CodeSet::parse(&s);
        let _ = Cents::parse(&s);
    }
}
