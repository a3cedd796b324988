//! Local wall-clock time in the clinic's timezone ↔ real instants (UTC).
//!
//! - A time a person typed ([`to_utc`]) that does not exist — it falls in the spring-forward gap,
//!   e.g. 02:30 on 2026-03-08 in America/Chicago — is refused with [`LocalTimeError::Nonexistent`].
//! - A typed time that happens twice — the fall-back hour, e.g. 01:30 on 2026-11-01 in
//!   America/Chicago — means its **earlier** instant (01:30 CDT, 06:30 UTC). The later 01:30 (CST)
//!   is still bookable by picking it from a day's slots, which are real instants.
//! - A boundary of a period (working hours, a weekly blockout, noon) is never refused: in a gap it
//!   means the first instant after the gap, in a repeated hour the earlier instant
//!   ([`boundary_to_utc`]).
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use frontdesk_domain::FieldError;

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LocalTimeError {
    #[error("{time} does not exist on {date} in {zone}: the clocks jump forward over it")]
    Nonexistent {
        date: NaiveDate,
        time: NaiveTime,
        zone: &'static str,
    },
}

impl LocalTimeError {
    /// The same problem as a field error for the form (`field` is e.g. `start_time`).
    pub fn field_error(&self, field: &str) -> FieldError {
        match self {
            LocalTimeError::Nonexistent { .. } => FieldError::new(
                field,
                "does not exist that day (the clocks jump forward for daylight saving)",
            ),
        }
    }
}

/// A typed local date and time as a real instant; see the module docs for the two DST cases.
pub fn to_utc(tz: Tz, date: NaiveDate, time: NaiveTime) -> Result<DateTime<Utc>, LocalTimeError> {
    tz.from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or(LocalTimeError::Nonexistent {
            date,
            time,
            zone: tz.name(),
        })
}

/// A period's boundary as a real instant: the earlier instant of a repeated time, the first
/// instant after the gap for a time that does not exist.
pub fn boundary_to_utc(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    if let Some(t) = tz.from_local_datetime(&local).earliest() {
        return t.with_timezone(&Utc);
    }
    // In a gap: the first local minute after it is where the clocks land. Gaps are whole minutes
    // and at most a day long (Samoa skipped 2011-12-30).
    let base = local.with_second(0).and_then(|t| t.with_nanosecond(0));
    let base = base.unwrap_or(local);
    (1..=2 * 24 * 60)
        .find_map(|m| {
            tz.from_local_datetime(&(base + Duration::minutes(m)))
                .earliest()
        })
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&local))
}

/// The real span of a local date: from its first instant to the next date's first instant
/// (23 hours on a spring-forward day, 25 on a fall-back day, empty for a skipped date).
pub fn day_bounds(tz: Tz, date: NaiveDate) -> Span {
    let start = boundary_to_utc(tz, date.and_time(NaiveTime::MIN));
    let end = date
        .succ_opt()
        .map(|next| boundary_to_utc(tz, next.and_time(NaiveTime::MIN)))
        .unwrap_or(start);
    Span::new(start, end.max(start))
}

/// The clinic's date at `instant`.
pub fn local_date(tz: Tz, instant: DateTime<Utc>) -> NaiveDate {
    instant.with_timezone(&tz).date_naive()
}

/// The clinic's wall-clock date and time at `instant`.
pub fn local_datetime(tz: Tz, instant: DateTime<Utc>) -> NaiveDateTime {
    instant.with_timezone(&tz).naive_local()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::America::Chicago;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn utc(m: u32, day: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, m, day, h, min, 0).unwrap()
    }

    #[test]
    fn typed_times_around_daylight_saving() {
        let spring = d(2026, 3, 8);
        let fall = d(2026, 11, 1);
        let cases = [
            (spring, t(1, 59), Ok(utc(3, 8, 7, 59))),
            (
                spring,
                t(2, 0),
                Err(LocalTimeError::Nonexistent {
                    date: spring,
                    time: t(2, 0),
                    zone: "America/Chicago",
                }),
            ),
            (
                spring,
                t(2, 30),
                Err(LocalTimeError::Nonexistent {
                    date: spring,
                    time: t(2, 30),
                    zone: "America/Chicago",
                }),
            ),
            (spring, t(3, 0), Ok(utc(3, 8, 8, 0))),
            // Fall back: 01:30 happens at 06:30 UTC (CDT) and 07:30 UTC (CST); the earlier wins.
            (fall, t(1, 30), Ok(utc(11, 1, 6, 30))),
            (fall, t(0, 59), Ok(utc(11, 1, 5, 59))),
            (fall, t(2, 0), Ok(utc(11, 1, 8, 0))),
            (d(2026, 7, 1), t(9, 0), Ok(utc(7, 1, 14, 0))),
        ];
        for (date, time, want) in cases {
            assert_eq!(to_utc(Chicago, date, time), want, "{date} {time}");
        }
    }

    #[test]
    fn the_refusal_says_what_is_wrong() {
        let err = to_utc(Chicago, d(2026, 3, 8), t(2, 30)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "02:30:00 does not exist on 2026-03-08 in America/Chicago: the clocks jump forward over it"
        );
        assert_eq!(err.field_error("start_time").field, "start_time");
    }

    #[test]
    fn boundaries_in_the_gap_land_after_it() {
        let spring = d(2026, 3, 8);
        assert_eq!(
            boundary_to_utc(Chicago, spring.and_time(t(2, 30))),
            utc(3, 8, 8, 0)
        );
        assert_eq!(
            boundary_to_utc(Chicago, d(2026, 11, 1).and_time(t(1, 30))),
            utc(11, 1, 6, 30)
        );
    }

    #[test]
    fn day_lengths() {
        for (date, hours) in [
            (d(2026, 3, 7), 24),
            (d(2026, 3, 8), 23),
            (d(2026, 11, 1), 25),
            (d(2026, 11, 2), 24),
        ] {
            let b = day_bounds(Chicago, date);
            assert_eq!((b.end - b.start).num_hours(), hours, "{date}");
            assert_eq!(local_date(Chicago, b.start), date);
            assert_eq!(local_date(Chicago, b.end - Duration::seconds(1)), date);
        }
        // Samoa skipped 2011-12-30 entirely.
        let skipped = day_bounds(chrono_tz::Pacific::Apia, d(2011, 12, 30));
        assert!(skipped.is_empty());
    }
}
