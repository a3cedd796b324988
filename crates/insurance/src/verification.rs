//! Eligibility verification: the coordinator checks a coverage with the payer (phone, portal or
//! fax) and records what was confirmed, what the payer says is left of the maximum and deductible,
//! benefits used at another office ("used elsewhere", counted as used), and when to check again.
use chrono::NaiveDate;
use frontdesk_domain::money::Cents;
use frontdesk_domain::ValidationErrors;
use serde::{Deserialize, Serialize};

use crate::coverage::CoverageId;
use crate::text::Problems;

pub type VerificationId = i64;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum VerificationMethod {
    #[default]
    Phone,
    PayerPortal,
    Fax,
}

impl VerificationMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            VerificationMethod::Phone => "phone",
            VerificationMethod::PayerPortal => "payer_portal",
            VerificationMethod::Fax => "fax",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "phone" => Some(VerificationMethod::Phone),
            "payer_portal" => Some(VerificationMethod::PayerPortal),
            "fax" => Some(VerificationMethod::Fax),
            _ => None,
        }
    }
}

/// A verification as typed (amounts and dates as text; empty amount = not stated).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct VerificationDraft {
    pub verified_on: String,
    pub method: VerificationMethod,
    /// The payer's call or transaction reference.
    pub reference: String,
    pub benefits_confirmed: bool,
    /// What the payer says is left of the annual maximum.
    pub remaining_max: String,
    /// What the payer says is left of the deductible.
    pub remaining_deductible: String,
    /// Benefits paid this benefit year at other offices (counted as used).
    pub used_elsewhere: String,
    /// Deductible met this benefit year at other offices.
    pub deductible_used_elsewhere: String,
    pub notes: String,
    /// When to verify again; empty: the office's re-verify limit (30 days) after this one.
    pub next_due: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidVerification {
    pub draft: VerificationDraft,
    pub verified_on: NaiveDate,
    pub remaining_max: Option<Cents>,
    pub remaining_deductible: Option<Cents>,
    pub used_elsewhere: Cents,
    pub deductible_used_elsewhere: Cents,
    pub next_due: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Verification {
    pub id: VerificationId,
    pub coverage_id: CoverageId,
    pub verified_on: String,
    pub verified_by: String,
    pub method: VerificationMethod,
    pub reference: String,
    pub benefits_confirmed: bool,
    pub remaining_max_cents: Option<i64>,
    pub remaining_deductible_cents: Option<i64>,
    pub used_elsewhere_cents: i64,
    pub deductible_used_elsewhere_cents: i64,
    pub notes: String,
    pub next_due: String,
}

/// Checks a verification typed on `today`; without a next date it is due again `reverify_days`
/// after it was made.
pub fn validate_verification(
    draft: &VerificationDraft,
    today: NaiveDate,
    reverify_days: i64,
) -> Result<ValidVerification, ValidationErrors> {
    let mut d = draft.clone();
    let mut p = Problems::default();
    let verified_on = p.date("verified_on", &d.verified_on);
    if verified_on.is_some_and(|v| v > today) {
        p.add("verified_on", "is in the future");
    }
    p.text("reference", &mut d.reference, false, 60);
    p.text("notes", &mut d.notes, false, 2000);
    let mut money = |field: &str, value: &str| -> Option<Cents> {
        if value.trim().is_empty() {
            return None;
        }
        Cents::parse(value).map_err(|e| p.add(field, e.0)).ok()
    };
    let remaining_max = money("remaining_max", &d.remaining_max);
    let remaining_deductible = money("remaining_deductible", &d.remaining_deductible);
    let used_elsewhere = money("used_elsewhere", &d.used_elsewhere).unwrap_or_default();
    let deductible_used_elsewhere =
        money("deductible_used_elsewhere", &d.deductible_used_elsewhere).unwrap_or_default();
    let next_due = p.optional_date("next_due", &d.next_due);
    if let (Some(v), Some(n)) = (verified_on, next_due) {
        if n < v {
            p.add("next_due", "is before the verification");
        }
    }
    p.finish()?;
    let verified_on = verified_on.expect("checked");
    Ok(ValidVerification {
        draft: d,
        verified_on,
        remaining_max,
        remaining_deductible,
        used_elsewhere,
        deductible_used_elsewhere,
        next_due: next_due.unwrap_or_else(|| verified_on + chrono::Duration::days(reverify_days)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    #[test]
    fn a_phone_verification_with_amounts_and_a_default_next_date() {
        let v = validate_verification(
            &VerificationDraft {
                verified_on: "11/24/2026".into(),
                reference: " REF-1 ".into(),
                benefits_confirmed: true,
                remaining_max: "850.00".into(),
                used_elsewhere: "150".into(),
                ..Default::default()
            },
            today(),
            30,
        )
        .unwrap();
        assert_eq!(v.draft.reference, "REF-1");
        assert_eq!(v.remaining_max, Some(Cents(85_000)));
        assert_eq!(v.remaining_deductible, None);
        assert_eq!(v.used_elsewhere, Cents(15_000));
        assert_eq!(v.next_due, NaiveDate::from_ymd_opt(2026, 12, 24).unwrap());
    }

    #[test]
    fn bad_dates_and_amounts_are_named() {
        let e = validate_verification(
            &VerificationDraft {
                verified_on: "2026-11-25".into(),
                used_elsewhere: "-3".into(),
                next_due: "2026-02-30".into(),
                ..Default::default()
            },
            today(),
            30,
        )
        .unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["verified_on", "used_elsewhere", "next_due"]);
    }
}
