//! Automatic backups on the injected clock: made once after the daily time into the chosen
//! folder, recorded for the Office screen, pruned to 14 daily and 12 monthly, never touching other
//! files; a missing folder or a backup older than two days shows in the health the Today board
//! reads.
use std::sync::Arc;

use chrono::Duration;
use frontdesk_acceptance::{memory_config, new_patient, sign_in_admin, MovableClock};
use frontdesk_app::admin::backup_schedule::{BackupSchedule, BackupTrigger};
use frontdesk_app::{start, App, ErrorCode, Started};

async fn office(dir: &std::path::Path) -> (App, MovableClock) {
    let clock = MovableClock::new();
    let (mut cfg, _kc) = memory_config(dir);
    cfg.clock = Arc::new(clock.clone());
    let mut app = match start(cfg).await.unwrap() {
        Started::Created(a) | Started::Ready(a) => a,
        Started::Locked(_) => panic!("locked"),
    };
    sign_in_admin(&app).await;
    app.set_clinic_timezone("UTC").await.unwrap();
    (app, clock)
}

fn backups(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".db"))
        .collect();
    v.sort();
    v
}

#[tokio::test]
async fn a_daily_backup_is_made_once_after_its_time_and_recorded() {
    let data = tempfile::tempdir().unwrap();
    let usb = tempfile::tempdir().unwrap();
    let (app, clock) = office(data.path()).await;
    new_patient(&app, "Backup", "Bea", "1980-05-05").await;
    // Nothing set up: nothing happens, and the banner is up (no backup ever).
    assert_eq!(
        app.run_due_backup(BackupTrigger::Scheduled).await.unwrap(),
        None
    );
    assert!(app.backup_health().await.unwrap().stale);
    let bad = BackupSchedule {
        folder: Some("relative/folder".into()),
        ..Default::default()
    };
    assert_eq!(
        app.set_backup_schedule(&bad).await.unwrap_err().code,
        ErrorCode::Validation
    );
    let bad_time = BackupSchedule {
        folder: Some(usb.path().display().to_string()),
        daily_at: Some("25:99".into()),
        ..Default::default()
    };
    assert_eq!(
        app.set_backup_schedule(&bad_time).await.unwrap_err().fields[0].field,
        "daily_at"
    );
    app.set_backup_schedule(&BackupSchedule {
        folder: Some(usb.path().display().to_string()),
        daily_at: Some("18:30".into()),
        on_close: false,
        keep_daily: 14,
        keep_monthly: 12,
    })
    .await
    .unwrap();
    // 08:00 UTC (the clinic is on UTC here): the first ever check backs up at once (catch-up).
    let first = app.run_due_backup(BackupTrigger::Scheduled).await.unwrap();
    assert!(first.is_some());
    // Then not again until 18:30.
    clock.advance(Duration::hours(10));
    assert_eq!(
        app.run_due_backup(BackupTrigger::Scheduled).await.unwrap(),
        None
    );
    clock.advance(Duration::minutes(31));
    let second = app
        .run_due_backup(BackupTrigger::Scheduled)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        app.run_due_backup(BackupTrigger::Scheduled).await.unwrap(),
        None
    );
    // Two the same day: the day keeps its newest.
    assert_eq!(
        backups(usb.path()),
        [second.file_name().unwrap().to_string_lossy().into_owned()]
    );
    assert_ne!(first, Some(second.clone()));
    sign_in_admin(&app).await;
    let health = app.backup_health().await.unwrap();
    assert!(health.last.last_ok && !health.stale && !health.folder_missing);
    assert_eq!(
        health.last.last_good_file.as_deref(),
        Some(second.to_str().unwrap())
    );
    assert!(health.last.last_good_bytes.unwrap() > 0);
    // On close is off: closing makes none.
    assert_eq!(
        app.run_due_backup(BackupTrigger::OnClose).await.unwrap(),
        None
    );
    // The automatic backup is audited as the schedule, not as a person.
    let audit = frontdesk_store::audit::all(app.db()).await.unwrap();
    assert!(audit
        .iter()
        .any(|a| a.action == "backup.create" && a.actor == "system:scheduled-backup"));
    // Two days and a bit without one: the banner is up again.
    clock.advance(Duration::hours(49));
    app.sign_in(
        frontdesk_acceptance::ADMIN,
        frontdesk_acceptance::TEST_PASSWORD,
    )
    .await
    .unwrap();
    assert!(app.backup_health().await.unwrap().stale);
}

