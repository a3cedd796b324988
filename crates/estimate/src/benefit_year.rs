//! The benefit year: from the plan's start day (January 1 unless the plan says otherwise) to the
//! day before the next one. Deductibles, maximums and per-benefit-year frequency limits count in
//! it, here and wherever benefits used are added up (the insurance crate calls [`benefit_year`]),
//! so both always count over the same year.
use chrono::{Datelike, NaiveDate};

use crate::model::YearStart;

impl YearStart {
    /// Reads a start as the scenario format and the plan editor write it: `MM-DD` (`07-01`), or a
    /// full date `YYYY-MM-DD` of which only the month and day count (`2026-07-01` is July 1).
    /// February 29 is read (see [`YearStart::in_year`]); `None` for anything that is no day of a
    /// year, including text that is not ASCII.
    pub fn parse(s: &str) -> Option<YearStart> {
        let md = if s.len() == 10 { s.get(5..)? } else { s };
        if md.len() != 5 {
            return None;
        }
        let (m, d) = md.split_once('-')?;
        let (month, day) = (m.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
        // 2000 is a leap year: every month and day some year has.
        NaiveDate::from_ymd_opt(2000, month, day)?;
        Some(YearStart { month, day })
    }

    /// The day this start falls on in `year`: February 29 is March 1 in common years. `None`
    /// when the start is no day of any year, or the year is outside the calendar.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day).or_else(|| {
            (self.month == 2 && self.day == 29)
                .then(|| NaiveDate::from_ymd_opt(year, 3, 1))
                .flatten()
        })
    }
}

/// `(first day, first day of the next benefit year)` of the benefit year containing `day`, with
/// the year starting on `start` (January 1 if `start` is no day of a year). At the ends of the
/// calendar the window stops at `NaiveDate::MIN` / `NaiveDate::MAX`.
pub fn benefit_year(start: YearStart, day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = if start.in_year(2000).is_some() {
        start
    } else {
        YearStart::default()
    };
    let year = day.year();
    // A valid start falls on a day of every year the calendar holds, `day`'s included.
    let this = start.in_year(year).unwrap_or(day);
    if this <= day {
        let next = start.in_year(year + 1).unwrap_or(NaiveDate::MAX);
        (this, next)
    } else {
        let previous = start.in_year(year - 1).unwrap_or(NaiveDate::MIN);
        (previous, this)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn starts_are_month_and_day() {
        let july = Some(YearStart { month: 7, day: 1 });
        for s in ["07-01", "2026-07-01", "1999-07-01"] {
            assert_eq!(YearStart::parse(s), july, "{s}");
        }
        assert_eq!(
            YearStart::parse("02-29"),
            Some(YearStart { month: 2, day: 29 })
        );
        for s in [
            "",
            "7-1",
            "07-1",
            "13-01",
            "00-01",
            "01-00",
            "02-30",
            "04-31",
            "07/01",
            "ééééé",
            "2026é07-0",
            "123€5-01",
            "2026-€7-",
            "07-01 ",
        ] {
            assert_eq!(YearStart::parse(s), None, "{s:?}");
        }
    }

    #[test]
    fn windows() {
        let july = YearStart { month: 7, day: 1 };
        let feb29 = YearStart { month: 2, day: 29 };
        let cases = [
            (
                YearStart::default(),
                "2026-03-10",
                "2026-01-01",
                "2027-01-01",
            ),
            (july, "2026-03-10", "2025-07-01", "2026-07-01"),
            (july, "2026-06-30", "2025-07-01", "2026-07-01"),
            (july, "2026-07-01", "2026-07-01", "2027-07-01"),
            (feb29, "2026-02-28", "2025-03-01", "2026-03-01"),
            (feb29, "2028-02-29", "2028-02-29", "2029-03-01"),
            (feb29, "2029-02-28", "2028-02-29", "2029-03-01"),
            (
                YearStart { month: 13, day: 40 },
                "2026-03-10",
                "2026-01-01",
                "2027-01-01",
            ),
        ];
        for (start, day, from, to) in cases {
            assert_eq!(
                benefit_year(start, d(day)),
                (d(from), d(to)),
                "{start:?} {day}"
            );
        }
    }

    #[test]
    fn the_ends_of_the_calendar() {
        let july = YearStart { month: 7, day: 1 };
        let (from, to) = benefit_year(july, NaiveDate::MIN);
        assert_eq!((from, to.month(), to.day()), (NaiveDate::MIN, 7, 1));
        let (from, to) = benefit_year(YearStart::default(), NaiveDate::MAX);
        assert_eq!((from.month(), from.day(), to), (1, 1, NaiveDate::MAX));
    }
}
