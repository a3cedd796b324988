//! A patient's coverage: which plan, through which subscriber (the insured person and their
//! member ID), how the patient is related to the subscriber, primary or secondary, and when.
use chrono::NaiveDate;
use frontdesk_domain::{PatientId, Relationship, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::plan::PlanId;
use crate::text::{parse_typed_date, Problems};

pub type CoverageId = i64;

#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Rank {
    #[default]
    Primary,
    Secondary,
}

impl Rank {
    pub fn number(self) -> i64 {
        match self {
            Rank::Primary => 1,
            Rank::Secondary => 2,
        }
    }
    pub fn from_number(n: i64) -> Option<Rank> {
        match n {
            1 => Some(Rank::Primary),
            2 => Some(Rank::Secondary),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct CoverageDraft {
    pub plan_id: PlanId,
    /// The insured person (may be the patient).
    pub subscriber_id: PatientId,
    pub member_id: String,
    /// The patient's relationship to the subscriber (`self` when they are the subscriber).
    pub relationship: Relationship,
    pub rank: Rank,
    /// `YYYY-MM-DD`.
    pub effective: String,
    /// `YYYY-MM-DD`, or empty while the coverage lasts.
    pub termination: String,
}

impl Default for CoverageDraft {
    fn default() -> Self {
        CoverageDraft {
            plan_id: 0,
            subscriber_id: 0,
            member_id: String::new(),
            relationship: Relationship::SelfGuarantor,
            rank: Rank::Primary,
            effective: String::new(),
            termination: String::new(),
        }
    }
}

/// A checked coverage draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCoverage {
    pub draft: CoverageDraft,
    pub effective: NaiveDate,
    pub termination: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Coverage {
    pub id: CoverageId,
    pub patient_id: PatientId,
    pub plan_label: String,
    pub subscriber_name: String,
    pub details: CoverageDraft,
    /// `YYYY-MM-DD` of the latest eligibility verification, if any.
    pub last_verified: Option<String>,
    /// When it should be verified again (None: never verified).
    pub verification_due: Option<String>,
}

impl Coverage {
    /// In force on `day`: started, and not yet terminated (the termination day is the last day).
    pub fn active_on(&self, day: NaiveDate) -> bool {
        let started = parse_typed_date(&self.details.effective).is_some_and(|e| e <= day);
        let ended = parse_typed_date(&self.details.termination).is_some_and(|t| t < day);
        started && !ended
    }
}

pub fn validate_coverage(
    patient: PatientId,
    draft: &CoverageDraft,
) -> Result<ValidCoverage, ValidationErrors> {
    let mut d = draft.clone();
    let mut p = Problems::default();
    if d.plan_id <= 0 {
        p.add("plan_id", "choose the plan");
    }
    if d.subscriber_id <= 0 {
        p.add(
            "subscriber_id",
            "choose the subscriber (the insured person)",
        );
    }
    p.text("member_id", &mut d.member_id, true, 40);
    let is_self = d.subscriber_id == patient;
    match (is_self, d.relationship) {
        (true, r) if r != Relationship::SelfGuarantor => p.add(
            "relationship",
            "the patient is the subscriber, so it is \"self\"",
        ),
        (false, Relationship::SelfGuarantor) if d.subscriber_id > 0 => p.add(
            "relationship",
            "choose how the patient is related to the subscriber",
        ),
        _ => {}
    }
    let effective = p.date("effective", &d.effective);
    let termination = p.optional_date("termination", &d.termination);
    if let (Some(e), Some(t)) = (effective, termination) {
        if t < e {
            p.add("termination", "is before the coverage starts");
        }
    }
    p.finish()?;
    Ok(ValidCoverage {
        draft: d,
        effective: effective.expect("checked"),
        termination,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> CoverageDraft {
        CoverageDraft {
            plan_id: 3,
            subscriber_id: 7,
            member_id: " M-100 ".into(),
            effective: "2026-01-01".into(),
            ..Default::default()
        }
    }

    #[test]
    fn self_coverage_is_valid_and_trimmed() {
        let v = validate_coverage(7, &draft()).unwrap();
        assert_eq!(v.draft.member_id, "M-100");
        assert_eq!(v.effective, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    }

    #[test]
    fn relationship_must_match_who_the_subscriber_is() {
        let e = validate_coverage(8, &draft()).unwrap_err();
        assert_eq!(e.first_field(), Some("relationship"));
        let mut d = draft();
        d.relationship = Relationship::Spouse;
        assert_eq!(
            validate_coverage(7, &d).unwrap_err().first_field(),
            Some("relationship")
        );
        assert!(validate_coverage(8, &d).is_ok());
    }

    #[test]
    fn impossible_and_reversed_dates_are_refused() {
        let mut d = draft();
        d.effective = "2026-02-30".into();
        assert_eq!(
            validate_coverage(7, &d).unwrap_err().first_field(),
            Some("effective")
        );
        let mut d = draft();
        d.termination = "2025-12-31".into();
        assert_eq!(
            validate_coverage(7, &d).unwrap_err().first_field(),
            Some("termination")
        );
    }

    #[test]
    fn active_until_the_end_of_the_termination_day() {
        let mut d = draft();
        d.termination = "2026-06-30".into();
        let c = Coverage {
            id: 1,
            patient_id: 7,
            plan_label: String::new(),
            subscriber_name: String::new(),
            details: d,
            last_verified: None,
            verification_due: None,
        };
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert!(c.active_on(day(6, 30)));
        assert!(!c.active_on(day(7, 1)));
        assert!(!c.active_on(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()));
    }
}