#[tokio::test]
async fn a_missing_folder_is_reported_and_retried_at_the_next_slot() {
    let data = tempfile::tempdir().unwrap();
    let usb = tempfile::tempdir().unwrap();
    let (app, clock) = office(data.path()).await;
    let drive = usb.path().join("drive");
    std::fs::create_dir(&drive).unwrap();
    app.set_backup_schedule(&BackupSchedule {
        folder: Some(drive.display().to_string()),
        daily_at: Some("07:00".into()),
        on_close: true,
        keep_daily: 14,
        keep_monthly: 12,
    })
    .await
    .unwrap();
    std::fs::remove_dir(&drive).unwrap();
    let e = app
        .run_due_backup(BackupTrigger::Scheduled)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    let health = app.backup_health().await.unwrap();
    assert!(health.folder_missing && health.stale && !health.last.last_ok);
    assert!(health.last.last_error.unwrap().contains("folder"));
    // Not retried every minute; the drive comes back; the next day's slot backs up.
    std::fs::create_dir(&drive).unwrap();
    clock.advance(Duration::minutes(1));
    assert_eq!(
        app.run_due_backup(BackupTrigger::Scheduled).await.unwrap(),
        None
    );
    // Closing the app backs up (on close is on).
    assert!(app
        .run_due_backup(BackupTrigger::OnClose)
        .await
        .unwrap()
        .is_some());
    clock.advance(Duration::days(1));
    assert!(app
        .run_due_backup(BackupTrigger::Scheduled)
        .await
        .unwrap()
        .is_some());
    sign_in_admin(&app).await;
    assert!(!app.backup_health().await.unwrap().folder_missing);
}

#[tokio::test]
async fn retention_keeps_fourteen_daily_and_twelve_monthly_and_nothing_else_is_touched() {
    let data = tempfile::tempdir().unwrap();
    let usb = tempfile::tempdir().unwrap();
    let (app, clock) = office(data.path()).await;
    std::fs::write(usb.path().join("notes.txt"), "not ours").unwrap();
    std::fs::write(usb.path().join("frontdesk-manual.db"), "a user's own copy").unwrap();
    // A temporary file left by a backup process that no longer runs.
    std::fs::write(
        usb.path()
            .join(".frontdesk-20250101-000000.db.partial-999999999"),
        "x",
    )
    .unwrap();
    app.set_backup_schedule(&BackupSchedule {
        folder: Some(usb.path().display().to_string()),
        daily_at: Some("19:00".into()),
        on_close: false,
        keep_daily: 14,
        keep_monthly: 12,
    })
    .await
    .unwrap();
    // 400 earlier evenings' backups, each with its manifest (names are what the rule reads).
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    for day in 1..=400 {
        let d = today - Duration::days(day);
        let name = format!("frontdesk-{}-190000.db", d.format("%Y%m%d"));
        std::fs::write(usb.path().join(&name), "old").unwrap();
        std::fs::write(usb.path().join(format!("{name}.manifest.json")), "{}").unwrap();
    }
    clock.advance(Duration::hours(11));
    app.run_due_backup(BackupTrigger::Scheduled)
        .await
        .unwrap()
        .expect("made");
    let kept = backups(usb.path());
    let ours: Vec<&String> = kept
        .iter()
        .filter(|n| n.len() == "frontdesk-20261201-190000.db".len())
        .collect();
    // Today's and the 13 evenings before it, plus the newest of each month back to January: the
    // 12 months are December (today) and November (both among the daily ones) and 10 more.
    assert_eq!(ours.len(), 14 + 10, "{ours:?}");
    assert!(ours.contains(&&"frontdesk-20260131-190000.db".to_string()));
    assert!(ours.contains(&&"frontdesk-20261118-190000.db".to_string()));
    assert!(!ours.contains(&&"frontdesk-20261117-190000.db".to_string()));
    assert!(
        ours.contains(&&"frontdesk-20261031-190000.db".to_string()),
        "October's newest"
    );
    assert!(
        !ours.contains(&&"frontdesk-20251231-190000.db".to_string()),
        "13 months back goes"
    );
    let manifests = std::fs::read_dir(usb.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".manifest.json"))
        .count();
    assert_eq!(
        manifests,
        ours.len(),
        "each kept backup keeps its manifest; the pruned lose theirs"
    );
    assert!(usb.path().join("notes.txt").exists());
    assert!(usb.path().join("frontdesk-manual.db").exists());
    assert!(!usb
        .path()
        .join(".frontdesk-20250101-000000.db.partial-999999999")
        .exists());
}
