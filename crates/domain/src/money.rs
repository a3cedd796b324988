//! Money in integer cents and percentages in basis points.
//!
//! Amounts are never floating point. A percentage of an amount is the only place where a fraction of
//! a cent appears; [`Percent::of`] rounds it to the cent once (half a cent rounds up).
//!
//! This is the one place amounts are turned into text: `$1,200.00` ([`Cents`]' `Display`, for
//! screens, explanations and printed documents), `1,200.00` ([`Cents::to_grouped`], for forms
//! whose column already says dollars) and `1200.00` ([`Cents::to_plain`], the scenario format).
use std::fmt;

use crate::ParseProblem;
use std::ops::{Add, AddAssign, Sub, SubAssign};

/// An amount of money in cents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cents(pub i64);

impl Cents {
    pub const ZERO: Cents = Cents(0);

    /// Whole dollars and cents, e.g. `Cents::new(12, 50)` is $12.50.
    pub const fn new(dollars: i64, cents: i64) -> Cents {
        Cents(dollars * 100 + cents)
    }

    /// `self - other`, but never below zero.
    pub fn saturating_sub(self, other: Cents) -> Cents {
        Cents((self.0 - other.0).max(0))
    }

    pub fn min(self, other: Cents) -> Cents {
        Cents(self.0.min(other.0))
    }

    pub fn max(self, other: Cents) -> Cents {
        Cents(self.0.max(other.0))
    }

    /// This amount times a unit count.
    pub fn times(self, units: u32) -> Cents {
        Cents(self.0 * i64::from(units))
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// Parses a money string such as `"1200.00"`, `"1200.5"` or `"1200"` (at most two decimal places,
    /// never negative). The error is a short description of the problem.
    pub fn parse(s: &str) -> Result<Cents, ParseProblem> {
        let t = s.trim();
        if t.starts_with('-') {
            return Err(ParseProblem(format!("negative amount \"{s}\"")));
        }
        let (whole, frac) = match t.split_once('.') {
            Some((w, f)) => (w, f),
            None => (t, ""),
        };
        let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty()
            || !digits(whole)
            || !digits(frac)
            || (t.contains('.') && frac.is_empty())
        {
            return Err(ParseProblem(format!(
                "not a money amount \"{s}\" (expected e.g. \"120.00\")"
            )));
        }
        if frac.len() > 2 {
            return Err(ParseProblem(format!(
                "\"{s}\" has more than two decimal places"
            )));
        }
        if whole.trim_start_matches('0').len() > 9 {
            return Err(ParseProblem(format!("amount \"{s}\" is too large")));
        }
        let w: i64 = whole
            .parse()
            .map_err(|_| ParseProblem(format!("not a money amount \"{s}\"")))?;
        let f: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().unwrap_or(0) * 10,
            _ => frac.parse::<i64>().unwrap_or(0),
        };
        Ok(Cents(w * 100 + f))
    }

    /// `"1200.00"`: the scenario output format (no dollar sign, no thousands separators).
    pub fn to_plain(self) -> String {
        self.format(false, false)
    }

    /// `"1,200.00"`: thousands separators and no dollar sign, for forms whose column already says
    /// dollars (the printed claim form). Negative amounts are `"-1,200.00"`.
    pub fn to_grouped(self) -> String {
        self.format(false, true)
    }

    /// The one formatter of amounts: `[-][$]dollars.cents`, the dollars grouped by thousands with
    /// commas when `grouped`.
    fn format(self, dollar_sign: bool, grouped: bool) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let dollar = if dollar_sign { "$" } else { "" };
        let a = self.0.unsigned_abs();
        let whole = (a / 100).to_string();
        let whole = if grouped {
            let mut g = String::with_capacity(whole.len() + whole.len() / 3);
            for (i, ch) in whole.chars().enumerate() {
                if i > 0 && (whole.len() - i).is_multiple_of(3) {
                    g.push(',');
                }
                g.push(ch);
            }
            g
        } else {
            whole
        };
        format!("{sign}{dollar}{whole}.{:02}", a % 100)
    }
}

/// `$1,200.00` (`-$12.00`): the explanation format, and how documents and screens print amounts.
impl fmt::Display for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format(true, true))
    }
}

impl Add for Cents {
    type Output = Cents;
    fn add(self, o: Cents) -> Cents {
        Cents(self.0 + o.0)
    }
}

impl AddAssign for Cents {
    fn add_assign(&mut self, o: Cents) {
        self.0 += o.0;
    }
}

impl Sub for Cents {
    type Output = Cents;
    fn sub(self, o: Cents) -> Cents {
        Cents(self.0 - o.0)
    }
}

impl SubAssign for Cents {
    fn sub_assign(&mut self, o: Cents) {
        self.0 -= o.0;
    }
}

