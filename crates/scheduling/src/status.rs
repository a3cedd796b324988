//! Appointment statuses and the allowed transitions. The normal visit is
//! scheduled → confirmed → arrived → seated → completed. In full:
//!
//! - scheduled → confirmed, arrived (a walk-in need not be confirmed first), cancelled, broken
//! - confirmed → arrived, cancelled, broken
//! - arrived (checked in, with the time) → seated, cancelled (the patient left before being seated)
//! - seated → completed (checked out, with the time)
//! - completed, cancelled and broken are final: a new visit is a new appointment, so the history
//!   of cancellations and no-shows stays countable.
//!
//! Cancelling needs a reason. Times are passed in by the caller; nothing here reads a clock.
use chrono::{DateTime, Utc};
use frontdesk_domain::{FieldError, ValidationErrors};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum AppointmentStatus {
    Scheduled,
    Confirmed,
    Arrived,
    Seated,
    Completed,
    Cancelled,
    /// Broken appointment / no-show.
    Broken,
}

impl AppointmentStatus {
    pub const ALL: [AppointmentStatus; 7] = [
        AppointmentStatus::Scheduled,
        AppointmentStatus::Confirmed,
        AppointmentStatus::Arrived,
        AppointmentStatus::Seated,
        AppointmentStatus::Completed,
        AppointmentStatus::Cancelled,
        AppointmentStatus::Broken,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AppointmentStatus::Scheduled => "scheduled",
            AppointmentStatus::Confirmed => "confirmed",
            AppointmentStatus::Arrived => "arrived",
            AppointmentStatus::Seated => "seated",
            AppointmentStatus::Completed => "completed",
            AppointmentStatus::Cancelled => "cancelled",
            AppointmentStatus::Broken => "broken",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The statuses it may move to.
    pub fn next(self) -> &'static [AppointmentStatus] {
        use AppointmentStatus as S;
        match self {
            S::Scheduled => &[S::Confirmed, S::Arrived, S::Cancelled, S::Broken],
            S::Confirmed => &[S::Arrived, S::Cancelled, S::Broken],
            S::Arrived => &[S::Seated, S::Cancelled],
            S::Seated => &[S::Completed],
            S::Completed | S::Cancelled | S::Broken => &[],
        }
    }

    /// It occupies its provider, operatory and devices (cancelled and broken ones do not).
    pub fn holds_time(self) -> bool {
        !matches!(
            self,
            AppointmentStatus::Cancelled | AppointmentStatus::Broken
        )
    }

    /// It may still be moved to another time or room (not once the patient is here).
    pub fn can_reschedule(self) -> bool {
        matches!(
            self,
            AppointmentStatus::Scheduled | AppointmentStatus::Confirmed
        )
    }

    pub fn is_final(self) -> bool {
        self.next().is_empty()
    }
}

impl std::fmt::Display for AppointmentStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A change of status asked for at the desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum StatusAction {
    Confirm,
    /// The patient arrived (checked in) at `at`.
    CheckIn {
        at: DateTime<Utc>,
    },
    Seat {
        at: DateTime<Utc>,
    },
    /// Checked out, visit completed, at `at`.
    CheckOut {
        at: DateTime<Utc>,
    },
    Cancel {
        reason: String,
    },
    /// Broken appointment / no-show.
    MarkBroken,
}

impl StatusAction {
    /// The status it leads to.
    pub fn target(&self) -> AppointmentStatus {
        match self {
            StatusAction::Confirm => AppointmentStatus::Confirmed,
            StatusAction::CheckIn { .. } => AppointmentStatus::Arrived,
            StatusAction::Seat { .. } => AppointmentStatus::Seated,
            StatusAction::CheckOut { .. } => AppointmentStatus::Completed,
            StatusAction::Cancel { .. } => AppointmentStatus::Cancelled,
            StatusAction::MarkBroken => AppointmentStatus::Broken,
        }
    }
}

/// What an accepted action changes on the appointment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct StatusChange {
    pub status: AppointmentStatus,
    /// Check-in, seating or check-out time.
    pub at: Option<DateTime<Utc>>,
    /// Cancellation reason, trimmed.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatusError {
    #[error("a {from} appointment cannot become {to}")]
    NotAllowed {
        from: AppointmentStatus,
        to: AppointmentStatus,
    },
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
}

