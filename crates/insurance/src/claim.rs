//! Claims: one plan, one date of service, completed procedures. The status moves
//! draft → sent → received → paid / partially paid / denied → appealed (sent again) → …;
//! a denial needs a reason and a follow-up date. Posting the plan's payment per procedure
//! (paid, write-off, deductible applied) ends in paid or partially paid.
use chrono::NaiveDate;
use frontdesk_domain::money::Cents;
use frontdesk_domain::{FieldError, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::text::Problems;
use crate::treatment::TreatmentItemId;

pub type ClaimId = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    Draft,
    Sent,
    Received,
    Paid,
    PartiallyPaid,
    Denied,
    Appealed,
}

impl ClaimStatus {
    pub const ALL: [ClaimStatus; 7] = [
        ClaimStatus::Draft,
        ClaimStatus::Sent,
        ClaimStatus::Received,
        ClaimStatus::Paid,
        ClaimStatus::PartiallyPaid,
        ClaimStatus::Denied,
        ClaimStatus::Appealed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Draft => "draft",
            ClaimStatus::Sent => "sent",
            ClaimStatus::Received => "received",
            ClaimStatus::Paid => "paid",
            ClaimStatus::PartiallyPaid => "partially_paid",
            ClaimStatus::Denied => "denied",
            ClaimStatus::Appealed => "appealed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Waiting on the payer (counts for the outstanding worklist).
    pub fn is_outstanding(self) -> bool {
        matches!(
            self,
            ClaimStatus::Sent | ClaimStatus::Received | ClaimStatus::Appealed
        )
    }

    /// The plan has paid something on it.
    pub fn is_paid(self) -> bool {
        matches!(self, ClaimStatus::Paid | ClaimStatus::PartiallyPaid)
    }
}

/// A change of status asked for by the coordinator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum ClaimAction {
    /// Mailed or submitted on `on` (`YYYY-MM-DD`).
    Send {
        on: String,
    },
    /// The payer acknowledged it.
    Receive,
    Deny {
        reason: String,
        follow_up: String,
    },
    /// Appealed or resubmitted on `on`, with a note of what was changed.
    Appeal {
        on: String,
        note: String,
    },
}

impl ClaimAction {
    pub fn name(&self) -> &'static str {
        match self {
            ClaimAction::Send { .. } => "send",
            ClaimAction::Receive => "receive",
            ClaimAction::Deny { .. } => "deny",
            ClaimAction::Appeal { .. } => "appeal",
        }
    }
}

/// What an accepted action changes on the claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    pub status: ClaimStatus,
    /// New "sent on" date (send, appeal).
    pub sent_on: Option<NaiveDate>,
    pub denial_reason: Option<String>,
    pub follow_up: Option<NaiveDate>,
    pub note: Option<String>,
}

/// Checks `action` against the current status; `today` in the clinic's timezone.
pub fn transition(
    from: ClaimStatus,
    action: &ClaimAction,
    today: NaiveDate,
) -> Result<Transition, ValidationErrors> {
    use ClaimStatus as S;
    let allowed: &[ClaimStatus] = match action {
        ClaimAction::Send { .. } => &[S::Draft],
        ClaimAction::Receive => &[S::Sent, S::Appealed],
        ClaimAction::Deny { .. } => &[S::Sent, S::Received, S::Appealed],
        ClaimAction::Appeal { .. } => &[S::Denied, S::PartiallyPaid],
    };
    if !allowed.contains(&from) {
        return Err(ValidationErrors(vec![FieldError::new(
            "status",
            format!(
                "a {} claim cannot be marked {}",
                from.as_str().replace('_', " "),
                action.name()
            ),
        )]));
    }
    let mut p = Problems::default();
    let mut t = Transition {
        status: from,
        sent_on: None,
        denial_reason: None,
        follow_up: None,
        note: None,
    };
    match action {
        ClaimAction::Send { on } => {
            t.status = S::Sent;
            t.sent_on = not_future(&mut p, "on", on, today);
        }
        ClaimAction::Receive => t.status = S::Received,
        ClaimAction::Deny { reason, follow_up } => {
            t.status = S::Denied;
            let mut r = reason.clone();
            p.text("reason", &mut r, true, 500);
            t.denial_reason = Some(r);
            t.follow_up = p.date("follow_up", follow_up);
            if t.follow_up.is_some_and(|d| d < today) {
                p.add("follow_up", "is in the past");
            }
        }
        ClaimAction::Appeal { on, note } => {
            t.status = S::Appealed;
            t.sent_on = not_future(&mut p, "on", on, today);
            let mut n = note.clone();
            p.text("note", &mut n, false, 500);
            t.note = Some(n);
        }
    }
    p.finish().map(|()| t)
}

