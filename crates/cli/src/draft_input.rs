//! `frontdesk patient add FILE`: a patient as JSON, where fields left out take their empty
//! defaults (so `{"last_name":…,"first_name":…,"date_of_birth":…}` is a whole patient).
use frontdesk_app::{AppError, ErrorCode};
use frontdesk_domain::PatientDraft;
use serde_json::Value;

pub fn parse_draft(text: &str) -> Result<PatientDraft, AppError> {
    let given: Value = serde_json::from_str(text).map_err(|e| {
        AppError::new(
            ErrorCode::Validation,
            format!(
                "the patient JSON is malformed at line {}, column {}",
                e.line(),
                e.column()
            ),
        )
    })?;
    if !given.is_object() {
        return Err(AppError::new(
            ErrorCode::Validation,
            "the patient JSON must be an object",
        ));
    }
    let mut full = serde_json::to_value(PatientDraft::default()).expect("a draft is JSON");
    merge(&mut full, given);
    serde_json::from_value(full).map_err(|e| {
        AppError::new(
            ErrorCode::Validation,
            format!("the patient JSON does not fit a patient: {e}"),
        )
    })
}

fn merge(base: &mut Value, given: Value) {
    match (base, given) {
        (Value::Object(b), Value::Object(g)) => {
            for (k, v) in g {
                match b.get_mut(&k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (slot, v) => *slot = v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_left_out_fields_and_keeps_given_nested_ones() {
        let d = parse_draft(
            r#"{"last_name":"Doe","address":{"city":"Austin"},"medical":{"premedication":true}}"#,
        )
        .unwrap();
        assert_eq!(d.last_name, "Doe");
        assert_eq!(d.address.city, "Austin");
        assert_eq!(d.address.line1, "");
        assert!(d.medical.premedication);
        assert_eq!(d.first_name, "");
    }

    #[test]
    fn refuses_malformed_and_misshapen_json() {
        assert!(parse_draft(r#"{"last_name":"#)
            .unwrap_err()
            .message
            .contains("malformed"));
        assert!(parse_draft("[1]").unwrap_err().message.contains("object"));
        assert!(parse_draft(r#"{"sex":"x"}"#)
            .unwrap_err()
            .message
            .contains("does not fit"));
        assert!(parse_draft(r#"{"unknown_field":1}"#)
            .unwrap_err()
            .message
            .contains("does not fit"));
    }
}
