//! A share as the reports show it: tenths of a percent, rounded half up (125 = 12.5 %), and as
//! text with one decimal.

/// `part / whole` in tenths of a percent; 0 when `whole` is 0.
pub fn permille(part: i64, whole: i64) -> i64 {
    if whole == 0 {
        0
    } else {
        (part * 2000 + whole) / (2 * whole)
    }
}

/// A share in tenths of a percent as the percentage with one decimal: 125 → `"12.5"`.
pub fn percent_text(permille: i64) -> String {
    format!("{}.{}", permille / 10, permille % 10)
}

#[cfg(test)]
mod tests {
    use super::{percent_text, permille};

    #[test]
    fn tenths_of_a_percent_rounded_half_up() {
        assert_eq!(permille(1, 7), 143);
        assert_eq!(permille(1, 8), 125);
        assert_eq!(permille(1, 2000), 1, "0.05 % rounds up");
        assert_eq!(permille(3, 3), 1000);
        assert_eq!(permille(5, 0), 0);
    }

    #[test]
    fn shown_with_one_decimal() {
        assert_eq!(percent_text(125), "12.5");
        assert_eq!(percent_text(1000), "100.0");
        assert_eq!(percent_text(7), "0.7");
    }
}
