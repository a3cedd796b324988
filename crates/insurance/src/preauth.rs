//! Pre-authorizations (pre-determinations): sent for planned work to one plan; the plan approves
//! an amount per procedure (until an expiry date) or denies. Statuses draft → sent → approved /
//! denied; an approval past its expiry date reads as expired. Approved amounts replace the
//! estimate for those procedures while they last.
use chrono::NaiveDate;
use frontdesk_domain::money::Cents;
use frontdesk_domain::{FieldError, PatientSummary, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::coverage::CoverageId;
use crate::text::Problems;
use crate::treatment::{TreatmentItem, TreatmentItemId};

pub type PreauthId = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum PreauthStatus {
    Draft,
    Sent,
    Approved,
    Denied,
    /// Approved, but the expiry date has passed.
    Expired,
}

impl PreauthStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PreauthStatus::Draft => "draft",
            PreauthStatus::Sent => "sent",
            PreauthStatus::Approved => "approved",
            PreauthStatus::Denied => "denied",
            PreauthStatus::Expired => "expired",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [
            PreauthStatus::Draft,
            PreauthStatus::Sent,
            PreauthStatus::Approved,
            PreauthStatus::Denied,
            PreauthStatus::Expired,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
    }

    /// The status as of `today`: an approval past its expiry date is expired.
    pub fn as_of(self, expires: Option<NaiveDate>, today: NaiveDate) -> PreauthStatus {
        match (self, expires) {
            (PreauthStatus::Approved, Some(e)) if e < today => PreauthStatus::Expired,
            (s, _) => s,
        }
    }
}

/// One procedure's approved amount, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct ApprovedLine {
    pub treatment_item_id: TreatmentItemId,
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum PreauthAction {
    Send {
        on: String,
    },
    Approve {
        expires: String,
        lines: Vec<ApprovedLine>,
    },
    Deny {
        reason: String,
    },
}

/// What an accepted action writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreauthChange {
    pub status: PreauthStatus,
    pub sent_on: Option<NaiveDate>,
    pub expires: Option<NaiveDate>,
    pub reason: Option<String>,
    pub approved: Vec<(TreatmentItemId, Cents)>,
}

/// Checks `action` against the status and the procedures on the pre-authorization.
pub fn preauth_transition(
    from: PreauthStatus,
    action: &PreauthAction,
    items: &[TreatmentItemId],
    today: NaiveDate,
) -> Result<PreauthChange, ValidationErrors> {
    let ok = matches!(
        (from, action),
        (PreauthStatus::Draft, PreauthAction::Send { .. })
            | (PreauthStatus::Sent, PreauthAction::Approve { .. })
            | (PreauthStatus::Sent, PreauthAction::Deny { .. })
    );
    if !ok {
        return Err(ValidationErrors(vec![FieldError::new(
            "status",
            format!(
                "a {} pre-authorization cannot take that step",
                from.as_str()
            ),
        )]));
    }
    let mut p = Problems::default();
    let mut c = PreauthChange {
        status: from,
        sent_on: None,
        expires: None,
        reason: None,
        approved: Vec::new(),
    };
    match action {
        PreauthAction::Send { on } => {
            c.status = PreauthStatus::Sent;
            c.sent_on = p.date("on", on);
            if c.sent_on.is_some_and(|d| d > today) {
                p.add("on", "is in the future");
            }
        }
        PreauthAction::Approve { expires, lines } => {
            c.status = PreauthStatus::Approved;
            c.expires = p.date("expires", expires);
            for (i, item) in items.iter().enumerate() {
                let field = format!("lines[{i}].amount");
                match lines.iter().find(|l| l.treatment_item_id == *item) {
                    None => p.add(
                        format!("lines[{i}]"),
                        "is missing: give every procedure's approved amount",
                    ),
                    Some(l) => match Cents::parse(&l.amount) {
                        Ok(a) => c.approved.push((*item, a)),
                        Err(e) => p.add(field, e.0),
                    },
                }
            }
        }
        PreauthAction::Deny { reason } => {
            c.status = PreauthStatus::Denied;
            let mut r = reason.clone();
            p.text("reason", &mut r, true, 500);
            c.reason = Some(r);
        }
    }
    p.finish().map(|()| c)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct PreauthLine {
    pub item: TreatmentItem,
    pub approved_cents: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Preauth {
    pub id: PreauthId,
    pub patient: PatientSummary,
    pub coverage_id: CoverageId,
    pub plan: String,
    /// As of today (an approval past its expiry reads `expired`).
    pub status: PreauthStatus,
    pub created_on: String,
    pub sent_on: Option<String>,
    pub expires_on: Option<String>,
    pub denial_reason: String,
    pub lines: Vec<PreauthLine>,
}

/// An approved amount that replaces the estimate of one procedure for one coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApprovedAmount {
    pub preauth: PreauthId,
    pub coverage_id: CoverageId,
    pub item: TreatmentItemId,
    pub amount: Cents,
    pub expires: NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn draft_sent_approved_with_every_amount() {
        let today = day(11, 24);
        let c = preauth_transition(
            PreauthStatus::Draft,
            &PreauthAction::Send {
                on: "11/20/2026".into(),
            },
            &[1],
            today,
        )
        .unwrap();
        assert_eq!(c.sent_on, Some(day(11, 20)));
        let approve = |amount: &str| PreauthAction::Approve {
            expires: "2027-05-20".into(),
            lines: vec![ApprovedLine {
                treatment_item_id: 1,
                amount: amount.into(),
            }],
        };
        let c = preauth_transition(PreauthStatus::Sent, &approve("640.00"), &[1], today).unwrap();
        assert_eq!(c.approved, vec![(1, Cents(64_000))]);
        let e = preauth_transition(PreauthStatus::Sent, &approve("-1"), &[1], today).unwrap_err();
        assert_eq!(e.first_field(), Some("lines[0].amount"));
        let e = preauth_transition(PreauthStatus::Sent, &approve("5"), &[1, 2], today).unwrap_err();
        assert_eq!(e.first_field(), Some("lines[1]"));
    }

    #[test]
    fn out_of_order_and_empty_reasons_are_refused() {
        let today = day(11, 24);
        let deny = |r: &str| PreauthAction::Deny { reason: r.into() };
        assert_eq!(
            preauth_transition(PreauthStatus::Draft, &deny("x"), &[1], today)
                .unwrap_err()
                .first_field(),
            Some("status")
        );
        assert_eq!(
            preauth_transition(PreauthStatus::Sent, &deny(" "), &[1], today)
                .unwrap_err()
                .first_field(),
            Some("reason")
        );
    }

    #[test]
    fn an_approval_expires_after_its_date() {
        let s = PreauthStatus::Approved;
        assert_eq!(
            s.as_of(Some(day(11, 24)), day(11, 24)),
            PreauthStatus::Approved
        );
        assert_eq!(
            s.as_of(Some(day(11, 23)), day(11, 24)),
            PreauthStatus::Expired
        );
        assert_eq!(
            PreauthStatus::Sent.as_of(Some(day(1, 1)), day(11, 24)),
            PreauthStatus::Sent
        );
    }
}