impl std::iter::Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(iter: I) -> Cents {
        iter.fold(Cents::ZERO, Add::add)
    }
}

/// A percentage in basis points: 8000 = 80 %, 8750 = 87.5 %. Always 0..=10000.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(u16);

impl Percent {
    pub const ZERO: Percent = Percent(0);
    pub const FULL: Percent = Percent(10_000);

    /// From basis points; `None` above 100 %.
    pub const fn from_basis_points(bp: u16) -> Option<Percent> {
        if bp <= 10_000 {
            Some(Percent(bp))
        } else {
            None
        }
    }

    /// From whole percent; `None` above 100.
    pub const fn from_whole(p: u16) -> Option<Percent> {
        if p <= 100 {
            Some(Percent(p * 100))
        } else {
            None
        }
    }

    pub const fn basis_points(self) -> u16 {
        self.0
    }

    /// This percentage of a (non-negative) amount, rounded once to the cent, half a cent up.
    pub fn of(self, amount: Cents) -> Cents {
        let a = i128::from(amount.0.max(0));
        Cents(((a * i128::from(self.0) + 5_000) / 10_000) as i64)
    }
}

/// `80%`, `87.5%`.
impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (w, r) = (self.0 / 100, self.0 % 100);
        if r == 0 {
            write!(f, "{w}%")
        } else if r % 10 == 0 {
            write!(f, "{w}.{}%", r / 10)
        } else {
            write!(f, "{w}.{r:02}%")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_table() {
        let ok = [
            ("0", 0),
            ("0.00", 0),
            ("1200.00", 120_000),
            ("1200.5", 120_050),
            ("1200", 120_000),
            (" 7.05 ", 705),
            ("999999999.99", 99_999_999_999),
        ];
        for (s, c) in ok {
            assert_eq!(Cents::parse(s), Ok(Cents(c)), "{s}");
        }
        let bad = [
            ("-1.00", "negative"),
            ("1.005", "more than two decimal places"),
            ("abc", "not a money amount"),
            ("", "not a money amount"),
            ("1.", "not a money amount"),
            (".5", "not a money amount"),
            ("1e3", "not a money amount"),
            ("1000000000.00", "too large"),
        ];
        for (s, why) in bad {
            let e = Cents::parse(s).unwrap_err();
            assert!(e.0.contains(why), "{s}: {e}");
        }
    }

    #[test]
    fn format_table() {
        let cases = [
            (0, "0.00", "$0.00"),
            (5, "0.05", "$0.05"),
            (120_000, "1200.00", "$1,200.00"),
            (123_456_789, "1234567.89", "$1,234,567.89"),
        ];
        for (c, plain, shown) in cases {
            assert_eq!(Cents(c).to_plain(), plain);
            assert_eq!(Cents(c).to_string(), shown);
        }
    }

    #[test]
    fn grouped_is_the_shown_amount_without_the_dollar_sign() {
        let cases = [
            (0, "0.00"),
            (5, "0.05"),
            (99_999, "999.99"),
            (100_000, "1,000.00"),
            (120_000, "1,200.00"),
            (123_456_789, "1,234,567.89"),
            (10_000_000_000, "100,000,000.00"),
            (-1_200, "-12.00"),
            (-123_456, "-1,234.56"),
            (i64::MAX, "92,233,720,368,547,758.07"),
            (i64::MIN, "-92,233,720,368,547,758.08"),
        ];
        for (c, grouped) in cases {
            assert_eq!(Cents(c).to_grouped(), grouped, "{c}");
            let shown = match grouped.strip_prefix('-') {
                Some(g) => format!("-${g}"),
                None => format!("${grouped}"),
            };
            assert_eq!(Cents(c).to_string(), shown, "{c}");
            if c >= 0 {
                // What the claim form printed with its own formatter.
                assert_eq!(Cents(c).to_string().trim_start_matches('$'), grouped);
            }
        }
    }

    #[test]
    fn percent_rounds_half_up_once() {
        let cases = [
            (8000, 16_000, 12_800), // 80% of 160.00
            (5000, 1, 1),           // 50% of 0.01 = 0.005 -> 0.01
            (5000, 3, 2),           // 1.5 -> 2
            (3333, 100, 33),        // 33.33% of 1.00 = 0.3333 -> 0.33
            (10_000, 99_999, 99_999),
            (0, 99_999, 0),
        ];
        for (bp, amount, want) in cases {
            assert_eq!(
                Percent::from_basis_points(bp).unwrap().of(Cents(amount)),
                Cents(want),
                "{bp} of {amount}"
            );
        }
        assert_eq!(Percent::from_whole(101), None);
        assert_eq!(
            Percent::from_basis_points(8750).unwrap().to_string(),
            "87.5%"
        );
        assert_eq!(Percent::from_whole(80).unwrap().to_string(), "80%");
    }
}
