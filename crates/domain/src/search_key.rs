//! Search keys: how names and phone numbers are folded so that "jose" finds "José",
//! "obrien" finds "O'Brien" and "(555) 010-2030" finds "555.010.2030".

/// Folds a name for prefix search: transliterated to ASCII (accents dropped, Cyrillic, Greek and
/// CJK romanised), lower-cased, and stripped of everything but letters and digits.
pub fn fold_name(s: &str) -> String {
    deunicode::deunicode(s)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The digits of a phone number, without a leading North-American country code `1`.
pub fn phone_digits(s: &str) -> String {
    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() == 11 && digits.starts_with('1') {
        digits[1..].to_string()
    } else {
        digits
    }
}

/// The smallest string greater than every string that starts with `prefix`; with `prefix` it
/// bounds an index range scan (`key >= prefix AND key < upper`). Keys are ASCII.
pub fn prefix_upper_bound(prefix: &str) -> String {
    let mut bytes = prefix.as_bytes().to_vec();
    while let Some(last) = bytes.pop() {
        if last < 0x7f {
            bytes.push(last + 1);
            return String::from_utf8(bytes).expect("ascii");
        }
    }
    "\u{7f}".repeat(prefix.len() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_punctuation() {
        assert_eq!(fold_name("José"), "jose");
        assert_eq!(fold_name("  O'Brien-Núñez "), "obriennunez");
        assert_eq!(fold_name("ŁUKASZ"), "lukasz");
        assert_eq!(fold_name("Müller"), fold_name("muller"));
    }

    #[test]
    fn folds_non_latin_scripts_consistently() {
        assert_eq!(fold_name("Иванов"), "ivanov");
        assert!(!fold_name("王").is_empty());
        assert_eq!(fold_name("Παπαδόπουλος"), fold_name("papadopoulos"));
    }

    #[test]
    fn phone_digits_in_any_format() {
        assert_eq!(phone_digits("(555) 010-2030"), "5550102030");
        assert_eq!(phone_digits("+1 555.010.2030"), "5550102030");
        assert_eq!(phone_digits("010 2030"), "0102030");
    }

    #[test]
    fn upper_bound_is_just_past_the_prefix() {
        assert_eq!(prefix_upper_bound("smi"), "smj");
        assert!("smith".to_string() < prefix_upper_bound("smi"));
        assert!("smi".to_string() >= "smi".to_string());
    }
}
