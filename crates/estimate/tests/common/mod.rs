//! Helpers for the table tests: plans and scenarios in the JSON format, and a checker of the
//! runner's figures and notes.
#![allow(dead_code)]
use frontdesk_estimate::run_scenario_json;
use serde_json::{json, Value};

/// (estimate, write-off, deductible) per plan, then the patient portion.
pub type Want<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)], &'a str);

pub fn check(name: &str, scenario: Value, want: &[Want<'_>], notes: &[(usize, usize, &str)]) {
    let out =
        run_scenario_json(&scenario.to_string(), true).unwrap_or_else(|e| panic!("{name}: {e}"));
    let out: Value = serde_json::from_str(&out).unwrap();
    let procs = out["procedures"].as_array().unwrap();
    assert_eq!(procs.len(), want.len(), "{name}");
    for (i, (p, (code, plans, patient))) in procs.iter().zip(want).enumerate() {
        let ctx = format!(
            "{name}, procedure {i}: {}",
            serde_json::to_string_pretty(p).unwrap()
        );
        assert_eq!(p["code"], *code, "{ctx}");
        assert_eq!(p["patient"], *patient, "{ctx}");
        assert_eq!(p["plans"].as_array().unwrap().len(), plans.len(), "{ctx}");
        for (k, (est, wo, ded)) in plans.iter().enumerate() {
            let got = &p["plans"][k];
            assert_eq!(
                (&got["estimate"], &got["write_off"], &got["deductible"]),
                (&json!(est), &json!(wo), &json!(ded)),
                "{ctx}"
            );
        }
    }
    for (proc, plan, text) in notes {
        let got = &procs[*proc]["plans"][*plan]["notes"];
        assert!(
            got.as_array()
                .unwrap()
                .iter()
                .any(|n| n.as_str().unwrap().contains(text)),
            "{name}: notes {got} lack {text:?}"
        );
    }
}

pub fn pct(name: &str, extra: Value) -> Value {
    let mut p = json!({"name": name, "type": "percentage",
        "coverage": [{"codes": "D0000-D1999", "percent": 100}, {"codes": "D2000-D2999", "percent": 80}]});
    p.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    p
}

pub fn ppo(name: &str, extra: Value) -> Value {
    let mut p = pct(name, json!({"type": "ppo"}));
    p.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    p
}

pub fn scenario(plans: Vec<Value>, procedures: Value) -> Value {
    json!({"date": "2026-03-10", "plans": plans, "procedures": procedures})
}

/// The explanation lines of procedure `i`.
pub fn explanation(scenario: &Value, i: usize) -> Vec<String> {
    let out = run_scenario_json(&scenario.to_string(), true).unwrap();
    let out: Value = serde_json::from_str(&out).unwrap();
    out["procedures"][i]["explanation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_string())
        .collect()
}

/// Merges `extra`'s fields into the object `v`.
pub fn extend(mut v: Value, extra: Value) -> Value {
    v.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    v
}
