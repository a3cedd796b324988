//! What a coordinator typed into the search box, classified.
use chrono::NaiveDate;

use crate::dob::parse_date_input;
use crate::search_key::{fold_name, phone_digits};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchQuery {
    Empty,
    /// A date of birth: `3/7/1984` or `1984-03-07`.
    DateOfBirth(NaiveDate),
    /// Only digits and phone punctuation: phone digits (prefix or suffix) or a numeric chart number.
    Digits {
        digits: String,
        raw: String,
    },
    /// Name words, folded. With two or more words, either order matches (last first / first last);
    /// `Smith, John` means last name Smith. `chart` carries the raw text for chart numbers like `P-0042`.
    Name {
        words: Vec<String>,
        last_first: bool,
        chart: String,
    },
}

/// Fewer digits than this is too little to search phones by.
pub const MIN_PHONE_DIGITS: usize = 3;

pub fn parse_search(input: &str) -> SearchQuery {
    let raw = input.trim();
    if raw.is_empty() {
        return SearchQuery::Empty;
    }
    if let Ok(d) = parse_date_input(raw) {
        return SearchQuery::DateOfBirth(d);
    }
    let phoneish = raw
        .chars()
        .all(|c| c.is_ascii_digit() || " ()-.+".contains(c));
    if phoneish && raw.chars().any(|c| c.is_ascii_digit()) {
        return SearchQuery::Digits {
            digits: phone_digits(raw),
            raw: raw.chars().filter(|c| c.is_ascii_digit()).collect(),
        };
    }
    let last_first = raw.contains(',');
    let words: Vec<String> = raw
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(fold_name)
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return SearchQuery::Empty;
    }
    SearchQuery::Name {
        words,
        last_first,
        chart: raw.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_inputs() {
        assert_eq!(parse_search("  "), SearchQuery::Empty);
        assert_eq!(
            parse_search("3/7/1984"),
            SearchQuery::DateOfBirth(NaiveDate::from_ymd_opt(1984, 3, 7).unwrap())
        );
        assert_eq!(
            parse_search("(555) 010-2030"),
            SearchQuery::Digits {
                digits: "5550102030".into(),
                raw: "5550102030".into()
            }
        );
        assert_eq!(
            parse_search("Smith, José"),
            SearchQuery::Name {
                words: vec!["smith".into(), "jose".into()],
                last_first: true,
                chart: "Smith, José".into()
            }
        );
        assert!(matches!(parse_search("P-0042"), SearchQuery::Name { .. }));
    }
}
