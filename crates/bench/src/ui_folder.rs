//! The real-window benchmark's data folder (`frontdesk bench ui-folder`): a demo office (the
//! full demo — insurance, treatment plans, ledgers — for its first patients), more patients
//! added in bulk up to office scale, 20 operatories and 30 providers, and an office-scale schedule
//! over ten years, booked without the booking checks.
use chrono::{DateTime, Utc};
use frontdesk_app::{App, AppError};
use frontdesk_scheduling::{TimeRange, WeeklyHours};
use frontdesk_store::{patients, schedule};

use crate::schedule::{appointments, top_up_rooms_and_providers};

/// Adds `extra` generated patients in bulk, brings the office up to 20 operatories and 30
/// providers (open 7:00–19:00 on weekdays) and books `n` appointments. Returns the appointments
/// booked.
pub async fn fill(
    app: &App,
    extra: usize,
    n: usize,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let db = app.db();
    let people = frontdesk_demo::generate_patients(extra, 7, app.today());
    for chunk in people.chunks(10_000) {
        patients::create_many(db, chunk, "bench", now).await?;
    }
    let hours = WeeklyHours::weekdays(&[TimeRange::hm((7, 0), (19, 0))]);
    top_up_rooms_and_providers(db, &hours).await?;
    let everyone = patients::count(db).await?;
    let mut booked = 0;
    for chunk in appointments(n, everyone).chunks(20_000) {
        schedule::insert_unchecked(db, chunk, now).await?;
        booked += chunk.len();
    }
    Ok(booked)
}
