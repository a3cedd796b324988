//! Demo today: the office is open today (a weekend day gets morning hours), and today's visits
//! are at every step of the Today board — one checked out and paid at the desk, one in the chair,
//! one waiting, and the rest of the day still due — so a newcomer's first screen is not empty.
use chrono::{Datelike, Weekday};
use frontdesk_app::money::ledger_postings::PaymentDraft;
use frontdesk_app::schedule::appointments::{AppointmentAction, AppointmentDraft};
use frontdesk_app::{App, AppError};
use frontdesk_domain::PatientId;
use frontdesk_insurance::TreatmentItemDraft;
use frontdesk_ledger::PaymentMethod;
use frontdesk_scheduling::{TimeRange, WeeklyHours};

/// How far along a demo visit of today is.
#[derive(Clone, Copy, PartialEq)]
enum Step {
    Due,
    Waiting,
    InChair,
    CheckedOutAndPaid,
}

/// The weekly hours with today opened 8–13 when today is a weekend day.
pub fn open_today(mut hours: WeeklyHours, today: chrono::NaiveDate) -> WeeklyHours {
    let morning = vec![TimeRange::hm((8, 0), (13, 0))];
    match today.weekday() {
        Weekday::Sat if hours.saturday.is_empty() => hours.saturday = morning,
        Weekday::Sun if hours.sunday.is_empty() => hours.sunday = morning,
        _ => {}
    }
    hours
}

/// Books today's visits and walks them through their steps; returns how many were booked.
/// `types` are the demo's appointment type ids: cleaning, hygiene exam, filling, crown, emergency.
pub async fn book_today(
    app: &App,
    patients: &[PatientId],
    types: &[i64],
) -> Result<usize, AppError> {
    // (time, type, provider, operatory, step); hygienists 3 and 4 work in Hygiene 1 and 2.
    let visits = [
        ("08:00", 2, 1, 1, Step::CheckedOutAndPaid),
        ("08:30", 0, 3, 4, Step::InChair),
        ("09:30", 0, 4, 5, Step::Waiting),
        ("10:00", 4, 2, 2, Step::Due),
        ("11:00", 1, 3, 4, Step::Due),
        ("10:30", 2, 1, 1, Step::Due),
        ("10:40", 0, 4, 5, Step::Due),
    ];
    let mut booked = 0;
    for (k, (time, t, provider, operatory, step)) in visits.into_iter().enumerate() {
        let Some(&patient) = patients.get(1 + k * 7) else {
            break;
        };
        let draft = AppointmentDraft {
            patient_id: patient,
            date: app.today().to_string(),
            time: time.into(),
            type_id: types[t],
            provider,
            operatory,
            ..Default::default()
        };
        let visit = app.book_appointment(&draft).await?;
        booked += 1;
        let steps: &[AppointmentAction] = match step {
            Step::Due => &[AppointmentAction::Confirm],
            Step::Waiting => &[AppointmentAction::Confirm, AppointmentAction::CheckIn],
            Step::InChair => &[AppointmentAction::CheckIn, AppointmentAction::Seat],
            Step::CheckedOutAndPaid => &[AppointmentAction::CheckIn, AppointmentAction::Seat],
        };
        for action in steps {
            app.appointment_action(visit.id, action).await?;
        }
        if step == Step::CheckedOutAndPaid {
            check_out_and_pay(app, patient, visit.id).await?;
        }
    }
    Ok(booked)
}

/// The filling is done (its charge posts), the visit checked out, today's share paid by card.
async fn check_out_and_pay(app: &App, patient: PatientId, visit: i64) -> Result<(), AppError> {
    let plan = app
        .add_treatment(
            patient,
            &TreatmentItemDraft {
                code: "D2391".into(),
                tooth: "30".into(),
                surface: "O".into(),
                ..Default::default()
            },
        )
        .await?;
    let item = plan.items.iter().map(|i| i.id).max().unwrap_or_default();
    app.complete_treatment(patient, item, &app.today().to_string())
        .await?;
    app.appointment_action(visit, &AppointmentAction::CheckOut)
        .await?;
    let due = app.due_today(patient).await?.totals.patient_cents;
    if due > 0 {
        app.take_payment(&PaymentDraft {
            patient_id: patient,
            date: String::new(),
            amount_cents: due,
            method: PaymentMethod::Card {
                last_four: "4242".into(),
            },
            note: String::new(),
            charges: vec![],
        })
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weekend_day_opens_in_the_morning_and_a_weekday_keeps_its_hours() {
        let week = WeeklyHours::weekdays(&[TimeRange::hm((8, 0), (17, 0))]);
        let sunday = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let tuesday = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(
            open_today(week.clone(), sunday).sunday,
            vec![TimeRange::hm((8, 0), (13, 0))]
        );
        assert!(open_today(week.clone(), sunday).saturday.is_empty());
        assert_eq!(open_today(week.clone(), tuesday), week);
    }
}
