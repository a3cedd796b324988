//! `frontdesk bench schedule`: 20 operatories, 30 providers and 1,000,000 appointments over ten
//! years in an encrypted database; p95 of loading one day (all operatories, with the patients) and
//! of "first available" over 90 days, and the same day load on plaintext SQLite in the same run.
use std::path::Path;
use std::time::Instant;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use chrono_tz::Tz;
use frontdesk_scheduling::{
    day_bounds, first_available, to_utc, Appointment, AppointmentStatus, AppointmentType,
    SlotRequest, TimeRange, WeeklyHours, SEARCH_DAYS,
};
use frontdesk_store::schedule::{self, OfficeSchedule};
use frontdesk_store::{family, patients, practice, Db, DbKey};
use frontdesk_vault::DatabaseKey;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::Serialize;

use frontdesk_app::AppError;
use frontdesk_demo::generate_patients;

#[derive(Debug, Clone, Serialize)]
pub struct ScheduleBench {
    pub appointments: usize,
    pub day_p95_ms: f64,
    pub free_p95_ms: f64,
    pub plaintext_day_p95_ms: f64,
    pub day_p50_ms: f64,
    pub free_p50_ms: f64,
    /// Appointments on an average loaded day.
    pub per_day: f64,
}

const OPERATORIES: i64 = 20;
const PROVIDERS: i64 = 30;
const TZ: Tz = chrono_tz::America::Chicago;

/// Every weekday of ten years up to 2026-12-31, each operatory booked with back-to-back visits
/// (30 to 60 minutes) from 7:00 until about `n` appointments are spread evenly; the provider of an
/// operatory changes by weekday so providers move between rooms.
pub fn appointments(n: usize, patients: i64) -> Vec<(i64, Appointment)> {
    let start = NaiveDate::from_ymd_opt(2017, 1, 2).expect("date");
    let days: Vec<NaiveDate> = (0..3652)
        .map(|i| start + Duration::days(i))
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect();
    let per_room = (n as f64 / (days.len() as f64 * OPERATORIES as f64)).ceil() as usize;
    let mut rng = StdRng::seed_from_u64(11);
    let mut out = Vec::with_capacity(n);
    'all: for day in &days {
        for op in 1..=OPERATORIES {
            let provider =
                (op + i64::from(day.weekday().num_days_from_monday()) * 3) % PROVIDERS + 1;
            let mut t = to_utc(TZ, *day, NaiveTime::from_hms_opt(7, 0, 0).expect("time"))
                .expect("7:00 exists");
            for _ in 0..per_room {
                let minutes = [30, 40, 60][rng.random_range(0..3)];
                out.push((
                    rng.random_range(1..=patients),
                    Appointment {
                        id: 0,
                        start: t,
                        minutes,
                        provider,
                        operatory: op,
                        devices: Vec::new(),
                        type_id: 1,
                        status: AppointmentStatus::Completed,
                    },
                ));
                t += Duration::minutes(i64::from(minutes));
                if out.len() == n {
                    break 'all;
                }
            }
        }
    }
    out
}

/// Adds providers (working `hours`) and operatories until the office has 30 and 20, numbered on
/// from those it has.
pub async fn top_up_rooms_and_providers(db: &Db, hours: &WeeklyHours) -> Result<(), AppError> {
    for p in practice::providers(db).await?.len() as i64 + 1..=PROVIDERS {
        let id = practice::add_provider(db, &format!("Provider {p}"), "dentist", "#336699").await?;
        schedule::set_provider_hours(db, id, hours).await?;
    }
    for o in practice::operatories(db).await?.len() as i64 + 1..=OPERATORIES {
        practice::add_operatory(db, &format!("Op {o}")).await?;
    }
    Ok(())
}

