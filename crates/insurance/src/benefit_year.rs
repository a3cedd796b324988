//! The benefit year a date of service falls in: from the plan's start day (January 1 unless the
//! plan says otherwise) to the day before the next one. Benefits used are counted in it.
use chrono::{Datelike, NaiveDate};

/// `(first day, first day of the next benefit year)` for `day`, with the year starting on
/// `start` (`MM-DD`; empty or unreadable is January 1; February 29 starts on March 1 in other years).
pub fn benefit_year(start: &str, day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let (m, d) = start
        .trim()
        .split_once('-')
        .and_then(|(m, d)| Some((m.parse::<u32>().ok()?, d.parse::<u32>().ok()?)))
        .unwrap_or((1, 1));
    let begin = |year: i32| {
        NaiveDate::from_ymd_opt(year, m, d)
            .or_else(|| NaiveDate::from_ymd_opt(year, m, d - 1)?.succ_opt())
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(year, 1, 1).expect("January 1"))
    };
    let this = begin(day.year());
    if this <= day {
        (this, begin(day.year() + 1))
    } else {
        (begin(day.year() - 1), this)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn calendar_year_by_default() {
        assert_eq!(
            benefit_year("", d(2026, 3, 10)),
            (d(2026, 1, 1), d(2027, 1, 1))
        );
        assert_eq!(
            benefit_year("01-01", d(2026, 1, 1)),
            (d(2026, 1, 1), d(2027, 1, 1))
        );
    }

    #[test]
    fn a_july_year_straddles_new_year() {
        assert_eq!(
            benefit_year("07-01", d(2026, 3, 10)),
            (d(2025, 7, 1), d(2026, 7, 1))
        );
        assert_eq!(
            benefit_year("07-01", d(2026, 7, 1)),
            (d(2026, 7, 1), d(2027, 7, 1))
        );
    }

    #[test]
    fn february_29_starts_on_march_1_in_common_years() {
        assert_eq!(
            benefit_year("02-29", d(2026, 3, 1)),
            (d(2026, 3, 1), d(2027, 3, 1))
        );
        assert_eq!(
            benefit_year("02-29", d(2028, 2, 29)),
            (d(2028, 2, 29), d(2029, 3, 1))
        );
    }
}
