//! How recall worked over a range, for the recall report: of the recall visits that fell **due**
//! in the range, how many were **seen** (a later matching procedure was completed), are **booked**
//! (not seen yet, a matching visit is on the schedule), are **overdue** (not seen, not booked, due
//! before today) or still **unbooked** (not seen, not booked, due today or later); and of the
//! recall **visits** made in the range, how many patients **left with their next visit booked**.
//!
//! - A visit on date `d` makes the next one due `d + interval` months ([`crate::recall::add_months`]).
//!   Every visit counts, not only the latest, so a recall that fell due in the range and has been
//!   seen since is still counted (as seen) once the due date has moved on.
//! - A patient never seen for the recall has no due date and is not counted.
//! - `due = seen + booked + overdue + unbooked`.
//! - Left booked: an appointment made by the end of the visit's day that starts after that day
//!   (whatever became of it later).
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::rates::permille;
use crate::recall::add_months;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct RecallCounts {
    pub due: i64,
    pub seen: i64,
    pub booked: i64,
    pub overdue: i64,
    pub unbooked: i64,
    /// Recall visits made in the range.
    pub visits: i64,
    /// Of those, the visits after which the patient had a later visit booked.
    pub left_booked: i64,
    /// `left_booked / visits` in tenths of a percent (0 when there were no visits).
    pub left_booked_permille: i64,
}

/// One patient's history for one recall type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatientRecall {
    /// Dates of the matching completed procedures, in any order (the same day twice counts once).
    pub visits: Vec<NaiveDate>,
    /// The date of the next matching visit on the schedule (from today), if any.
    pub next_booked: Option<NaiveDate>,
    /// The visits in the range after which a later visit was booked (see [`left_with_next_booked`]).
    pub visits_left_booked: Vec<NaiveDate>,
}

impl RecallCounts {
    /// Adds one patient's dues and visits in `[from, to]`.
    pub fn add_patient(
        &mut self,
        interval_months: u32,
        p: &PatientRecall,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) {
        let mut visits = p.visits.clone();
        visits.sort_unstable();
        visits.dedup();
        for (i, &visit) in visits.iter().enumerate() {
            if (from..=to).contains(&visit) {
                self.visits += 1;
                if p.visits_left_booked.contains(&visit) {
                    self.left_booked += 1;
                }
            }
            let due = add_months(visit, interval_months);
            if !(from..=to).contains(&due) {
                continue;
            }
            self.due += 1;
            if i + 1 < visits.len() {
                self.seen += 1;
            } else if p.next_booked.is_some() {
                self.booked += 1;
            } else if due < today {
                self.overdue += 1;
            } else {
                self.unbooked += 1;
            }
        }
        self.left_booked_permille = permille(self.left_booked, self.visits);
    }

    pub fn plus(mut self, o: &RecallCounts) -> RecallCounts {
        self.due += o.due;
        self.seen += o.seen;
        self.booked += o.booked;
        self.overdue += o.overdue;
        self.unbooked += o.unbooked;
        self.visits += o.visits;
        self.left_booked += o.left_booked;
        self.left_booked_permille = permille(self.left_booked, self.visits);
        self
    }
}

/// Whether the patient left a visit whose day ended at `day_end` with a later visit booked:
/// among their appointments as (made at, starts at), one made by `day_end` that starts after it.
pub fn left_with_next_booked(
    day_end: DateTime<Utc>,
    appointments: &[(DateTime<Utc>, DateTime<Utc>)],
) -> bool {
    appointments
        .iter()
        .any(|&(made, starts)| made <= day_end && starts >= day_end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn patient(visits: &[NaiveDate], next: Option<NaiveDate>) -> PatientRecall {
        PatientRecall {
            visits: visits.to_vec(),
            next_booked: next,
            visits_left_booked: Vec::new(),
        }
    }

    #[test]
    fn each_due_in_the_range_is_seen_booked_overdue_or_unbooked() {
        let (from, to, today) = (d(7, 1), d(7, 31), d(7, 20));
        let mut c = RecallCounts::default();
        // Due 7/5, seen 7/8 (the visit of 7/8 is in the range too).
        c.add_patient(6, &patient(&[d(1, 5), d(7, 8)], None), from, to, today);
        // Due 7/10, booked for 7/25.
        c.add_patient(6, &patient(&[d(1, 10)], Some(d(7, 25))), from, to, today);
        // Due 7/12, nothing booked: overdue.
        c.add_patient(6, &patient(&[d(1, 12)], None), from, to, today);
        // Due 7/28, nothing booked: not overdue yet.
        c.add_patient(6, &patient(&[d(1, 28)], None), from, to, today);
        // Due in August: not in the range.
        c.add_patient(6, &patient(&[d(2, 2)], None), from, to, today);
        assert_eq!(
            (c.due, c.seen, c.booked, c.overdue, c.unbooked, c.visits),
            (4, 1, 1, 1, 1, 1)
        );
    }

    #[test]
    fn the_share_who_left_with_the_next_visit_booked() {
        let (from, to, today) = (d(7, 1), d(7, 31), d(8, 1));
        let mut c = RecallCounts::default();
        let mut booked = patient(&[d(7, 3)], Some(d(12, 3)));
        booked.visits_left_booked = vec![d(7, 3)];
        c.add_patient(6, &booked, from, to, today);
        c.add_patient(6, &patient(&[d(7, 4)], None), from, to, today);
        c.add_patient(6, &patient(&[d(7, 9), d(7, 9)], None), from, to, today);
        assert_eq!(
            (c.visits, c.left_booked, c.left_booked_permille),
            (3, 1, 333)
        );
        let at = |day: u32, h: u32| Utc.with_ymd_and_hms(2026, 7, day, h, 0, 0).unwrap();
        let end = at(4, 0);
        assert!(left_with_next_booked(end, &[(at(3, 15), at(20, 9))]));
        assert!(
            !left_with_next_booked(end, &[(at(5, 9), at(20, 9))]),
            "made later"
        );
        assert!(
            !left_with_next_booked(end, &[(at(1, 9), at(3, 9))]),
            "that visit itself"
        );
    }

    proptest! {
        #[test]
        fn dues_split_into_the_four_outcomes_and_patients_add_up(
            people in proptest::collection::vec(
                (proptest::collection::vec(0i64..700, 0..6), proptest::option::of(0i64..30)),
                0..20,
            ),
            months in 1u32..13,
        ) {
            let base = d(1, 1);
            let (from, to, today) = (d(3, 1), d(9, 30), d(6, 15));
            let mut whole = RecallCounts::default();
            let mut parts = Vec::new();
            for (days, next) in &people {
                let p = patient(
                    &days.iter().map(|n| base + chrono::Duration::days(*n)).collect::<Vec<_>>(),
                    next.map(|n| today + chrono::Duration::days(n)),
                );
                let mut one = RecallCounts::default();
                one.add_patient(months, &p, from, to, today);
                whole.add_patient(months, &p, from, to, today);
                prop_assert_eq!(one.due, one.seen + one.booked + one.overdue + one.unbooked);
                parts.push(one);
            }
            let sum = parts.iter().fold(RecallCounts::default(), |a, b| a.plus(b));
            prop_assert_eq!(sum, whole);
        }
    }
}