async fn build(path: &Path, key: &DbKey, n: usize) -> Result<Db, AppError> {
    let db = Db::create(path, key).await?;
    let now = DateTime::from_timestamp(1_767_225_600, 0).expect("time");
    let people = generate_patients(
        20_000,
        42,
        NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
    );
    for chunk in people.chunks(10_000) {
        patients::create_many(&db, chunk, "bench", now).await?;
    }
    let hours = WeeklyHours::weekdays(&[TimeRange::hm((7, 0), (19, 0))]);
    schedule::set_office_schedule(
        &db,
        &OfficeSchedule {
            slot_minutes: 10,
            hours: hours.clone(),
        },
    )
    .await?;
    top_up_rooms_and_providers(&db, &hours).await?;
    schedule::add_appointment_type(
        &db,
        &AppointmentType {
            id: 0,
            name: "Visit".into(),
            slots: 3,
            colour: "#336699".into(),
            procedure_codes: Vec::new(),
            may_overlap_provider: false,
        },
    )
    .await?;
    for chunk in appointments(n, people.len() as i64).chunks(20_000) {
        schedule::insert_unchecked(&db, chunk, now).await?;
    }
    Ok(db)
}

/// Loads one local day as the schedule screen does: its appointments, then their patients.
async fn load_day(db: &Db, day: NaiveDate) -> Result<usize, AppError> {
    let span = day_bounds(TZ, day);
    let rows = schedule::between(db, span.start, span.end).await?;
    let mut ids: Vec<i64> = rows.iter().map(|a| a.patient_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let people = family::summaries(db, &ids).await?;
    std::hint::black_box(&people);
    Ok(rows.len())
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let idx = ((p / 100.0) * (v.len() as f64 - 1.0)).round() as usize;
    (v[idx] * 1000.0).round() / 1000.0
}

pub async fn run(dir: &Path, n: usize, rounds: usize) -> Result<ScheduleBench, AppError> {
    let key = DatabaseKey::generate()?;
    let enc = build(
        &dir.join("schedule-encrypted.db"),
        &DbKey::Raw(key.bytes()),
        n,
    )
    .await?;
    let plain = build(&dir.join("schedule-plaintext.db"), &DbKey::Plaintext, n).await?;
    let office = schedule::office(&enc, TZ).await?;
    let mut rng = StdRng::seed_from_u64(5);
    let (mut day_enc, mut day_plain, mut free) = (Vec::new(), Vec::new(), Vec::new());
    let mut loaded = 0usize;
    let first = NaiveDate::from_ymd_opt(2017, 1, 2).expect("date");
    for round in 0..rounds * 100 {
        let day = first + Duration::days(rng.random_range(0..3640));
        let t = Instant::now();
        let count = load_day(&enc, day).await?;
        let elapsed = ms(t);
        let t = Instant::now();
        load_day(&plain, day).await?;
        let elapsed_plain = ms(t);
        // Free slots for one provider over 90 days from that day, reading what may be in the way.
        let provider = rng.random_range(1..=PROVIDERS);
        let request = SlotRequest {
            type_id: 1,
            provider,
            minutes: Some(30),
            operatories: vec![
                (provider % OPERATORIES) + 1,
                ((provider + 7) % OPERATORIES) + 1,
            ],
            devices: Vec::new(),
            preferences: Default::default(),
            moving: None,
        };
        let t = Instant::now();
        let from = day_bounds(TZ, day).start;
        let to = from + Duration::days(i64::from(SEARCH_DAYS) + 1);
        let taken =
            schedule::for_request(&enc, from, to, provider, &request.operatories, false).await?;
        let found = first_available(&request, &taken, &office, from, SEARCH_DAYS, 5)?;
        std::hint::black_box(found);
        let elapsed_free = ms(t);
        if round >= 10 {
            // The first rounds warm the caches and are not counted.
            day_enc.push(elapsed);
            day_plain.push(elapsed_plain);
            free.push(elapsed_free);
            loaded += count;
        }
    }
    enc.close().await;
    plain.close().await;
    let samples = day_enc.len();
    Ok(ScheduleBench {
        appointments: n,
        day_p50_ms: percentile(&mut day_enc, 50.0),
        day_p95_ms: percentile(&mut day_enc, 95.0),
        plaintext_day_p95_ms: percentile(&mut day_plain, 95.0),
        free_p50_ms: percentile(&mut free, 50.0),
        free_p95_ms: percentile(&mut free, 95.0),
        per_day: loaded as f64 / samples as f64,
    })
}
