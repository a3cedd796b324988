//! The communication log: who contacted a patient, how, about what, and what came of it.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::patient::PatientId;
use crate::{FieldError, ValidationErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ContactMethodUsed {
    Call,
    Text,
    Email,
    InPerson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ContactOutcome {
    Confirmed,
    LeftMessage,
    NoAnswer,
    WillCancel,
    Other,
}

macro_rules! words {
    ($t:ty { $($v:ident => $s:literal),* }) => {
        impl $t {
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$v => $s),* }
            }
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($s => Some(Self::$v),)* _ => None }
            }
        }
    };
}
words!(ContactMethodUsed { Call => "call", Text => "text", Email => "email", InPerson => "in_person" });
words!(ContactOutcome { Confirmed => "confirmed", LeftMessage => "left_message", NoAnswer => "no_answer", WillCancel => "will_cancel", Other => "other" });

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ContactDraft {
    pub method: ContactMethodUsed,
    pub outcome: ContactOutcome,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ContactEntry {
    pub id: i64,
    pub patient_id: PatientId,
    pub appointment_id: Option<i64>,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub method: ContactMethodUsed,
    pub outcome: ContactOutcome,
    pub note: String,
}

/// Trims the note; at most 1000 characters.
pub fn validate_contact(d: &ContactDraft) -> Result<ContactDraft, ValidationErrors> {
    let mut d = d.clone();
    d.note = d.note.trim().to_string();
    if d.note.chars().count() > 1000 {
        return Err(ValidationErrors(vec![FieldError::new(
            "note",
            "is longer than 1000 characters",
        )]));
    }
    Ok(d)
}
