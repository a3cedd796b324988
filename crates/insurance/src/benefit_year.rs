//! The benefit year a date of service falls in: from the plan's start day (January 1 unless the
//! plan says otherwise) to the day before the next one. Benefits used are counted in it. It is the
//! estimate engine's own benefit year ([`frontdesk_estimate::benefit_year()`]), read from the
//! plan's start as the engine reads it, so benefits used are counted over the year the estimate
//! uses.
use chrono::NaiveDate;
use frontdesk_estimate::YearStart;

/// `(first day, first day of the next benefit year)` for `day`, with the year starting on
/// `start` (`MM-DD`, or a date `YYYY-MM-DD` of which the month and day count; empty or unreadable
/// is January 1; February 29 starts on March 1 in other years).
pub fn benefit_year(start: &str, day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = YearStart::parse(start.trim()).unwrap_or_default();
    frontdesk_estimate::benefit_year(start, day)
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
