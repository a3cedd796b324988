//! The patient record (domain.md "Core records → Patient").
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::family::Relationship;

pub type PatientId = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
    Other,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum PatientStatus {
    Active,
    Inactive,
    /// Archived records are hidden from search by default but never deleted.
    Archived,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ContactMethod {
    Call,
    Text,
    Email,
    Mail,
    None,
}

macro_rules! text_enum {
    ($t:ty { $($v:ident => $s:literal),* $(,)? }) => {
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
text_enum!(Sex { Female => "female", Male => "male", Other => "other", Unknown => "unknown" });
text_enum!(PatientStatus { Active => "active", Inactive => "inactive", Archived => "archived" });
text_enum!(ContactMethod { Call => "call", Text => "text", Email => "email", Mail => "mail", None => "none" });

#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Address {
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub country: String,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ContactPreferences {
    pub preferred: ContactMethod,
    pub ok_voicemail: bool,
    pub ok_text: bool,
    pub ok_email: bool,
}

impl Default for ContactPreferences {
    fn default() -> Self {
        Self {
            preferred: ContactMethod::Call,
            ok_voicemail: false,
            ok_text: false,
            ok_email: false,
        }
    }
}

#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct MedicalAlerts {
    /// e.g. "Penicillin, latex". Empty when none known.
    pub allergies: String,
    /// Antibiotic premedication required before treatment.
    pub premedication: bool,
    /// Other alerts shown in the red banner (conditions, "bleeds easily", …).
    pub alerts: String,
}

impl MedicalAlerts {
    pub fn any(&self) -> bool {
        self.premedication || !self.allergies.trim().is_empty() || !self.alerts.trim().is_empty()
    }
}

#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct EmergencyContact {
    pub name: String,
    pub relationship: String,
    pub phone: String,
}

/// What a coordinator types when creating or editing a patient. Dates are ISO `YYYY-MM-DD`
/// (the UI accepts other spellings and normalises them before sending).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct PatientDraft {
    pub last_name: String,
    pub first_name: String,
    pub middle_name: String,
    pub preferred_name: String,
    pub date_of_birth: String,
    pub sex: Option<Sex>,
    pub address: Address,
    pub phone_home: String,
    pub phone_mobile: String,
    pub phone_work: String,
    pub email: String,
    pub contact: ContactPreferences,
    /// Empty: the next free chart number is assigned.
    pub chart_number: String,
    pub status: Option<PatientStatus>,
    pub medical: MedicalAlerts,
    pub notes: String,
    pub emergency_contact: EmergencyContact,
    pub referral_source: String,
}

/// Who created and last changed a record, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct RecordMeta {
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
    /// Incremented on every change; an edit must name the version it started from.
    pub version: i64,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Patient {
    pub id: PatientId,
    pub last_name: String,
    pub first_name: String,
    pub middle_name: String,
    pub preferred_name: String,
    pub date_of_birth: NaiveDate,
    pub sex: Sex,
    pub address: Address,
    pub phone_home: String,
    pub phone_mobile: String,
    pub phone_work: String,
    pub email: String,
    pub contact: ContactPreferences,
    pub chart_number: String,
    pub status: PatientStatus,
    pub medical: MedicalAlerts,
    pub notes: String,
    pub emergency_contact: EmergencyContact,
    pub referral_source: String,
    /// The responsible party; `None` when the patient is their own guarantor.
    pub guarantor_id: Option<PatientId>,
    pub relationship_to_guarantor: Relationship,
    pub meta: RecordMeta,
}

// PHI must never reach a log or panic message: Debug prints the id only.
macro_rules! redacted_debug {
    ($($t:ty),*) => {$(
        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($t), "([redacted])"))
            }
        }
    )*};
}
redacted_debug!(
    PatientDraft,
    Address,
    ContactPreferences,
    MedicalAlerts,
    EmergencyContact
);

impl fmt::Debug for Patient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Patient(id={}, [redacted])", self.id)
    }
}

impl Patient {
    /// The draft that reproduces this record (used to edit it).
    pub fn to_draft(&self) -> PatientDraft {
        PatientDraft {
            last_name: self.last_name.clone(),
            first_name: self.first_name.clone(),
            middle_name: self.middle_name.clone(),
            preferred_name: self.preferred_name.clone(),
            date_of_birth: self.date_of_birth.format("%Y-%m-%d").to_string(),
            sex: Some(self.sex),
            address: self.address.clone(),
            phone_home: self.phone_home.clone(),
            phone_mobile: self.phone_mobile.clone(),
            phone_work: self.phone_work.clone(),
            email: self.email.clone(),
            contact: self.contact.clone(),
            chart_number: self.chart_number.clone(),
            status: Some(self.status),
            medical: self.medical.clone(),
            notes: self.notes.clone(),
            emergency_contact: self.emergency_contact.clone(),
            referral_source: self.referral_source.clone(),
        }
    }

    /// The first phone number on file, mobile first.
    pub fn primary_phone(&self) -> &str {
        [&self.phone_mobile, &self.phone_home, &self.phone_work]
            .into_iter()
            .find(|p| !p.trim().is_empty())
            .map(|s| s.as_str())
            .unwrap_or("")
    }
}

/// One search hit: just enough to pick the right patient.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PatientSummary {
    pub id: PatientId,
    pub last_name: String,
    pub first_name: String,
    pub preferred_name: String,
    pub date_of_birth: NaiveDate,
    pub chart_number: String,
    pub phone: String,
    pub status: PatientStatus,
    pub has_alerts: bool,
    pub guarantor_id: Option<PatientId>,
}

impl fmt::Debug for PatientSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PatientSummary(id={}, [redacted])", self.id)
    }
}
