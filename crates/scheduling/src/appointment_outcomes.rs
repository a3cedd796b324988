//! How booked appointments turned out, for the appointments report: per day and provider, how
//! many were booked, completed, cancelled (and of those, cancelled late), missed (no-show), and
//! are still open; the rates; and the scheduled production (the fees of the procedures of the
//! visits that still hold their time).
//!
//! - Every appointment booked for the day counts once in `booked`, whatever became of it, so
//!   `booked = completed + cancelled + no_show + open`.
//! - A cancellation is **late** when it was made less than [`LATE_CANCEL_HOURS`] hours before the
//!   visit was to start (the same rule as the patient card's "cancelled late" count).
//! - Rates are shares of `booked`, in tenths of a percent (`no_show_rate_permille` 125 = 12.5 %),
//!   rounded half up; a day with nothing booked has rates of 0.
//! - Cancelled and missed visits hold no time, so their fees are not scheduled production.
use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::rates::permille;
use crate::status::AppointmentStatus;

/// A cancellation made less than this many hours before the start is a late cancellation.
pub const LATE_CANCEL_HOURS: i64 = 24;

/// One appointment as the report sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The clinic's local date of the visit.
    pub date: NaiveDate,
    pub provider: i64,
    pub start: DateTime<Utc>,
    pub status: AppointmentStatus,
    /// When the appointment last changed (for a cancelled one: when it was cancelled, since
    /// cancelled is final).
    pub changed_at: DateTime<Utc>,
    /// The office's fees of the procedures it is booked for, in cents.
    pub fees: i64,
}

