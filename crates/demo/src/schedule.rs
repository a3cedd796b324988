//! Demo schedule: office hours Monday to Friday 8–17 in 10-minute slots, providers with a lunch
//! break, common appointment types, and appointments over the next two weeks (each booked through
//! the same rules as the app, so the demo never holds a conflict).
use chrono::{Datelike, Duration, NaiveTime, Weekday};
use frontdesk_domain::PatientId;
use frontdesk_insurance::{TreatmentItemDraft, TreatmentItemId};
use frontdesk_scheduling::{AppointmentType, TimeRange, WeeklyHours};
use frontdesk_store::schedule::{self, OfficeSchedule};
use rand::rngs::StdRng;
use rand::Rng;

use frontdesk_app::schedule::appointments::AppointmentDraft;
use frontdesk_app::{App, AppError};

fn kind(name: &str, slots: u32, colour: &str, codes: &[&str], overlap: bool) -> AppointmentType {
    AppointmentType {
        id: 0,
        name: name.into(),
        slots,
        colour: colour.into(),
        procedure_codes: codes.iter().map(|c| c.to_string()).collect(),
        may_overlap_provider: overlap,
    }
}

/// Sets up the schedule, books today's visits (see `today`) and about `per_day` appointments a
/// day for the next 10 weekdays.
pub async fn load_demo_schedule(
    app: &App,
    patients: &[PatientId],
    per_day: usize,
    rng: &mut StdRng,
) -> Result<usize, AppError> {
    // With patients, the demo books today, so a weekend day gets morning hours.
    let open_today = |h: WeeklyHours| {
        if patients.is_empty() {
            h
        } else {
            crate::today::open_today(h, app.today())
        }
    };
    schedule::set_office_schedule(
        app.db(),
        &OfficeSchedule {
            slot_minutes: 10,
            hours: open_today(WeeklyHours::weekdays(&[TimeRange::hm((8, 0), (17, 0))])),
        },
    )
    .await?;
    let with_lunch = open_today(WeeklyHours::weekdays(&[
        TimeRange::hm((8, 0), (12, 0)),
        TimeRange::hm((13, 0), (17, 0)),
    ]));
    for provider in 1..=5 {
        schedule::set_provider_hours(app.db(), provider, &with_lunch).await?;
    }
    let types = [
        kind("Exam & cleaning", 6, "#1b9e77", &["D0120", "D1110"], false),
        kind("Hygiene exam", 2, "#66a61e", &["D0120"], true),
        kind("Filling", 6, "#2f6fdf", &["D2391"], false),
        kind("Crown prep", 9, "#7570b3", &["D2740"], false),
        kind("Emergency", 3, "#d95f02", &["D0140"], false),
        kind("Botox", 3, "#e7298a", &["BTX-UNIT"], false),
    ];
    let mut ids = Vec::new();
    for t in &types {
        ids.push(schedule::add_appointment_type(app.db(), t).await?);
    }
    for (name, months, codes) in [
        ("Prophy (cleaning)", 6, vec!["D1110", "D1120"]),
        ("Perio maintenance", 3, vec!["D4910"]),
        ("Botox", 4, vec!["BTX-UNIT"]),
    ] {
        frontdesk_store::recall::add_recall_type(
            app.db(),
            &frontdesk_scheduling::RecallType {
                id: 0,
                name: name.into(),
                interval_months: months,
                procedure_codes: codes.into_iter().map(String::from).collect(),
            },
        )
        .await?;
    }
    if patients.is_empty() {
        return Ok(0);
    }
    // Some patients had a cleaning five to seven months ago: due (or overdue) for recall.
    for (k, patient) in patients.iter().enumerate().filter(|(k, _)| k % 5 == 2) {
        let item = demo_cleaning(app, *patient).await?;
        let done = app.today() - Duration::days(150 + (k % 60) as i64);
        app.complete_treatment(*patient, item, &done.to_string())
            .await?;
    }
    let mut booked = crate::today::book_today(app, patients, &ids).await?;
    let mut day = app.today();
    let mut weekdays = 0;
    while weekdays < 10 {
        day += Duration::days(1);
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            continue;
        }
        weekdays += 1;
        for _ in 0..per_day {
            let t = rng.random_range(0..types.len());
            let provider = match t {
                0 | 1 => rng.random_range(3..=4),
                5 => 5,
                _ => rng.random_range(1..=2),
            };
            let operatory = match provider {
                3 => 4,
                4 => 5,
                5 => 6,
                p => p,
            };
            let start =
                NaiveTime::from_hms_opt(rng.random_range(8..16), rng.random_range(0..6) * 10, 0)
                    .expect("a real time");
            let draft = AppointmentDraft {
                patient_id: patients[rng.random_range(0..patients.len())],
                date: day.to_string(),
                time: start.format("%H:%M").to_string(),
                type_id: ids[t],
                provider,
                operatory,
                ..Default::default()
            };
            // A clash with an earlier demo booking is simply skipped.
            if app.book_appointment(&draft).await.is_ok() {
                booked += 1;
            }
        }
    }
    Ok(booked)
}

/// Demo data: adds a planned adult cleaning to the patient's plan; returns its id.
async fn demo_cleaning(app: &App, patient: PatientId) -> Result<TreatmentItemId, AppError> {
    let v = app
        .add_treatment(
            patient,
            &TreatmentItemDraft {
                code: "D1110".into(),
                ..Default::default()
            },
        )
        .await?;
    Ok(v.items.iter().map(|i| i.id).max().unwrap_or_default())
}
