//! `frontdesk bench search`: search latency at office scale, encrypted vs plaintext SQLite.
use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use frontdesk_domain::search_key::phone_digits;
use frontdesk_domain::search_query::parse_search;
use frontdesk_store::{patient_search, patients, Db, DbKey};
use frontdesk_vault::DatabaseKey;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::Serialize;

use frontdesk_app::patients::records::SEARCH_LIMIT;
use frontdesk_app::AppError;
use frontdesk_demo::generate_patients;

#[derive(Debug, Clone, Serialize)]
pub struct SearchBench {
    pub patients: usize,
    pub queries: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub plaintext_p50_ms: f64,
    pub plaintext_p95_ms: f64,
    /// Encrypted p95 / plaintext p95: the cost of encryption.
    pub ratio: f64,
}

/// Builds two databases of `n` patients in `dir` (one SQLCipher, one plaintext) and times the
/// same mixed queries on both, alternating, `rounds` times each.
pub async fn run(dir: &Path, n: usize, rounds: usize) -> Result<SearchBench, AppError> {
    let today = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    let people = generate_patients(n, 42, today);
    let now = chrono::DateTime::from_timestamp(1_767_225_600, 0).expect("time");
    let key = DatabaseKey::generate()?;
    let enc = Db::create(&dir.join("bench-encrypted.db"), &DbKey::Raw(key.bytes())).await?;
    let plain = Db::create(&dir.join("bench-plaintext.db"), &DbKey::Plaintext).await?;
    for db in [&enc, &plain] {
        for chunk in people.chunks(10_000) {
            patients::create_many(db, chunk, "bench", now).await?;
        }
    }
    let queries = mixed_queries(&people, 400);
    let (mut t_enc, mut t_plain) = (Vec::new(), Vec::new());
    // Warm-up: one pass each, not counted.
    for q in &queries {
        patient_search::search(&enc, &parse_search(q), false, SEARCH_LIMIT).await?;
        patient_search::search(&plain, &parse_search(q), false, SEARCH_LIMIT).await?;
    }
    for _ in 0..rounds {
        for q in &queries {
            t_enc.push(time(&enc, q).await?);
            t_plain.push(time(&plain, q).await?);
        }
    }
    enc.close().await;
    plain.close().await;
    let (p50, p95) = (percentile(&mut t_enc, 50.0), percentile(&mut t_enc, 95.0));
    let (pp50, pp95) = (
        percentile(&mut t_plain, 50.0),
        percentile(&mut t_plain, 95.0),
    );
    Ok(SearchBench {
        patients: n,
        queries: t_enc.len(),
        p50_ms: p50,
        p95_ms: p95,
        plaintext_p50_ms: pp50,
        plaintext_p95_ms: pp95,
        ratio: p95 / pp95,
    })
}

async fn time(db: &Db, q: &str) -> Result<f64, AppError> {
    let start = Instant::now();
    let hits = patient_search::search(db, &parse_search(q), false, SEARCH_LIMIT).await?;
    std::hint::black_box(hits);
    Ok(start.elapsed().as_secs_f64() * 1000.0)
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let idx = ((p / 100.0) * (v.len() as f64 - 1.0)).round() as usize;
    (v[idx] * 1000.0).round() / 1000.0
}

/// What a front desk types: name prefixes (with and without accents), "first last",
/// "last, first", phone numbers in several spellings and their last digits, birth dates, charts.
fn mixed_queries(people: &[frontdesk_domain::validation::ValidPatient], n: usize) -> Vec<String> {
    let mut rng = StdRng::seed_from_u64(7);
    (0..n)
        .map(|i| {
            let p = &people[rng.random_range(0..people.len())].draft;
            let prefix = |s: &str, k: usize| s.chars().take(k).collect::<String>();
            match i % 9 {
                0 => prefix(&p.last_name, 3),
                1 => p.last_name.to_lowercase(),
                2 => format!("{} {}", p.first_name, prefix(&p.last_name, 4)),
                3 => format!("{}, {}", p.last_name, prefix(&p.first_name, 2)),
                4 => phone(p).to_string(),
                5 => {
                    let d = phone_digits(phone(p));
                    d[d.len().saturating_sub(4)..].to_string()
                }
                6 => {
                    let d: Vec<&str> = p.date_of_birth.split('-').collect();
                    format!(
                        "{}/{}/{}",
                        d[1].trim_start_matches('0'),
                        d[2].trim_start_matches('0'),
                        d[0]
                    )
                }
                7 => format!("{:06}", rng.random_range(1..people.len())),
                _ => prefix(&deunicode_lower(&p.first_name), 3),
            }
        })
        .collect()
}

fn phone(p: &frontdesk_domain::PatientDraft) -> &str {
    if p.phone_mobile.is_empty() {
        &p.phone_home
    } else {
        &p.phone_mobile
    }
}

fn deunicode_lower(s: &str) -> String {
    frontdesk_domain::search_key::fold_name(s)
}