/// Whether a cancellation came late (see the module's rules).
pub fn is_late_cancellation(start: DateTime<Utc>, cancelled_at: DateTime<Utc>) -> bool {
    (start - cancelled_at).num_seconds() < LATE_CANCEL_HOURS * 3600
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct OutcomeCounts {
    pub booked: i64,
    pub completed: i64,
    pub cancelled: i64,
    /// Cancelled less than 24 hours before the start (included in `cancelled`).
    pub late_cancelled: i64,
    pub no_show: i64,
    /// Not completed, cancelled or missed yet (scheduled, confirmed, arrived or seated).
    pub open: i64,
    pub completed_rate_permille: i64,
    pub cancelled_rate_permille: i64,
    pub late_cancelled_rate_permille: i64,
    pub no_show_rate_permille: i64,
    /// Fees of the procedures of the visits not cancelled or missed, in cents.
    pub scheduled_production: i64,
}

impl OutcomeCounts {
    fn add(&mut self, o: &Outcome) {
        self.booked += 1;
        match o.status {
            AppointmentStatus::Completed => self.completed += 1,
            AppointmentStatus::Cancelled => {
                self.cancelled += 1;
                if is_late_cancellation(o.start, o.changed_at) {
                    self.late_cancelled += 1;
                }
            }
            AppointmentStatus::Broken => self.no_show += 1,
            _ => self.open += 1,
        }
        if o.status.holds_time() {
            self.scheduled_production += o.fees;
        }
    }

    /// The sums of counts and production; the rates worked out again from the sums.
    pub fn plus(mut self, o: &OutcomeCounts) -> OutcomeCounts {
        self.booked += o.booked;
        self.completed += o.completed;
        self.cancelled += o.cancelled;
        self.late_cancelled += o.late_cancelled;
        self.no_show += o.no_show;
        self.open += o.open;
        self.scheduled_production += o.scheduled_production;
        self.with_rates()
    }

    fn with_rates(mut self) -> OutcomeCounts {
        self.completed_rate_permille = permille(self.completed, self.booked);
        self.cancelled_rate_permille = permille(self.cancelled, self.booked);
        self.late_cancelled_rate_permille = permille(self.late_cancelled, self.booked);
        self.no_show_rate_permille = permille(self.no_show, self.booked);
        self
    }
}

/// Counts per (date, provider), in date then provider order.
pub fn outcomes_by_day_and_provider(
    appointments: &[Outcome],
) -> BTreeMap<(NaiveDate, i64), OutcomeCounts> {
    let mut by: BTreeMap<(NaiveDate, i64), OutcomeCounts> = BTreeMap::new();
    for a in appointments {
        by.entry((a.date, a.provider)).or_default().add(a);
    }
    by.into_iter().map(|(k, c)| (k, c.with_rates())).collect()
}

/// The sum of some rows.
pub fn total<'a>(rows: impl IntoIterator<Item = &'a OutcomeCounts>) -> OutcomeCounts {
    rows.into_iter()
        .fold(OutcomeCounts::default(), |acc, r| acc.plus(r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 10, h, 0, 0).unwrap()
    }

    fn appt(provider: i64, status: AppointmentStatus, changed_hours_before: i64) -> Outcome {
        Outcome {
            date: NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
            provider,
            start: at(14),
            status,
            changed_at: at(14) - chrono::Duration::hours(changed_hours_before),
            fees: 10_000,
        }
    }

    #[test]
    fn a_cancellation_under_24_hours_before_the_start_is_late() {
        assert!(is_late_cancellation(
            at(14),
            at(14) - chrono::Duration::hours(23)
        ));
        assert!(is_late_cancellation(at(14), at(15)));
        assert!(!is_late_cancellation(
            at(14),
            at(14) - chrono::Duration::hours(24)
        ));
    }

    #[test]
    fn counts_rates_and_scheduled_production() {
        use AppointmentStatus as S;
        let day = outcomes_by_day_and_provider(&[
            appt(1, S::Completed, 1),
            appt(1, S::Cancelled, 2),
            appt(1, S::Cancelled, 48),
            appt(1, S::Broken, 1),
            appt(1, S::Scheduled, 100),
            appt(1, S::Confirmed, 100),
            appt(1, S::Seated, 0),
            appt(2, S::Completed, 0),
        ]);
        let d = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let one = day[&(d, 1)];
        assert_eq!(
            (
                one.booked,
                one.completed,
                one.cancelled,
                one.late_cancelled,
                one.no_show,
                one.open
            ),
            (7, 1, 2, 1, 1, 3)
        );
        // 1/7 = 14.29 % → 143 ‰; 2/7 = 28.57 % → 286 ‰.
        assert_eq!(one.completed_rate_permille, 143);
        assert_eq!(one.cancelled_rate_permille, 286);
        assert_eq!(one.no_show_rate_permille, 143);
        // Completed, scheduled, confirmed and seated hold their time; cancelled and missed do not.
        assert_eq!(one.scheduled_production, 40_000);
        let all = total(day.values());
        assert_eq!((all.booked, all.completed), (8, 2));
        assert_eq!(all.completed_rate_permille, 250);
        assert_eq!(all.scheduled_production, 50_000);
    }

    #[test]
    fn an_empty_day_has_zero_rates() {
        assert_eq!(
            OutcomeCounts::default().with_rates(),
            OutcomeCounts::default()
        );
    }

    fn status() -> impl Strategy<Value = AppointmentStatus> {
        proptest::sample::select(AppointmentStatus::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn every_booking_lands_in_one_outcome_and_any_split_adds_up(
            rows in proptest::collection::vec((1i64..4, status(), 0i64..72, 0i64..50_000, 0u32..5), 0..60),
            split in 0usize..60,
        ) {
            let outcomes: Vec<Outcome> = rows.iter().map(|&(p, s, h, fees, day)| Outcome {
                date: NaiveDate::from_ymd_opt(2026, 3, 10 + day).unwrap(),
                fees,
                ..appt(p, s, h)
            }).collect();
            let by = outcomes_by_day_and_provider(&outcomes);
            for c in by.values() {
                prop_assert_eq!(c.booked, c.completed + c.cancelled + c.no_show + c.open);
                prop_assert!(c.late_cancelled <= c.cancelled);
            }
            let whole = total(by.values());
            prop_assert_eq!(whole.booked, outcomes.len() as i64);
            let k = split.min(outcomes.len());
            let a = total(outcomes_by_day_and_provider(&outcomes[..k]).values());
            let b = total(outcomes_by_day_and_provider(&outcomes[k..]).values());
            prop_assert_eq!(a.plus(&b), whole);
        }
    }
}
