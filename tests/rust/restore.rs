//! Restoring an encrypted backup: same folder after a bad day, or a new computer with the
//! recovery code. Wrong code, someone else's backup or a damaged file change nothing.
use frontdesk_acceptance::{draft, memory_config, ready};
use frontdesk_app::admin::restore_backup::{restore_backup, RestoreKey};
use frontdesk_app::ErrorCode;

async fn names(app: &frontdesk_app::App, q: &str) -> Vec<String> {
    app.search_patients(q, false)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.first_name)
        .collect()
}

/// A data folder with Ada in a backup and Bo added after it; returns (dir, backup path, code).
async fn folder_with_backup() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    String,
    frontdesk_acceptance::MemoryKeychain,
) {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, kc) = memory_config(&dir.path().join("data"));
    let app = ready(cfg).await;
    app.create_patient(&draft("Restorova", "Ada", "1970-01-01"))
        .await
        .unwrap();
    let backup = dir.path().join("monday.fdbackup");
    app.backup(&backup).await.unwrap();
    app.create_patient(&draft("Restorova", "Bo", "1971-01-01"))
        .await
        .unwrap();
    let code = app
        .recovery_kit(frontdesk_acceptance::TEST_PASSWORD)
        .await
        .unwrap()
        .code;
    app.close().await;
    (dir, backup, code, kc)
}

fn snapshot(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[tokio::test]
async fn a_backup_comes_back_and_the_replaced_database_is_kept() {
    let (dir, backup, _, kc) = folder_with_backup().await;
    let data = dir.path().join("data");
    let cfg = frontdesk_acceptance::config(&data, std::sync::Arc::new(kc.clone()));
    let done = restore_backup(&cfg, &backup, RestoreKey::Keychain)
        .await
        .unwrap();

    let app = ready(cfg.clone()).await;
    assert_eq!(
        names(&app, "restorova").await,
        vec!["Ada"],
        "the database is as it was at the backup"
    );
    app.close().await;

    let aside = done.replaced.expect("the replaced database is kept");
    assert!(aside.starts_with(&data));
    let leftovers: Vec<_> = snapshot(&data)
        .into_iter()
        .map(|(n, _)| n)
        .filter(|n| n.contains("restoring"))
        .collect();
    assert!(leftovers.is_empty(), "no staging files left: {leftovers:?}");
}

#[tokio::test]
async fn a_new_computer_restores_with_the_recovery_code() {
    let (dir, backup, code, _) = folder_with_backup().await;
    let (cfg, kc) = memory_config(&dir.path().join("new-pc"));
    let done = restore_backup(
        &cfg,
        &backup,
        RestoreKey::RecoveryCode(&code.to_lowercase()),
    )
    .await
    .unwrap();
    assert!(done.replaced.is_none());
    assert!(
        kc.0.lock().unwrap().contains_key(&done.database_id),
        "the key is in the new keychain"
    );
    let app = ready(cfg).await;
    assert_eq!(names(&app, "ada").await, vec!["Ada"]);
    app.close().await;
}

#[tokio::test]
async fn a_wrong_code_a_foreign_backup_or_a_damaged_file_change_nothing() {
    let (dir, backup, _, kc) = folder_with_backup().await;
    let data = dir.path().join("data");
    let cfg = frontdesk_acceptance::config(&data, std::sync::Arc::new(kc.clone()));
    let before = snapshot(&data);

    // Another office's database and its own valid code.
    let other_dir = tempfile::tempdir().unwrap();
    let (other_cfg, _) = memory_config(other_dir.path());
    let other = ready(other_cfg).await;
    let other_backup = other_dir.path().join("other.fdbackup");
    other.backup(&other_backup).await.unwrap();
    let other_code = other
        .recovery_kit(frontdesk_acceptance::TEST_PASSWORD)
        .await
        .unwrap()
        .code;
    other.close().await;

    let e = restore_backup(&cfg, &backup, RestoreKey::RecoveryCode(&other_code))
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidRecoveryCode, "{e:?}");
    let e = restore_backup(&cfg, &other_backup, RestoreKey::RecoveryCode(&other_code))
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation, "{e:?}");
    assert!(e.message.contains("different"), "{}", e.message);

    let damaged = dir.path().join("damaged.fdbackup");
    let mut bytes = std::fs::read(&backup).unwrap();
    bytes.truncate(bytes.len() / 2);
    bytes[5000..6000].fill(0x55);
    std::fs::write(&damaged, bytes).unwrap();
    let e = restore_backup(&cfg, &damaged, RestoreKey::Keychain)
        .await
        .unwrap_err();
    assert!(
        matches!(e.code, ErrorCode::Storage | ErrorCode::InvalidRecoveryCode),
        "{e:?}"
    );

    let missing = restore_backup(&cfg, &dir.path().join("nope"), RestoreKey::Keychain)
        .await
        .unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);

    assert!(
        snapshot(&data) == before,
        "the data folder is byte for byte unchanged"
    );
    let app = ready(cfg).await;
    assert_eq!(names(&app, "restorova").await.len(), 2);
    app.close().await;
}
