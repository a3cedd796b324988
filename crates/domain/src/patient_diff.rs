//! Which fields an edit changed: the audit log records their names, never their values.
use serde_json::Value;

use crate::PatientDraft;

/// Dotted paths of the draft fields that differ, e.g. `["phone_mobile", "address.city"]`.
pub fn changed_fields(before: &PatientDraft, after: &PatientDraft) -> Vec<String> {
    let a = serde_json::to_value(before).expect("draft serializes");
    let b = serde_json::to_value(after).expect("draft serializes");
    let mut out = Vec::new();
    diff("", &a, &b, &mut out);
    out
}

fn diff(prefix: &str, a: &Value, b: &Value, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                diff(&path, va, y.get(k).unwrap_or(&Value::Null), out);
            }
        }
        _ if a != b => out.push(prefix.to_string()),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_changed_fields_only() {
        let a = PatientDraft {
            last_name: "Marín".into(),
            ..Default::default()
        };
        let mut b = a.clone();
        b.phone_mobile = "555 010 2030".into();
        b.address.city = "Springfield".into();
        assert_eq!(changed_fields(&a, &b), ["address.city", "phone_mobile"]);
        assert!(changed_fields(&a, &a).is_empty());
    }
}
