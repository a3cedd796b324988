//! Rules a patient record must satisfy before it is written. Every problem is reported with the
//! field's name and never with its value.
use chrono::NaiveDate;

use crate::dob::{parse_date_input, DateInputError};
use crate::error::{FieldError, ValidationErrors};
use crate::patient::{PatientDraft, PatientStatus, Sex};
use crate::search_key::phone_digits;

pub const MAX_NAME: usize = 100;
pub const MAX_LINE: usize = 200;
pub const MAX_EMAIL: usize = 254;
pub const MAX_CHART: usize = 20;
pub const MAX_NOTES: usize = 4000;
/// Nobody on the books is older than this.
pub const MAX_AGE_YEARS: i32 = 130;

/// A draft that passed validation: strings trimmed, date parsed, defaults filled in.
#[derive(Clone, Debug)]
pub struct ValidPatient {
    pub draft: PatientDraft,
    pub date_of_birth: NaiveDate,
    pub sex: Sex,
    pub status: PatientStatus,
}

pub fn validate_patient(
    draft: &PatientDraft,
    today: NaiveDate,
) -> Result<ValidPatient, ValidationErrors> {
    let mut d = draft.clone();
    trim_all(&mut d);
    let mut errs = Vec::new();
    let mut err = |field: &str, problem: &str| errs.push(FieldError::new(field, problem));

    required(&mut err, "last_name", &d.last_name);
    required(&mut err, "first_name", &d.first_name);
    for (field, value, max) in text_fields(&d) {
        if value.chars().count() > max {
            err(field, &format!("is longer than {max} characters"));
        }
        let allow_newlines =
            field == "notes" || field == "medical.alerts" || field == "medical.allergies";
        if value
            .chars()
            .any(|c| c.is_control() && !(allow_newlines && (c == '\n' || c == '\t')))
        {
            err(field, "contains control characters");
        }
    }
    for (field, value) in [
        ("phone_home", &d.phone_home),
        ("phone_mobile", &d.phone_mobile),
        ("phone_work", &d.phone_work),
        ("emergency_contact.phone", &d.emergency_contact.phone),
    ] {
        if let Some(problem) = phone_problem(value) {
            err(field, problem);
        }
    }
    if !d.email.is_empty() && !email_looks_valid(&d.email) {
        err("email", "is not an email address");
    }
    if !d.chart_number.is_empty()
        && !d
            .chart_number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        err("chart_number", "may contain only letters, digits and '-'");
    }
    let dob = match parse_date_input(&d.date_of_birth) {
        _ if d.date_of_birth.is_empty() => {
            err("date_of_birth", "is required");
            None
        }
        Ok(date) if date > today => {
            err("date_of_birth", "is in the future");
            None
        }
        Ok(date) if today.years_since(date).unwrap_or(0) as i32 > MAX_AGE_YEARS => {
            err(
                "date_of_birth",
                &format!("is more than {MAX_AGE_YEARS} years ago"),
            );
            None
        }
        Ok(date) => Some(date),
        Err(DateInputError::NoSuchDay) => {
            err("date_of_birth", "is not a real date");
            None
        }
        Err(DateInputError::NotADate) => {
            err(
                "date_of_birth",
                "is not a date (use YYYY-MM-DD or M/D/YYYY)",
            );
            None
        }
    };
    match dob {
        Some(date_of_birth) if errs.is_empty() => {
            d.date_of_birth = date_of_birth.format("%Y-%m-%d").to_string();
            Ok(ValidPatient {
                sex: d.sex.unwrap_or(Sex::Unknown),
                status: d.status.unwrap_or(PatientStatus::Active),
                draft: d,
                date_of_birth,
            })
        }
        _ => Err(ValidationErrors(errs)),
    }
}

fn required(err: &mut impl FnMut(&str, &str), field: &str, value: &str) {
    if value.is_empty() {
        err(field, "is required");
    }
}

fn phone_problem(value: &str) -> Option<&'static str> {
    if value.is_empty() {
        return None;
    }
    if !value
        .chars()
        .all(|c| c.is_ascii_digit() || " ()-.+".contains(c))
    {
        return Some("may contain only digits, spaces and ( ) - . +");
    }
    let n = phone_digits(value).len();
    if !(7..=15).contains(&n) {
        return Some("must have 7 to 15 digits");
    }
    None
}

fn email_looks_valid(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
        && !domain.contains('@')
}

