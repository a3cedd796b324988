//! Shared set-up for the acceptance tests.
pub mod insurance_fixture;
pub mod schedule_fixture;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{TimeZone, Utc};
use frontdesk_app::admin::data_folder::DataDir;
use frontdesk_app::{start, App, Config, Started};
use frontdesk_domain::{FixedClock, PatientDraft};
use frontdesk_vault::{DatabaseKey, KeyStore, OsKeychain, VaultError};

/// A keychain held in memory, for tests about the database rather than the keychain.
#[derive(Default, Clone)]
pub struct MemoryKeychain(pub Arc<Mutex<HashMap<String, DatabaseKey>>>);

impl KeyStore for MemoryKeychain {
    fn load(&self, id: &str) -> Result<DatabaseKey, VaultError> {
        self.0
            .lock()
            .unwrap()
            .get(id)
            .cloned()
            .ok_or(VaultError::KeychainMissing)
    }
    fn store(&self, id: &str, key: &DatabaseKey) -> Result<(), VaultError> {
        self.0.lock().unwrap().insert(id.into(), key.clone());
        Ok(())
    }
    fn delete(&self, id: &str) -> Result<(), VaultError> {
        self.0.lock().unwrap().remove(id);
        Ok(())
    }
}

/// A keychain that cannot be reached.
pub struct UnreachableKeychain;

impl KeyStore for UnreachableKeychain {
    fn load(&self, _: &str) -> Result<DatabaseKey, VaultError> {
        Err(VaultError::KeychainUnavailable("no Secret Service".into()))
    }
    fn store(&self, _: &str, _: &DatabaseKey) -> Result<(), VaultError> {
        Err(VaultError::KeychainUnavailable("no Secret Service".into()))
    }
    fn delete(&self, _: &str) -> Result<(), VaultError> {
        Err(VaultError::KeychainUnavailable("no Secret Service".into()))
    }
}

/// A clock the test moves (starts 2026-12-01 08:00 UTC).
#[derive(Clone)]
pub struct MovableClock(Arc<Mutex<chrono::DateTime<Utc>>>);

impl MovableClock {
    pub fn new() -> Self {
        MovableClock(Arc::new(Mutex::new(
            Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0).unwrap(),
        )))
    }
    pub fn advance(&self, d: chrono::Duration) {
        *self.0.lock().unwrap() += d;
    }
}

impl Default for MovableClock {
    fn default() -> Self {
        Self::new()
    }
}

impl frontdesk_domain::Clock for MovableClock {
    fn now(&self) -> chrono::DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}

/// 2026-11-24 15:00 UTC.
pub fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock(
        Utc.with_ymd_and_hms(2026, 11, 24, 15, 0, 0).unwrap(),
    ))
}

pub fn config(dir: &std::path::Path, keystore: Arc<dyn KeyStore>) -> Config {
    Config {
        data_dir: DataDir::new(dir),
        keystore,
        clock: clock(),
    }
}

pub fn memory_config(dir: &std::path::Path) -> (Config, MemoryKeychain) {
    let kc = MemoryKeychain::default();
    (config(dir, Arc::new(kc.clone())), kc)
}

pub fn os_config(dir: &std::path::Path) -> Config {
    config(dir, Arc::new(OsKeychain::default()))
}

/// The administrator every test office has, and their password.
pub const ADMIN: &str = "admin";
pub const TEST_PASSWORD: &str = "test password 1";

/// Starts and expects an unlocked app (created or opened), signed in as the administrator
/// (created on first start).
pub async fn ready(cfg: Config) -> App {
    let app = match start(cfg).await.expect("start") {
        Started::Ready(a) | Started::Created(a) => a,
        Started::Locked(_) => panic!("expected an unlocked app"),
    };
    sign_in_admin(&app).await;
    app
}

/// Signs `app` in as the administrator, creating them if the office has no users yet.
pub async fn sign_in_admin(app: &App) {
    if app.needs_first_admin().await.expect("users") {
        app.create_first_admin(&frontdesk_app::users::sign_in::FirstAdmin {
            full_name: "Test Administrator".into(),
            username: ADMIN.into(),
            password: TEST_PASSWORD.into(),
        })
        .await
        .expect("first administrator");
    } else {
        app.sign_in(ADMIN, TEST_PASSWORD).await.expect("sign in");
    }
}

pub fn draft(last: &str, first: &str, dob: &str) -> PatientDraft {
    PatientDraft {
        last_name: last.into(),
        first_name: first.into(),
        date_of_birth: dob.into(),
        ..Default::default()
    }
}

/// Creates a patient with just the required fields; returns the id.
pub async fn new_patient(app: &App, last: &str, first: &str, dob: &str) -> i64 {
    app.create_patient(&draft(last, first, dob))
        .await
        .expect("a valid patient")
        .patient
        .id
}

/// Every file under `dir`, recursively.
pub fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
