//! Dates as a coordinator types them: `1984-03-07`, `3/7/1984`, `03-07-1984`, `3.7.1984`
//! (month first, as on US forms). A four-digit year is required: `3/7/84` is ambiguous.
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateInputError {
    /// Not shaped like a date at all.
    NotADate,
    /// Shaped like a date, but no such day exists (2026-02-30).
    NoSuchDay,
}

pub fn parse_date_input(s: &str) -> Result<NaiveDate, DateInputError> {
    let s = s.trim();
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(DateInputError::NotADate);
    }
    let n = |p: &str| p.parse::<u32>().map_err(|_| DateInputError::NotADate);
    let (y, m, d) = if parts[0].len() == 4 {
        (n(parts[0])?, n(parts[1])?, n(parts[2])?)
    } else if parts[2].len() == 4 {
        (n(parts[2])?, n(parts[0])?, n(parts[1])?)
    } else {
        return Err(DateInputError::NotADate);
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(DateInputError::NoSuchDay);
    }
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(DateInputError::NoSuchDay)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn accepts_iso_and_us_spellings() {
        assert_eq!(parse_date_input("1984-03-07"), Ok(ymd(1984, 3, 7)));
        assert_eq!(parse_date_input("3/7/1984"), Ok(ymd(1984, 3, 7)));
        assert_eq!(parse_date_input("03-07-1984"), Ok(ymd(1984, 3, 7)));
        assert_eq!(parse_date_input(" 12.31.1999 "), Ok(ymd(1999, 12, 31)));
    }

    #[test]
    fn rejects_impossible_days_and_garbage() {
        assert_eq!(
            parse_date_input("2026-02-30"),
            Err(DateInputError::NoSuchDay)
        );
        assert_eq!(
            parse_date_input("13/1/2000"),
            Err(DateInputError::NoSuchDay)
        );
        assert_eq!(parse_date_input("3/7/84"), Err(DateInputError::NotADate));
        assert_eq!(parse_date_input("smith"), Err(DateInputError::NotADate));
        assert_eq!(parse_date_input("1984-03"), Err(DateInputError::NotADate));
    }
}
