//! Weekly hours (a provider's working hours, the office's opening hours): per weekday a list of
//! local `[start, end)` periods on the clinic's clock; lunch is the gap between two periods. A
//! period ends the same day it starts. [`WeeklyHours::spans`] turns a date's periods into real
//! spans (a boundary inside a DST gap moves to the end of the gap; see [`crate::local_time`]).
use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use chrono_tz::Tz;
use frontdesk_domain::{FieldError, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::local_time::boundary_to_utc;
use crate::span::{normalize, Span};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum DayOfWeek {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl DayOfWeek {
    pub const ALL: [DayOfWeek; 7] = [
        DayOfWeek::Monday,
        DayOfWeek::Tuesday,
        DayOfWeek::Wednesday,
        DayOfWeek::Thursday,
        DayOfWeek::Friday,
        DayOfWeek::Saturday,
        DayOfWeek::Sunday,
    ];

    pub fn of(date: NaiveDate) -> DayOfWeek {
        date.weekday().into()
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DayOfWeek::Monday => "monday",
            DayOfWeek::Tuesday => "tuesday",
            DayOfWeek::Wednesday => "wednesday",
            DayOfWeek::Thursday => "thursday",
            DayOfWeek::Friday => "friday",
            DayOfWeek::Saturday => "saturday",
            DayOfWeek::Sunday => "sunday",
        }
    }
}

impl From<Weekday> for DayOfWeek {
    fn from(w: Weekday) -> Self {
        DayOfWeek::ALL[w.num_days_from_monday() as usize]
    }
}

impl From<DayOfWeek> for Weekday {
    fn from(d: DayOfWeek) -> Self {
        match d {
            DayOfWeek::Monday => Weekday::Mon,
            DayOfWeek::Tuesday => Weekday::Tue,
            DayOfWeek::Wednesday => Weekday::Wed,
            DayOfWeek::Thursday => Weekday::Thu,
            DayOfWeek::Friday => Weekday::Fri,
            DayOfWeek::Saturday => Weekday::Sat,
            DayOfWeek::Sunday => Weekday::Sun,
        }
    }
}

/// A local `[start, end)` period of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
pub struct TimeRange {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl TimeRange {
    pub fn new(start: NaiveTime, end: NaiveTime) -> Self {
        Self { start, end }
    }

    /// `TimeRange::hm((8, 0), (12, 30))`; panics on an impossible time (for fixed setups, tests).
    pub fn hm(start: (u32, u32), end: (u32, u32)) -> Self {
        let t = |(h, m): (u32, u32)| NaiveTime::from_hms_opt(h, m, 0).expect("a real time");
        Self::new(t(start), t(end))
    }

    /// The period on `date` as a real span.
    pub fn span_on(&self, tz: Tz, date: NaiveDate) -> Span {
        Span::new(
            boundary_to_utc(tz, date.and_time(self.start)),
            boundary_to_utc(tz, date.and_time(self.end)),
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct WeeklyHours {
    pub monday: Vec<TimeRange>,
    pub tuesday: Vec<TimeRange>,
    pub wednesday: Vec<TimeRange>,
    pub thursday: Vec<TimeRange>,
    pub friday: Vec<TimeRange>,
    pub saturday: Vec<TimeRange>,
    pub sunday: Vec<TimeRange>,
}

impl WeeklyHours {
    /// The same periods Monday to Friday, closed at the weekend.
    pub fn weekdays(periods: &[TimeRange]) -> Self {
        let mut h = WeeklyHours::default();
        for day in &DayOfWeek::ALL[..5] {
            *h.on_mut(*day) = periods.to_vec();
        }
        h
    }

    pub fn on(&self, day: DayOfWeek) -> &[TimeRange] {
        match day {
            DayOfWeek::Monday => &self.monday,
            DayOfWeek::Tuesday => &self.tuesday,
            DayOfWeek::Wednesday => &self.wednesday,
            DayOfWeek::Thursday => &self.thursday,
            DayOfWeek::Friday => &self.friday,
            DayOfWeek::Saturday => &self.saturday,
            DayOfWeek::Sunday => &self.sunday,
        }
    }

    pub fn on_mut(&mut self, day: DayOfWeek) -> &mut Vec<TimeRange> {
        match day {
            DayOfWeek::Monday => &mut self.monday,
            DayOfWeek::Tuesday => &mut self.tuesday,
            DayOfWeek::Wednesday => &mut self.wednesday,
            DayOfWeek::Thursday => &mut self.thursday,
            DayOfWeek::Friday => &mut self.friday,
            DayOfWeek::Saturday => &mut self.saturday,
            DayOfWeek::Sunday => &mut self.sunday,
        }
    }

    /// Each period ends after it starts and periods of a day do not overlap (they may touch).
    /// Problems name the weekday (`monday`, …).
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut problems = Vec::new();
        for day in DayOfWeek::ALL {
            let mut periods = self.on(day).to_vec();
            if periods.iter().any(|p| p.end <= p.start) {
                problems.push(FieldError::new(
                    day.as_str(),
                    "a period must end after it starts",
                ));
                continue;
            }
            periods.sort_by_key(|p| p.start);
            if periods.windows(2).any(|w| w[1].start < w[0].end) {
                problems.push(FieldError::new(day.as_str(), "periods overlap"));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(problems))
        }
    }

    /// The real spans open on `date`, normalized (touching periods join).
    pub fn spans(&self, tz: Tz, date: NaiveDate) -> Vec<Span> {
        normalize(
            self.on(DayOfWeek::of(date))
                .iter()
                .map(|p| p.span_on(tz, date))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, TimeZone, Utc};
    use chrono_tz::America::Chicago;

    fn utc(m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn weekday_round_trip() {
        for w in [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ] {
            assert_eq!(Weekday::from(DayOfWeek::from(w)), w);
        }
        let fri = NaiveDate::from_ymd_opt(2026, 7, 3).unwrap();
        assert_eq!(DayOfWeek::of(fri), DayOfWeek::Friday);
    }

    #[test]
    fn lunch_is_the_gap_and_touching_periods_join() {
        let h = WeeklyHours::weekdays(&[
            TimeRange::hm((8, 0), (10, 0)),
            TimeRange::hm((10, 0), (12, 0)),
            TimeRange::hm((13, 0), (17, 0)),
        ]);
        let wed = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
        assert_eq!(
            h.spans(Chicago, wed),
            vec![
                Span::new(utc(7, 1, 13, 0), utc(7, 1, 17, 0)),
                Span::new(utc(7, 1, 18, 0), utc(7, 1, 22, 0)),
            ]
        );
        let sat = NaiveDate::from_ymd_opt(2026, 7, 4).unwrap();
        assert!(h.spans(Chicago, sat).is_empty());
    }

    #[test]
    fn periods_across_the_spring_gap_lose_the_missing_hour() {
        let h = WeeklyHours {
            sunday: vec![TimeRange::hm((1, 0), (4, 0))],
            ..WeeklyHours::default()
        };
        let spring = NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
        let spans = h.spans(Chicago, spring);
        assert_eq!(spans, vec![Span::new(utc(3, 8, 7, 0), utc(3, 8, 9, 0))]);
    }

    #[test]
    fn validation_names_the_day() {
        let mut h = WeeklyHours::weekdays(&[TimeRange::hm((8, 0), (12, 0))]);
        assert!(h.validate().is_ok());
        h.tuesday = vec![TimeRange::hm((12, 0), (8, 0))];
        h.thursday = vec![
            TimeRange::hm((8, 0), (12, 0)),
            TimeRange::hm((11, 0), (13, 0)),
        ];
        let err = h.validate().unwrap_err();
        let got: Vec<(&str, &str)> = err
            .0
            .iter()
            .map(|e| (e.field.as_str(), e.problem.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("tuesday", "a period must end after it starts"),
                ("thursday", "periods overlap")
            ]
        );
    }
}
