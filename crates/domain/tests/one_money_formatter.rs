//! The domain's money module is the one formatter of amounts, and it prints exactly what the
//! formatters it replaced printed: the documents crate's `format_money` (`$1,234.56`, `-$12.00`)
//! and the claim form's `money` (`1,234.56` for the amounts a claim holds, never negative). The
//! replaced code is kept here, verbatim, as the reference.
use frontdesk_domain::money::Cents;
use proptest::prelude::*;

/// crates/documents/src/canvas.rs before it called the domain.
fn documents_format_money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let dollars = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in dollars.chars().enumerate() {
        if i > 0 && (dollars.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}${grouped}.{:02}", abs % 100)
}

/// crates/app/src/documents/claim_form.rs's `money` (`Cents(c).to_string()` with the leading
/// `$` trimmed; the old `Display` of `Cents` was the same code as `documents_format_money`).
fn claim_form_money(c: i64) -> String {
    documents_format_money(c)
        .trim_start_matches('$')
        .to_string()
}

/// The scenario format before the formatters were merged.
fn old_to_plain(c: i64) -> String {
    let sign = if c < 0 { "-" } else { "" };
    let a = c.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

fn amounts() -> impl Strategy<Value = i64> {
    prop_oneof![
        any::<i64>(),
        -10_000_000i64..10_000_000,
        Just(i64::MIN),
        Just(i64::MAX),
        (0u32..19).prop_map(|e| 10i64.pow(e)),
        (1u32..19).prop_map(|e| 10i64.pow(e) - 1),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn shown_amounts_are_what_documents_printed(c in amounts()) {
        prop_assert_eq!(Cents(c).to_string(), documents_format_money(c));
    }

    #[test]
    fn grouped_amounts_are_what_the_claim_form_printed(c in amounts()) {
        // Claim amounts are fees and totals: never negative.
        let c = c.checked_abs().unwrap_or(i64::MAX);
        prop_assert_eq!(Cents(c).to_grouped(), claim_form_money(c));
    }

    #[test]
    fn plain_amounts_are_unchanged(c in amounts()) {
        prop_assert_eq!(Cents(c).to_plain(), old_to_plain(c));
    }
}
