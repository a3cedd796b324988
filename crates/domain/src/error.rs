//! Validation errors name the field and the problem, never the value (values may be PHI).
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct FieldError {
    /// The field's name as the UI knows it, e.g. `last_name`, `phone_mobile`.
    pub field: String,
    /// What is wrong, in words a coordinator understands. Never contains the value.
    pub problem: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            problem: problem.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", summary(.0))]
pub struct ValidationErrors(pub Vec<FieldError>);

fn summary(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.problem))
        .collect::<Vec<_>>()
        .join("; ")
}

impl ValidationErrors {
    pub fn first_field(&self) -> Option<&str> {
        self.0.first().map(|e| e.field.as_str())
    }
}

/// Why a typed-in value (an amount, a code) could not be read, in a coordinator's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ParseProblem(pub String);

impl From<ParseProblem> for String {
    fn from(p: ParseProblem) -> String {
        p.0
    }
}
