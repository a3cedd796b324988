//! The office's document settings: the statement note, due days and batch-run defaults, and the
//! check-in packet's policy and consent texts (edited in settings; defaults ship with FrontDesk).
use frontdesk_access::Permission;
use frontdesk_documents::{default_policy_texts, Letterhead, PolicyTexts};
use frontdesk_domain::FieldError;
use serde::{Deserialize, Serialize};

use crate::{App, AppError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct DocumentSettings {
    /// Printed at the foot of every statement (e.g. "Thank you — call us about payment plans").
    pub statement_note: String,
    /// The statement's due date is this many days after the statement date (1–90).
    pub statement_due_days: i64,
    /// Batch runs: only guarantors owing more than this (cents, ≥ 0)…
    pub statement_min_balance_cents: i64,
    /// …and with no statement in the last this many days (0–365).
    pub statement_skip_days: i64,
    pub hipaa_text: String,
    pub financial_policy_text: String,
    pub treatment_consent_text: String,
    pub photo_consent_text: String,
    /// Cosmetic offices: every patient's packet includes the before/after photo consent.
    pub photo_consent_for_all: bool,
}

impl Default for DocumentSettings {
    fn default() -> Self {
        let t = default_policy_texts();
        Self {
            statement_note: "Thank you. Please call us if you would like to set up a payment plan."
                .into(),
            statement_due_days: 21,
            statement_min_balance_cents: 500,
            statement_skip_days: 28,
            hipaa_text: t.hipaa,
            financial_policy_text: t.financial,
            treatment_consent_text: t.treatment_consent,
            photo_consent_text: t.photo_consent,
            photo_consent_for_all: false,
        }
    }
}

impl DocumentSettings {
    pub(crate) fn policy_texts(&self) -> PolicyTexts {
        PolicyTexts {
            hipaa: self.hipaa_text.clone(),
            financial: self.financial_policy_text.clone(),
            treatment_consent: self.treatment_consent_text.clone(),
            photo_consent: self.photo_consent_text.clone(),
        }
    }
}

const KEY: &str = "document_settings";

impl App {
    pub async fn document_settings(&self) -> Result<DocumentSettings, AppError> {
        self.require_signed_in()?;
        crate::admin::settings::read(&self.db, KEY).await
    }

    /// Saves the settings; nothing is saved when a figure is out of range or a text is empty.
    pub async fn set_document_settings(&self, s: &DocumentSettings) -> Result<(), AppError> {
        self.require(Permission::OfficeSetup).await?;
        let mut problems = Vec::new();
        if !(1..=90).contains(&s.statement_due_days) {
            problems.push(FieldError::new(
                "statement_due_days",
                "must be from 1 to 90 days",
            ));
        }
        if s.statement_min_balance_cents < 0 {
            problems.push(FieldError::new(
                "statement_min_balance_cents",
                "cannot be negative",
            ));
        }
        if !(0..=365).contains(&s.statement_skip_days) {
            problems.push(FieldError::new(
                "statement_skip_days",
                "must be from 0 to 365 days",
            ));
        }
        for (field, text) in [
            ("hipaa_text", &s.hipaa_text),
            ("financial_policy_text", &s.financial_policy_text),
            ("treatment_consent_text", &s.treatment_consent_text),
            ("photo_consent_text", &s.photo_consent_text),
        ] {
            if text.trim().is_empty() {
                problems.push(FieldError::new(field, "cannot be empty"));
            }
        }
        if !problems.is_empty() {
            return Err(frontdesk_domain::ValidationErrors(problems).into());
        }
        crate::admin::settings::write(&self.db, KEY, s).await
    }

    /// The office letterhead from the practice information.
    pub(crate) async fn letterhead(&self) -> Result<Letterhead, AppError> {
        let p = self.practice_info().await?;
        let a = &p.address;
        let city = format!("{}, {} {}", a.city, a.state, a.postal_code);
        let mut lines: Vec<String> = [a.line1.as_str(), a.line2.as_str()]
            .into_iter()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect();
        if !a.city.trim().is_empty() {
            lines.push(city);
        }
        if !p.phone.trim().is_empty() {
            lines.push(format!("Phone {}", p.phone));
        }
        Ok(Letterhead {
            name: if p.name.trim().is_empty() {
                "Our office".into()
            } else {
                p.name
            },
            lines,
        })
    }
}
