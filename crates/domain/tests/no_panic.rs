//! No text a coordinator types or imports makes the domain's parsers and checks panic: dates of
//! birth, the search box, patient records (every text field, and drafts as JSON), money amounts,
//! contact-log notes, fee-schedule CSV files, and the search keys built from names and phones.
use chrono::{Datelike, NaiveDate};
use frontdesk_domain::contact_log::{
    validate_contact, ContactDraft, ContactMethodUsed, ContactOutcome,
};
use frontdesk_domain::dob::parse_date_input;
use frontdesk_domain::fee_schedule::parse_fee_csv;
use frontdesk_domain::money::Cents;
use frontdesk_domain::patient_diff::changed_fields;
use frontdesk_domain::search_key::{fold_name, phone_digits, prefix_upper_bound};
use frontdesk_domain::search_query::{parse_search, SearchQuery};
use frontdesk_domain::validation::validate_patient;
use frontdesk_domain::{ContactMethod, PatientDraft, PatientStatus, Relationship, Sex};
use proptest::prelude::*;

/// Any text; short text from digits, date and money punctuation, letters and multi-byte
/// characters; ten-byte strings with multi-byte characters among digits and dashes.
fn text() -> impl Strategy<Value = String> {
    let ten = proptest::collection::vec(
        prop_oneof![
            Just('0'),
            Just('3'),
            Just('-'),
            Just('/'),
            Just('é'),
            Just('€'),
            Just('𝟘')
        ],
        0..10,
    )
    .prop_map(|chars| {
        let mut s = String::new();
        for c in chars {
            if s.len() + c.len_utf8() <= 10 {
                s.push(c);
            }
        }
        while s.len() < 10 {
            s.insert(0, '1');
        }
        s
    });
    prop_oneof![
        any::<String>(),
        "[0-9\\-/.,$ +()'@a-zA-Z\u{e9}\u{20ac}\u{1d7d8}\u{0}\u{feff}\u{a0}\u{7f}\"\n\r]{0,16}",
        "[0-9]{1,5}[-/.][0-9]{1,5}[-/.][0-9]{1,6}",
        ten,
    ]
}

fn any_day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
        (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
            .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
        (0i64..60_000)
            .prop_map(|n| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(n)),
    ]
}

const PATIENT_TEXT_FIELDS: usize = 23;

fn set_patient_text(d: &mut PatientDraft, i: usize, s: String) {
    match i {
        0 => d.last_name = s,
        1 => d.first_name = s,
        2 => d.middle_name = s,
        3 => d.preferred_name = s,
        4 => d.date_of_birth = s,
        5 => d.address.line1 = s,
        6 => d.address.line2 = s,
        7 => d.address.city = s,
        8 => d.address.state = s,
        9 => d.address.postal_code = s,
        10 => d.address.country = s,
        11 => d.phone_home = s,
        12 => d.phone_mobile = s,
        13 => d.phone_work = s,
        14 => d.email = s,
        15 => d.chart_number = s,
        16 => d.medical.allergies = s,
        17 => d.medical.alerts = s,
        18 => d.notes = s,
        19 => d.emergency_contact.name = s,
        20 => d.emergency_contact.relationship = s,
        21 => d.emergency_contact.phone = s,
        _ => d.referral_source = s,
    }
}

fn valid_patient() -> PatientDraft {
    PatientDraft {
        last_name: "Marín".into(),
        first_name: "José".into(),
        date_of_birth: "3/7/1984".into(),
        phone_mobile: "(555) 010-2030".into(),
        email: "jose@example.com".into(),
        ..Default::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn dates_of_birth_are_read_or_refused(s in text()) {
        let _ = parse_date_input(&s);
    }

    #[test]
    fn the_search_box_classifies_any_text(s in text()) {
        match parse_search(&s) {
            SearchQuery::Name { words, .. } => {
                for w in &words {
                    let _ = prefix_upper_bound(w);
                }
            }
            SearchQuery::Digits { digits, raw } => {
                let _ = prefix_upper_bound(&digits);
                let _ = prefix_upper_bound(&raw);
            }
            SearchQuery::Empty | SearchQuery::DateOfBirth(_) => {}
        }
    }

    #[test]
    fn search_keys_are_built_from_any_text(s in text()) {
        let _ = fold_name(&s);
        let _ = phone_digits(&s);
        let _ = prefix_upper_bound(&s);
        let _ = prefix_upper_bound(&fold_name(&s));
    }

    #[test]
    fn money_amounts_are_read_or_refused(s in text()) {
        if let Ok(c) = Cents::parse(&s) {
            prop_assert_eq!(Cents::parse(&c.to_plain()), Ok(c));
            let _ = c.to_string();
        }
    }

    #[test]
    fn any_text_in_any_patient_field_is_refused_or_accepted(
        field in 0..PATIENT_TEXT_FIELDS,
        s in text(),
        today in any_day(),
    ) {
        let mut d = valid_patient();
        set_patient_text(&mut d, field, s);
        let _ = validate_patient(&d, today);
        let _ = changed_fields(&valid_patient(), &d);
    }

    #[test]
    fn a_patient_of_nothing_but_odd_text_is_refused_or_accepted(
        texts in proptest::collection::vec(text(), PATIENT_TEXT_FIELDS),
        today in any_day(),
    ) {
        let mut d = PatientDraft::default();
        for (i, s) in texts.into_iter().enumerate() {
            set_patient_text(&mut d, i, s);
        }
        let _ = validate_patient(&d, today);
    }

    #[test]
    fn patient_drafts_as_json_are_read_or_refused(s in text(), today in any_day()) {
        if let Ok(d) = serde_json::from_str::<PatientDraft>(&s) {
            let _ = validate_patient(&d, today);
        }
    }

    #[test]
    fn words_from_the_window_are_read_or_refused(s in text()) {
        let _ = Sex::parse(&s);
        let _ = PatientStatus::parse(&s);
        let _ = ContactMethod::parse(&s);
        let _ = Relationship::parse(&s);
        let _ = ContactMethodUsed::parse(&s);
        let _ = ContactOutcome::parse(&s);
    }

    #[test]
    fn contact_notes_are_checked(note in text()) {
        let _ = validate_contact(&ContactDraft {
            method: ContactMethodUsed::Call,
            outcome: ContactOutcome::Other,
            note,
        });
    }

    #[test]
    fn any_file_is_refused_or_read_as_a_fee_schedule(s in text()) {
        let _ = parse_fee_csv(&s);
    }

    #[test]
    fn any_cells_in_a_fee_schedule_are_refused_or_read(
        rows in proptest::collection::vec(proptest::collection::vec(text(), 0..5), 0..6),
        header in prop_oneof![
            Just("code,description,fee".to_string()),
            Just("\u{feff}Fee,Code,Description,Category".to_string()),
            text(),
        ],
        quoted in any::<bool>(),
    ) {
        let mut csv = header;
        for row in rows {
            csv.push('\n');
            let cells: Vec<String> = row
                .into_iter()
                .map(|c| if quoted { format!("\"{}\"", c.replace('"', "\"\"")) } else { c })
                .collect();
            csv.push_str(&cells.join(","));
        }
        let _ = parse_fee_csv(&csv);
    }
}

proptest! {
    #[test]
    fn typed_backup_times_are_read_or_refused(s in "\\PC{0,20}") {
        let _ = frontdesk_domain::backup_schedule::parse_time_of_day(&s);
    }
}
