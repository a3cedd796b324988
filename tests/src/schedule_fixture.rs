//! Shared set-up for the schedule acceptance tests: the demo office without demo patients.
use frontdesk_app::schedule::appointments::AppointmentDraft;
use frontdesk_app::App;

use crate::{memory_config, ready, MemoryKeychain};

/// Demo set-up without demo patients: providers 1–5 (8–12, 13–17 weekdays), operatories 1–6,
/// appointment types; the fixed clock is Tuesday 2026-11-24 15:00 UTC.
pub async fn office() -> (tempfile::TempDir, App, MemoryKeychain) {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, keychain) = memory_config(dir.path());
    let app = ready(cfg).await;
    frontdesk_demo::load_demo(&app, 0, 1).await.unwrap();
    (dir, app, keychain)
}

pub fn filling(app_type: i64, patient: i64, date: &str, time: &str) -> AppointmentDraft {
    AppointmentDraft {
        patient_id: patient,
        date: date.into(),
        time: time.into(),
        type_id: app_type,
        provider: 1,
        operatory: 1,
        ..Default::default()
    }
}

pub async fn type_id(app: &App, name: &str) -> i64 {
    let setup = app.schedule_setup().await.unwrap();
    setup.types.iter().find(|t| t.name == name).unwrap().id
}