fn not_future(p: &mut Problems, field: &str, value: &str, today: NaiveDate) -> Option<NaiveDate> {
    let d = p.date(field, value)?;
    if d > today {
        p.add(field, "is in the future");
        return None;
    }
    Some(d)
}

/// One procedure's line of the plan's payment (explanation of benefits), amounts as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct PaymentLine {
    pub treatment_item_id: TreatmentItemId,
    pub paid: String,
    pub write_off: String,
    /// Deductible the plan applied on this procedure.
    pub deductible: String,
}

/// A checked payment line in cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostedLine {
    pub treatment_item_id: TreatmentItemId,
    pub paid: Cents,
    pub write_off: Cents,
    pub deductible: Cents,
}

/// A claim line as the payment check needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimedLine {
    pub treatment_item_id: TreatmentItemId,
    pub fee: Cents,
}

/// Checks a payment against the claim: one line per claimed procedure, amounts not negative and
/// not above the fee. The claim ends `paid` when every procedure was paid or went to the
/// deductible, `partially_paid` when some got nothing; a payment of nothing at all is refused
/// (mark the claim denied instead).
pub fn check_payment(
    from: ClaimStatus,
    claimed: &[ClaimedLine],
    lines: &[PaymentLine],
) -> Result<(Vec<PostedLine>, ClaimStatus), ValidationErrors> {
    if !(from.is_outstanding()) {
        return Err(ValidationErrors(vec![FieldError::new(
            "status",
            format!(
                "a payment can be posted only on a sent, received or appealed claim (this one is {})",
                from.as_str().replace('_', " ")
            ),
        )]));
    }
    let mut p = Problems::default();
    let mut posted = Vec::new();
    for (i, c) in claimed.iter().enumerate() {
        let Some(line) = lines
            .iter()
            .find(|l| l.treatment_item_id == c.treatment_item_id)
        else {
            p.add(
                format!("lines[{i}]"),
                "is missing: post every procedure on the claim",
            );
            continue;
        };
        let mut amount = |field: &str, s: &str| -> Cents {
            let f = format!("lines[{i}].{field}");
            if s.trim().is_empty() {
                return Cents::ZERO;
            }
            Cents::parse(s).unwrap_or_else(|e| {
                p.add(f, e.0);
                Cents::ZERO
            })
        };
        let l = PostedLine {
            treatment_item_id: c.treatment_item_id,
            paid: amount("paid", &line.paid),
            write_off: amount("write_off", &line.write_off),
            deductible: amount("deductible", &line.deductible),
        };
        if l.paid + l.write_off + l.deductible > c.fee {
            p.add(
                format!("lines[{i}].paid"),
                "paid, write-off and deductible together are more than the fee",
            );
        }
        posted.push(l);
    }
    if lines.len() > claimed.len() {
        p.add("lines", "names a procedure that is not on this claim");
    }
    if p.0.is_empty() && posted.iter().all(|l| l.paid.is_zero()) {
        p.add(
            "lines",
            "nothing was paid: mark the claim denied (with the reason) instead",
        );
    }
    p.finish()?;
    let all = posted
        .iter()
        .all(|l| !l.paid.is_zero() || !l.deductible.is_zero());
    let status = if all {
        ClaimStatus::Paid
    } else {
        ClaimStatus::PartiallyPaid
    };
    Ok((posted, status))
}

#[cfg(test)]
mod tests;
