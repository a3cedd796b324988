//! The shared example scenarios (copied from shared/estimates/ into tests/examples/): every field
//! the expected file contains must match the engine's output.
use frontdesk_estimate::run_scenario_json;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/examples")
}

/// Every key/value in `expected` is present and equal in `actual`; arrays must have the same length.
fn assert_subset(expected: &Value, actual: &Value, path: &str) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let av = a
                    .get(k)
                    .unwrap_or_else(|| panic!("{path}.{k}: missing in the output"));
                assert_subset(ev, av, &format!("{path}.{k}"));
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            assert_eq!(e.len(), a.len(), "{path}: length");
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                assert_subset(ev, av, &format!("{path}[{i}]"));
            }
        }
        _ => assert_eq!(expected, actual, "{path}"),
    }
}

fn scenario_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(examples_dir())
        .expect("tests/examples")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".json") && !name.ends_with(".expected.json")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_example_matches_its_expected_file() {
    let files = scenario_files();
    assert!(
        files.len() >= 2,
        "the shared examples are missing from tests/examples"
    );
    for file in files {
        let expected_file = file.with_extension("expected.json");
        let input = std::fs::read_to_string(&file).unwrap();
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&expected_file).unwrap()).unwrap();
        for explain in [false, true] {
            let out = run_scenario_json(&input, explain)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let actual: Value = serde_json::from_str(&out).unwrap();
            assert_subset(
                &expected,
                &actual,
                &file.file_name().unwrap().to_string_lossy(),
            );
            let procs = actual["procedures"].as_array().unwrap();
            assert!(procs
                .iter()
                .all(|p| p.get("explanation").is_some() == explain));
        }
    }
}

#[test]
fn explanation_of_the_secondary_example() {
    let input = std::fs::read_to_string(examples_dir().join("example-ppo-secondary.json")).unwrap();
    let out: Value = serde_json::from_str(&run_scenario_json(&input, true).unwrap()).unwrap();
    let lines: Vec<&str> = out["procedures"][0]["explanation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert_eq!(
        lines,
        [
            "D2392: office fee $200.00",
            "Primary PPO: allowed fee $150.00 (office fee $200.00)",
            "Primary PPO: plan pays 80% of $150.00 = $120.00",
            "Primary PPO: write-off $50.00 (office fee $200.00 − allowed $150.00)",
            "Spouse plan: deductible $25.00 applied ($0.00 of it left this benefit year)",
            "Spouse plan: plan pays 80% of $175.00 = $140.00",
            "Spouse plan (carve-out COB): $140.00 it would pay alone − $120.00 paid by earlier plans = $20.00",
            "Patient portion: $200.00 − $140.00 insurance − $50.00 write-off = $10.00",
        ]
    );
}

#[test]
fn output_has_the_readme_shape() {
    let input = std::fs::read_to_string(examples_dir().join("example-percentage.json")).unwrap();
    let text = run_scenario_json(&input, false).unwrap();
    // Field order as in the README (serde_json::Value would sort keys, so look at the text).
    let first = &text[..text.find("\"code\": \"D2391\"").unwrap()];
    let order = [
        "\"procedures\"",
        "\"code\"",
        "\"fee\"",
        "\"plans\"",
        "\"plan\"",
        "\"estimate\"",
        "\"write_off\"",
        "\"deductible\"",
        "\"notes\"",
        "\"patient\"",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|k| first.find(k).unwrap_or_else(|| panic!("{k} missing")))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{first}");
    assert!(
        text.starts_with("{\n  \"procedures\": ["),
        "pretty-printed: {text}"
    );
    assert!(!text.contains("explanation"));
    let out: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        out["procedures"][0]["plans"][0]["notes"],
        Value::Array(vec![])
    );
}