/// Checks `action` against the current status.
pub fn transition(
    from: AppointmentStatus,
    action: &StatusAction,
) -> Result<StatusChange, StatusError> {
    let to = action.target();
    if !from.next().contains(&to) {
        return Err(StatusError::NotAllowed { from, to });
    }
    let mut change = StatusChange {
        status: to,
        at: None,
        reason: None,
    };
    match action {
        StatusAction::CheckIn { at }
        | StatusAction::Seat { at }
        | StatusAction::CheckOut { at } => change.at = Some(*at),
        StatusAction::Cancel { reason } => {
            let reason = reason.trim();
            let problem = if reason.is_empty() {
                Some("is required")
            } else if reason.chars().count() > 500 {
                Some("is longer than 500 characters")
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(ValidationErrors(vec![FieldError::new("reason", problem)]).into());
            }
            change.reason = Some(reason.to_string());
        }
        StatusAction::Confirm | StatusAction::MarkBroken => {}
    }
    Ok(change)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use AppointmentStatus as S;

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 7, 1, 14, 2, 0).unwrap()
    }

    fn action_to(to: S) -> StatusAction {
        match to {
            S::Confirmed => StatusAction::Confirm,
            S::Arrived => StatusAction::CheckIn { at: at() },
            S::Seated => StatusAction::Seat { at: at() },
            S::Completed => StatusAction::CheckOut { at: at() },
            S::Cancelled => StatusAction::Cancel {
                reason: "sick".into(),
            },
            S::Broken => StatusAction::MarkBroken,
            S::Scheduled => unreachable!("no action leads back to scheduled"),
        }
    }

    #[test]
    fn the_whole_table() {
        let allowed = [
            (S::Scheduled, S::Confirmed),
            (S::Scheduled, S::Arrived),
            (S::Scheduled, S::Cancelled),
            (S::Scheduled, S::Broken),
            (S::Confirmed, S::Arrived),
            (S::Confirmed, S::Cancelled),
            (S::Confirmed, S::Broken),
            (S::Arrived, S::Seated),
            (S::Arrived, S::Cancelled),
            (S::Seated, S::Completed),
        ];
        for from in S::ALL {
            for to in S::ALL.into_iter().filter(|s| *s != S::Scheduled) {
                let got = transition(from, &action_to(to));
                if allowed.contains(&(from, to)) {
                    assert_eq!(got.map(|c| c.status), Ok(to), "{from} → {to}");
                } else {
                    assert_eq!(
                        got,
                        Err(StatusError::NotAllowed { from, to }),
                        "{from} → {to}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_normal_visit_keeps_its_times() {
        let mut status = S::Scheduled;
        for action in [
            StatusAction::Confirm,
            StatusAction::CheckIn { at: at() },
            StatusAction::Seat { at: at() },
            StatusAction::CheckOut { at: at() },
        ] {
            let change = transition(status, &action).unwrap();
            assert_eq!(
                change.at.is_some(),
                !matches!(action, StatusAction::Confirm)
            );
            status = change.status;
        }
        assert_eq!(status, S::Completed);
        assert!(status.is_final());
    }

    #[test]
    fn cancelling_needs_a_reason() {
        for (reason, want) in [
            (
                "  running late, will call  ",
                Ok(Some("running late, will call".to_string())),
            ),
            ("   ", Err("is required")),
            (
                &"x".repeat(501) as &str,
                Err("is longer than 500 characters"),
            ),
        ] {
            let got = transition(
                S::Confirmed,
                &StatusAction::Cancel {
                    reason: reason.into(),
                },
            );
            match (got, want) {
                (Ok(c), Ok(r)) => assert_eq!(c.reason, r),
                (Err(StatusError::Invalid(e)), Err(p)) => {
                    assert_eq!(e.0, vec![FieldError::new("reason", p)])
                }
                (got, want) => panic!("{got:?} vs {want:?}"),
            }
        }
    }

    #[test]
    fn which_statuses_hold_time() {
        for s in S::ALL {
            assert_eq!(
                s.holds_time(),
                !matches!(s, S::Cancelled | S::Broken),
                "{s}"
            );
            assert_eq!(S::parse(s.as_str()), Some(s));
        }
        assert!(S::Confirmed.can_reschedule());
        assert!(!S::Arrived.can_reschedule());
        assert_eq!(
            StatusError::NotAllowed {
                from: S::Completed,
                to: S::Cancelled
            }
            .to_string(),
            "a completed appointment cannot become cancelled"
        );
    }
}
