//! The office's slot unit (5, 10 or 15 minutes) and what it means for a booking: a length is a
//! whole, positive number of slots and at most [`MAX_MINUTES`]; a start lies on a slot boundary of
//! the **local** clock (minutes since local midnight divisible by the unit, no seconds). A day's
//! slots are real instants, each once: the spring-forward day has no 02:xx slots, the fall-back
//! day has the repeated 01:xx hour twice, as two different instants (CDT, then CST).
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;
use frontdesk_domain::{FieldError, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::local_time::{day_bounds, local_datetime, to_utc};
use crate::span::Span;

/// The longest booking: 12 hours.
pub const MAX_MINUTES: u32 = 12 * 60;

/// The schedule's grid: 5, 10 or 15 minutes. Serialized as the number of minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(try_from = "u32", into = "u32")]
pub struct SlotUnit(u32);

impl SlotUnit {
    pub const FIVE: SlotUnit = SlotUnit(5);
    pub const TEN: SlotUnit = SlotUnit(10);
    pub const FIFTEEN: SlotUnit = SlotUnit(15);

    /// Field `slot_minutes`: only 5, 10 or 15.
    pub fn from_minutes(minutes: u32) -> Result<SlotUnit, ValidationErrors> {
        match minutes {
            5 | 10 | 15 => Ok(SlotUnit(minutes)),
            _ => Err(ValidationErrors(vec![FieldError::new(
                "slot_minutes",
                "must be 5, 10 or 15 minutes",
            )])),
        }
    }

    pub fn minutes(self) -> u32 {
        self.0
    }

    /// Checks a booking length: a positive whole number of slots, at most 12 hours.
    pub fn check_length(self, field: &str, minutes: u32) -> Result<(), FieldError> {
        let unit = self.0;
        if minutes == 0 {
            Err(FieldError::new(
                field,
                format!("must be at least one {unit}-minute slot"),
            ))
        } else if !minutes.is_multiple_of(unit) {
            Err(FieldError::new(
                field,
                format!("must be a whole number of {unit}-minute slots"),
            ))
        } else if minutes > MAX_MINUTES {
            Err(FieldError::new(field, "must be at most 12 hours"))
        } else {
            Ok(())
        }
    }

    /// `instant` is on a slot boundary of the clinic's clock.
    pub fn is_boundary(self, tz: Tz, instant: DateTime<Utc>) -> bool {
        let local = local_datetime(tz, instant);
        local.second() == 0
            && local.nanosecond() == 0
            && (local.hour() * 60 + local.minute()).is_multiple_of(self.0)
    }

    /// Checks that a start is on a slot boundary.
    pub fn check_start(self, field: &str, tz: Tz, start: DateTime<Utc>) -> Result<(), FieldError> {
        if self.is_boundary(tz, start) {
            Ok(())
        } else {
            Err(FieldError::new(
                field,
                format!("must start on a {}-minute slot boundary", self.0),
            ))
        }
    }
}

impl TryFrom<u32> for SlotUnit {
    type Error = ValidationErrors;

    fn try_from(minutes: u32) -> Result<Self, Self::Error> {
        SlotUnit::from_minutes(minutes)
    }
}

impl From<SlotUnit> for u32 {
    fn from(unit: SlotUnit) -> u32 {
        unit.0
    }
}

/// A typed local start and end time on `date` as a real span, checked: both times exist
/// (`start_time`, `end_time`), the end is after the start, the length — in real minutes, so
/// 01:00–03:00 on the spring-forward day is one hour — is a whole number of slots and at most
/// 12 hours (`end_time`), the start is on a slot boundary (`start_time`).
pub fn local_span(
    tz: Tz,
    unit: SlotUnit,
    date: NaiveDate,
    start_time: NaiveTime,
    end_time: NaiveTime,
) -> Result<Span, ValidationErrors> {
    let mut problems = Vec::new();
    let start = to_utc(tz, date, start_time)
        .map_err(|e| problems.push(e.field_error("start_time")))
        .ok();
    let end = to_utc(tz, date, end_time)
        .map_err(|e| problems.push(e.field_error("end_time")))
        .ok();
    if let Some(start) = start {
        if let Err(e) = unit.check_start("start_time", tz, start) {
            problems.push(e);
        }
    }
    if let (Some(start), Some(end)) = (start, end) {
        if end <= start {
            problems.push(FieldError::new("end_time", "must be after the start time"));
        } else {
            let minutes = u32::try_from((end - start).num_minutes()).unwrap_or(u32::MAX);
            if let Err(e) = unit.check_length("end_time", minutes) {
                problems.push(e);
            }
        }
    }
    match (start, end) {
        (Some(start), Some(end)) if problems.is_empty() => Ok(Span::new(start, end)),
        _ => Err(ValidationErrors(problems)),
    }
}

/// Every slot start of a local date, as real instants in order, each once.
pub fn day_slots(tz: Tz, date: NaiveDate, unit: SlotUnit) -> Vec<DateTime<Utc>> {
    let day = day_bounds(tz, date);
    // Offsets are whole multiples of 5 minutes (15 in every zone in use), so stepping real time
    // by 5 minutes from the day's first instant meets every boundary; the filter keeps those
    // that are boundaries of the local clock.
    let step = Duration::minutes(5);
    let mut out = Vec::with_capacity((24 * 60 / unit.minutes()) as usize + 12);
    let mut t = day.start;
    while t < day.end {
        if unit.is_boundary(tz, t) {
            out.push(t);
        }
        t += step;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::America::Chicago;
    use std::collections::HashSet;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn only_five_ten_or_fifteen() {
        for (minutes, ok) in [(0, false), (5, true), (10, true), (15, true), (20, false)] {
            let got = SlotUnit::from_minutes(minutes);
            assert_eq!(got.is_ok(), ok, "{minutes}");
            if let Err(e) = got {
                assert_eq!(e.first_field(), Some("slot_minutes"));
            }
        }
    }

    #[test]
    fn serialized_as_a_bare_number() {
        assert_eq!(serde_json::to_string(&SlotUnit::TEN).unwrap(), "10");
        assert_eq!(
            serde_json::from_str::<SlotUnit>("15").unwrap(),
            SlotUnit::FIFTEEN
        );
        assert!(serde_json::from_str::<SlotUnit>("20").is_err());
    }

    #[test]
    fn lengths() {
        let unit = SlotUnit::FIFTEEN;
        for (minutes, problem) in [
            (0, Some("must be at least one 15-minute slot")),
            (10, Some("must be a whole number of 15-minute slots")),
            (50, Some("must be a whole number of 15-minute slots")),
            (15, None),
            (720, None),
            (735, Some("must be at most 12 hours")),
        ] {
            let got = unit.check_length("minutes", minutes).err();
            assert_eq!(
                got.as_ref().map(|e| e.problem.as_str()),
                problem,
                "{minutes}"
            );
            if let Some(e) = got {
                assert_eq!(e.field, "minutes");
            }
        }
        assert!(SlotUnit::FIVE.check_length("minutes", 50).is_ok());
    }

    #[test]
    fn boundaries_follow_the_local_clock() {
        let unit = SlotUnit::FIFTEEN;
        let at = |h, m, s| Utc.with_ymd_and_hms(2026, 7, 1, h, m, s).unwrap();
        assert!(unit.is_boundary(Chicago, at(14, 45, 0)));
        assert!(!unit.is_boundary(Chicago, at(14, 50, 0)));
        assert!(!unit.is_boundary(Chicago, at(14, 45, 1)));
        assert!(SlotUnit::TEN.is_boundary(Chicago, at(14, 50, 0)));
        // Kathmandu is UTC+5:45: 03:15 UTC is 09:00 local, a boundary; 03:00 UTC (08:45) is not
        // a 10-minute one.
        let ktm = chrono_tz::Asia::Kathmandu;
        assert!(SlotUnit::TEN.is_boundary(ktm, at(3, 15, 0)));
        assert!(!SlotUnit::TEN.is_boundary(ktm, at(3, 0, 0)));
        assert_eq!(
            unit.check_start("start", Chicago, at(14, 50, 0))
                .unwrap_err()
                .field,
            "start"
        );
    }

    #[test]
    fn typed_spans_name_the_field() {
        let unit = SlotUnit::FIFTEEN;
        let fields = |r: Result<Span, ValidationErrors>| -> Vec<(String, String)> {
            r.unwrap_err()
                .0
                .into_iter()
                .map(|e| (e.field, e.problem))
                .collect()
        };
        let ok = local_span(Chicago, unit, d(7, 1), t(9, 0), t(10, 30)).unwrap();
        assert_eq!((ok.end - ok.start).num_minutes(), 90);
        assert_eq!(
            fields(local_span(Chicago, unit, d(7, 1), t(10, 0), t(9, 0))),
            vec![("end_time".into(), "must be after the start time".into())]
        );
        assert_eq!(
            fields(local_span(Chicago, unit, d(7, 1), t(9, 5), t(10, 0))),
            vec![
                (
                    "start_time".into(),
                    "must start on a 15-minute slot boundary".into()
                ),
                (
                    "end_time".into(),
                    "must be a whole number of 15-minute slots".into()
                )
            ]
        );
        assert_eq!(
            fields(local_span(Chicago, unit, d(7, 1), t(6, 0), t(18, 15))),
            vec![("end_time".into(), "must be at most 12 hours".into())]
        );
        let gap = fields(local_span(Chicago, unit, d(3, 8), t(2, 30), t(4, 0)));
        assert_eq!(gap.len(), 1);
        assert_eq!(gap[0].0, "start_time");
        // Real minutes: 01:00–03:00 on the spring-forward day is one hour.
        let short = local_span(Chicago, unit, d(3, 8), t(1, 0), t(3, 0)).unwrap();
        assert_eq!((short.end - short.start).num_minutes(), 60);
    }

    #[test]
    fn an_ordinary_day_has_96_quarter_hours() {
        let slots = day_slots(Chicago, d(7, 1), SlotUnit::FIFTEEN);
        assert_eq!(slots.len(), 96);
        assert_eq!(local_datetime(Chicago, slots[0]).time(), t(0, 0));
        assert_eq!(local_datetime(Chicago, slots[95]).time(), t(23, 45));
        assert_eq!(day_slots(Chicago, d(7, 1), SlotUnit::FIVE).len(), 288);
    }

    #[test]
    fn spring_forward_day_has_no_two_oclock_slots() {
        let slots = day_slots(Chicago, d(3, 8), SlotUnit::FIFTEEN);
        assert_eq!(slots.len(), 92);
        let local: Vec<NaiveTime> = slots
            .iter()
            .map(|s| local_datetime(Chicago, *s).time())
            .collect();
        assert!(local.iter().all(|l| l.hour() != 2));
        let i = local.iter().position(|l| *l == t(1, 45)).unwrap();
        assert_eq!(local[i + 1], t(3, 0));
        assert_eq!(slots[i + 1] - slots[i], Duration::minutes(15));
    }

    #[test]
    fn fall_back_day_has_each_real_instant_once() {
        let slots = day_slots(Chicago, d(11, 1), SlotUnit::FIFTEEN);
        assert_eq!(slots.len(), 100);
        let unique: HashSet<_> = slots.iter().collect();
        assert_eq!(unique.len(), slots.len());
        assert!(slots
            .windows(2)
            .all(|w| w[1] - w[0] == Duration::minutes(15)));
        // 01:00 local is two instants an hour apart (CDT then CST), each listed once.
        let one_am: Vec<_> = slots
            .iter()
            .filter(|s| local_datetime(Chicago, **s).time() == t(1, 0))
            .collect();
        assert_eq!(one_am.len(), 2);
        assert_eq!(*one_am[1] - *one_am[0], Duration::hours(1));
        for date in [d(3, 8), d(11, 1), d(7, 1)] {
            for s in day_slots(Chicago, date, SlotUnit::TEN) {
                assert_eq!(crate::local_time::local_date(Chicago, s), date);
            }
        }
    }
}