fn text_fields(d: &PatientDraft) -> Vec<(&'static str, &str, usize)> {
    vec![
        ("last_name", &d.last_name, MAX_NAME),
        ("first_name", &d.first_name, MAX_NAME),
        ("middle_name", &d.middle_name, MAX_NAME),
        ("preferred_name", &d.preferred_name, MAX_NAME),
        ("address.line1", &d.address.line1, MAX_LINE),
        ("address.line2", &d.address.line2, MAX_LINE),
        ("address.city", &d.address.city, MAX_NAME),
        ("address.state", &d.address.state, MAX_NAME),
        ("address.postal_code", &d.address.postal_code, 20),
        ("address.country", &d.address.country, MAX_NAME),
        ("phone_home", &d.phone_home, 30),
        ("phone_mobile", &d.phone_mobile, 30),
        ("phone_work", &d.phone_work, 30),
        ("email", &d.email, MAX_EMAIL),
        ("chart_number", &d.chart_number, MAX_CHART),
        ("medical.allergies", &d.medical.allergies, MAX_NOTES),
        ("medical.alerts", &d.medical.alerts, MAX_NOTES),
        ("notes", &d.notes, MAX_NOTES),
        (
            "emergency_contact.name",
            &d.emergency_contact.name,
            MAX_LINE,
        ),
        (
            "emergency_contact.relationship",
            &d.emergency_contact.relationship,
            MAX_NAME,
        ),
        ("emergency_contact.phone", &d.emergency_contact.phone, 30),
        ("referral_source", &d.referral_source, MAX_LINE),
    ]
}

fn trim_all(d: &mut PatientDraft) {
    for s in [
        &mut d.last_name,
        &mut d.first_name,
        &mut d.middle_name,
        &mut d.preferred_name,
        &mut d.date_of_birth,
        &mut d.address.line1,
        &mut d.address.line2,
        &mut d.address.city,
        &mut d.address.state,
        &mut d.address.postal_code,
        &mut d.address.country,
        &mut d.phone_home,
        &mut d.phone_mobile,
        &mut d.phone_work,
        &mut d.email,
        &mut d.chart_number,
        &mut d.emergency_contact.name,
        &mut d.emergency_contact.relationship,
        &mut d.emergency_contact.phone,
        &mut d.referral_source,
    ] {
        let t = s.trim();
        if t.len() != s.len() {
            *s = t.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn draft() -> PatientDraft {
        PatientDraft {
            last_name: "Marín".into(),
            first_name: "José".into(),
            date_of_birth: "3/7/1984".into(),
            phone_mobile: "(555) 010-2030".into(),
            ..Default::default()
        }
    }

    fn fields(d: &PatientDraft) -> Vec<String> {
        validate_patient(d, today())
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn accepts_a_minimal_patient_and_normalises_the_date() {
        let v = validate_patient(&draft(), today()).unwrap();
        assert_eq!(v.draft.date_of_birth, "1984-03-07");
        assert_eq!(v.status, PatientStatus::Active);
    }

    #[test]
    fn rejects_bad_input_naming_the_field_not_the_value() {
        let mut d = draft();
        d.last_name = "   ".into();
        d.date_of_birth = "2026-02-30".into();
        d.phone_home = "555-CALL-NOW".into();
        d.email = "jose at example".into();
        d.first_name = "x".repeat(MAX_NAME + 1);
        let e = validate_patient(&d, today()).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("last_name: is required"), "{msg}");
        assert!(msg.contains("date_of_birth: is not a real date"), "{msg}");
        assert!(msg.contains("phone_home"), "{msg}");
        assert!(msg.contains("email"), "{msg}");
        assert!(msg.contains("first_name: is longer than"), "{msg}");
        assert!(!msg.contains("CALL") && !msg.contains("jose at"), "{msg}");
    }

    #[test]
    fn rejects_future_and_ancient_birth_dates() {
        let mut d = draft();
        d.date_of_birth = "2026-11-25".into();
        assert_eq!(fields(&d), ["date_of_birth"]);
        d.date_of_birth = "1890-01-01".into();
        assert_eq!(fields(&d), ["date_of_birth"]);
        d.date_of_birth = "2026-11-24".into();
        assert!(validate_patient(&d, today()).is_ok());
    }

    #[test]
    fn rejects_control_characters_and_short_phones() {
        let mut d = draft();
        d.preferred_name = "Jo\u{0}".into();
        d.phone_work = "12-34".into();
        assert_eq!(fields(&d), ["preferred_name", "phone_work"]);
    }
}
