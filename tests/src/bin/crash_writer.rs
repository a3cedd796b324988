//! The child of the crash-safety proof (tests/rust/crash_safety.rs): opens the data folder given
//! as its argument (the key comes as a recovery code in `FRONTDESK_TEST_RECOVERY_CODE`) and
//! writes for ever — patients, payments, bookings — printing one line per committed write
//! (`patient ID`, `entries ID…`, `appointment ID`) only after the commit returned. The parent
//! kills it with SIGKILL at random moments and checks that every printed write survived.
use std::io::Write;
use std::sync::Arc;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use frontdesk_acceptance::{config, draft};
use frontdesk_app::money::ledger_postings::PaymentDraft;
use frontdesk_app::schedule::appointments::AppointmentDraft;
use frontdesk_app::{start, Started};
use frontdesk_ledger::PaymentMethod;
use frontdesk_vault::{DatabaseKey, KeyStore, RecoveryCode, VaultError};

/// A keychain that only knows the key it was started with.
struct GivenKey(DatabaseKey);

impl KeyStore for GivenKey {
    fn load(&self, _: &str) -> Result<DatabaseKey, VaultError> {
        Ok(self.0.clone())
    }
    fn store(&self, _: &str, _: &DatabaseKey) -> Result<(), VaultError> {
        Ok(())
    }
    fn delete(&self, _: &str) -> Result<(), VaultError> {
        Ok(())
    }
}

/// The n-th booking's weekday and time: eight half-hour visits each morning from 2027-01-04.
fn slot(n: i64) -> (NaiveDate, NaiveTime) {
    let monday = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    let day = n / 8;
    let date = monday + Duration::days(day / 5 * 7 + day % 5);
    debug_assert!(date.weekday().num_days_from_monday() < 5);
    let time = NaiveTime::from_hms_opt(8, 0, 0).unwrap() + Duration::minutes(30 * (n % 8));
    (date, time)
}

#[tokio::main]
async fn main() {
    let dir = std::env::args().nth(1).expect("data folder");
    let code = std::env::var("FRONTDESK_TEST_RECOVERY_CODE").expect("recovery code");
    let key = RecoveryCode::parse_key(&code).expect("a recovery code");
    let cfg = config(std::path::Path::new(&dir), Arc::new(GivenKey(key)));
    let app = match start(cfg).await.expect("start") {
        Started::Ready(app) => app,
        _ => panic!("the crash writer needs an existing database"),
    };
    frontdesk_acceptance::sign_in_admin(&app).await;
    let emergency = app
        .schedule_setup()
        .await
        .expect("set-up")
        .types
        .iter()
        .find(|t| t.name == "Emergency")
        .expect("the demo office's Emergency type")
        .id;
    let mut booked = frontdesk_store::backup_facts::facts(app.db())
        .await
        .expect("facts")
        .appointments;
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready").unwrap();
    out.flush().unwrap();
    for k in 0u64.. {
        let line = match k % 3 {
            0 => {
                let card = app
                    .create_patient(&draft("Crashtest", &format!("N{k}"), "1990-01-01"))
                    .await
                    .expect("patient");
                format!("patient {}", card.patient.id)
            }
            1 => {
                let posted = app
                    .take_payment(&PaymentDraft {
                        patient_id: 1,
                        date: String::new(),
                        amount_cents: 100 + (k % 900) as i64,
                        method: PaymentMethod::Cash,
                        note: String::new(),
                        charges: vec![],
                    })
                    .await
                    .expect("payment");
                let ids: Vec<String> = posted.entry_ids.iter().map(|i| i.to_string()).collect();
                format!("entries {}", ids.join(" "))
            }
            _ => {
                let (date, time) = slot(booked);
                booked += 1;
                let a = app
                    .book_appointment(&AppointmentDraft {
                        patient_id: 1,
                        date: date.to_string(),
                        time: time.format("%H:%M").to_string(),
                        type_id: emergency,
                        provider: 1,
                        operatory: 1,
                        ..Default::default()
                    })
                    .await
                    .expect("booking");
                format!("appointment {}", a.id)
            }
        };
        writeln!(out, "{line}").unwrap();
        out.flush().unwrap();
    }
}
