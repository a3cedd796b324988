//! Encryption at rest: nothing of a patient is readable in any file of the data directory.
use frontdesk_acceptance::*;
use frontdesk_app::{start, ErrorCode, Started};
use frontdesk_store::{Db, DbKey, StoreError};
use frontdesk_vault::DatabaseKey;

const MARKER_LAST: &str = "Quillfeatherstonehaugh";
const MARKER_PHONE: &str = "(555) 246-8135";

#[tokio::test]
async fn a_patient_never_appears_in_any_file_of_the_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, _kc) = memory_config(dir.path());
    let app = ready(cfg).await;
    frontdesk_demo::load_demo(&app, 60, 1).await.unwrap();
    let mut d = draft(MARKER_LAST, "Zephyrine", "1981-04-05");
    d.phone_mobile = MARKER_PHONE.into();
    d.medical.allergies = "Quinquagenarian-allergen".into();
    app.create_patient(&d).await.unwrap();

    // While the app is open the WAL holds recent pages: check it too.
    let check = |when: &str| {
        let files = files_under(dir.path());
        assert!(
            files.iter().any(|f| f.ends_with("frontdesk.db")),
            "{when}: database file exists"
        );
        for f in &files {
            let bytes = std::fs::read(f).unwrap();
            for needle in [
                MARKER_LAST,
                "Zephyrine",
                "2468135",
                "Quinquagenarian",
                "quillfeatherstonehaugh",
            ] {
                assert!(
                    !contains(&bytes, needle.as_bytes()),
                    "{when}: {needle} readable in {}",
                    f.display()
                );
            }
        }
    };
    assert!(
        files_under(dir.path())
            .iter()
            .any(|f| f.to_string_lossy().ends_with("-wal")),
        "WAL mode is on"
    );
    check("open");
    app.close().await;
    check("closed");

    let header = std::fs::read(dir.path().join("frontdesk.db")).unwrap();
    assert_ne!(
        &header[..16],
        b"SQLite format 3\0",
        "the file must not be a plaintext SQLite database"
    );
}

#[tokio::test]
async fn the_wrong_key_gives_the_typed_wrong_key_error() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, _kc) = memory_config(dir.path());
    ready(cfg).await.close().await;
    let other = DatabaseKey::generate().unwrap();
    let err = Db::open(&dir.path().join("frontdesk.db"), &DbKey::Raw(other.bytes()))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::WrongKey), "got {err:?}");
    let plain = Db::open(&dir.path().join("frontdesk.db"), &DbKey::Plaintext)
        .await
        .unwrap_err();
    assert!(
        matches!(plain, StoreError::WrongKey),
        "opening without a key: {plain:?}"
    );
}

#[tokio::test]
async fn a_keychain_holding_another_key_locks_instead_of_replacing_anything() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, kc) = memory_config(dir.path());
    let app = ready(cfg.clone()).await;
    app.create_patient(&draft("Keeper", "Kim", "1990-01-01"))
        .await
        .unwrap();
    let id = app.database_id().to_string();
    app.close().await;
    let before = std::fs::read(dir.path().join("frontdesk.db")).unwrap();

    kc.0.lock()
        .unwrap()
        .insert(id, DatabaseKey::generate().unwrap());
    let Started::Locked(l) = start(cfg).await.unwrap() else {
        panic!("expected locked")
    };
    assert_eq!(l.reason, frontdesk_app::LockReason::KeychainMissing);
    assert_eq!(
        std::fs::read(dir.path().join("frontdesk.db")).unwrap(),
        before,
        "database untouched"
    );
}

#[tokio::test]
async fn backups_are_encrypted_and_open_with_the_same_key() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, kc) = memory_config(dir.path());
    let app = ready(cfg).await;
    app.create_patient(&draft(MARKER_LAST, "Bea", "1975-06-07"))
        .await
        .unwrap();
    let backup = dir.path().join("backup.db");
    app.backup(&backup).await.unwrap();
    let again = app.backup(&backup).await.unwrap_err();
    assert_eq!(
        again.code,
        ErrorCode::Storage,
        "never overwrites an existing file"
    );
    let key =
        kc.0.lock()
            .unwrap()
            .get(app.database_id())
            .cloned()
            .unwrap();
    app.close().await;
    let bytes = std::fs::read(&backup).unwrap();
    assert!(!contains(&bytes, MARKER_LAST.as_bytes()));
    let db = Db::open(&backup, &DbKey::Raw(key.bytes())).await.unwrap();
    assert_eq!(frontdesk_store::patients::count(&db).await.unwrap(), 1);
}
