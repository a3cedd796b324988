//! Operations that must never stop half-way with data lost: re-keying when the keychain refuses,
//! two first starts at once on one folder, backups that are whole or absent, and backups checked
//! against their manifest (one changed byte is found).
use std::sync::{Arc, Mutex};

use frontdesk_acceptance::{config, draft, files_under, MemoryKeychain};
use frontdesk_app::{start, App, ErrorCode, Started};
use frontdesk_vault::{DatabaseKey, KeyStore, RecoveryCode, VaultError};

/// A keychain that refuses to store entries whose id ends with `refuse` (when set).
#[derive(Clone, Default)]
struct RefusingKeychain {
    inner: MemoryKeychain,
    refuse: Arc<Mutex<Option<String>>>,
}

impl KeyStore for RefusingKeychain {
    fn load(&self, id: &str) -> Result<DatabaseKey, VaultError> {
        self.inner.load(id)
    }
    fn store(&self, id: &str, key: &DatabaseKey) -> Result<(), VaultError> {
        match &*self.refuse.lock().unwrap() {
            Some(suffix) if id.ends_with(suffix.as_str()) => {
                Err(VaultError::KeychainUnavailable("refused (test)".into()))
            }
            _ => self.inner.store(id, key),
        }
    }
    fn delete(&self, id: &str) -> Result<(), VaultError> {
        self.inner.delete(id)
    }
}

async fn open(dir: &std::path::Path, kc: &RefusingKeychain) -> Started {
    start(config(dir, Arc::new(kc.clone()))).await.unwrap()
}

async fn ready(dir: &std::path::Path, kc: &RefusingKeychain) -> App {
    let app = match open(dir, kc).await {
        Started::Ready(a) | Started::Created(a) => a,
        Started::Locked(l) => panic!("locked: {}", l.message),
    };
    frontdesk_acceptance::sign_in_admin(&app).await;
    app
}

/// The old order re-encrypted first and stored the key second: when the keychain refused, the
/// database was under a key that existed only in memory and the next start was locked for good.
#[tokio::test]
async fn a_rekey_the_keychain_refuses_to_switch_still_opens_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let kc = RefusingKeychain::default();
    let mut app = ready(dir.path(), &kc).await;
    let id = app
        .create_patient(&draft("Øster", "Ines", "1980-02-03"))
        .await
        .unwrap()
        .patient
        .id;
    let database_id = app.database_id().to_string();
    *kc.refuse.lock().unwrap() = Some(database_id.clone());
    let e = app.rekey().await.unwrap_err();
    assert_eq!(e.code, ErrorCode::KeychainUnavailable, "{}", e.message);
    // The app goes on under the new key, and the kit shows the new code.
    let new_code = app
        .recovery_kit(frontdesk_acceptance::TEST_PASSWORD)
        .await
        .unwrap()
        .code;
    assert_eq!(
        app.patient_card(id).await.unwrap().patient.first_name,
        "Ines"
    );
    app.close().await;

    *kc.refuse.lock().unwrap() = None;
    let app = match open(dir.path(), &kc).await {
        Started::Ready(a) => a,
        other => panic!("the staged key must open the database, got {other:?}"),
    };
    frontdesk_acceptance::sign_in_admin(&app).await;
    assert_eq!(
        app.patient_card(id).await.unwrap().patient.first_name,
        "Ines"
    );
    assert_eq!(
        RecoveryCode::from_key(&kc.inner.load(&database_id).unwrap()).as_str(),
        new_code,
        "the staged key became the key of record"
    );
    assert!(
        kc.inner.load(&format!("{database_id}.next-key")).is_err(),
        "and is unstaged"
    );
    app.close().await;
}

#[tokio::test]
async fn a_rekey_whose_new_key_cannot_be_staged_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let kc = RefusingKeychain::default();
    let mut app = ready(dir.path(), &kc).await;
    let id = app
        .create_patient(&draft("Ng", "Mai", "1975-06-07"))
        .await
        .unwrap()
        .patient
        .id;
    let old_code = app
        .recovery_kit(frontdesk_acceptance::TEST_PASSWORD)
        .await
        .unwrap()
        .code;
    *kc.refuse.lock().unwrap() = Some(".next-key".into());
    assert!(app.rekey().await.is_err());
    assert_eq!(
        app.recovery_kit(frontdesk_acceptance::TEST_PASSWORD)
            .await
            .unwrap()
            .code,
        old_code
    );
    assert_eq!(
        app.patient_card(id).await.unwrap().patient.first_name,
        "Mai"
    );
    app.close().await;
    *kc.refuse.lock().unwrap() = None;
    let app = ready(dir.path(), &kc).await;
    assert_eq!(
        app.recovery_kit(frontdesk_acceptance::TEST_PASSWORD)
            .await
            .unwrap()
            .code,
        old_code
    );
    app.close().await;
}

/// Two first starts at once: one creates, the other opens it or is told to start again — and
/// the database is never deleted by the one that lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_first_starts_at_once_never_delete_each_others_database() {
    for _ in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let kc = RefusingKeychain::default();
        let (a, b) = tokio::join!(
            tokio::spawn(start(config(dir.path(), Arc::new(kc.clone())))),
            tokio::spawn(start(config(dir.path(), Arc::new(kc.clone()))))
        );
        let (a, b) = (a.unwrap(), b.unwrap());
        let created = [&a, &b]
            .iter()
            .filter(|r| matches!(r, Ok(Started::Created(_))))
            .count();
        assert_eq!(created, 1, "exactly one of them created the database");
        for r in [a, b] {
            if let Ok(Started::Ready(app) | Started::Created(app)) = r {
                app.close().await;
            }
        }
        let app = match open(dir.path(), &kc).await {
            Started::Ready(a) => a,
            other => panic!("the database must still open, got {other:?}"),
        };
        app.close().await;
    }
}

#[tokio::test]
async fn a_backup_is_whole_and_checked_and_leaves_nothing_else_in_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let kc = RefusingKeychain::default();
    let app = ready(dir.path(), &kc).await;
    app.create_patient(&draft("Kovač", "Ana", "1990-01-01"))
        .await
        .unwrap();
    let dest = out.path().join("monday.db");
    let manifest = app.backup(&dest).await.unwrap();
    assert_eq!(manifest.patients, 1);
    let mut files = files_under(out.path());
    files.sort();
    let both = vec![dest.clone(), out.path().join("monday.db.manifest.json")];
    assert_eq!(
        files, both,
        "the backup and its manifest, no temporary file"
    );
    let e = app.backup(&dest).await.unwrap_err();
    assert_eq!(
        e.code,
        ErrorCode::Storage,
        "an existing backup is never overwritten"
    );
    let e = app
        .backup(&out.path().join("no-such-folder").join("x.db"))
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Storage);
    let mut files = files_under(out.path());
    files.sort();
    assert_eq!(files, both, "a failed backup leaves nothing");
    app.close().await;
}

/// A backup is checked against its manifest: any changed byte is a typed error.
#[tokio::test]
async fn verify_backup_finds_one_changed_byte_anywhere() {
    use frontdesk_app::admin::backup_manifest::{manifest_path, verify_backup, VerifyKey};
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let kc = RefusingKeychain::default();
    let cfg = config(dir.path(), Arc::new(kc.clone()));
    let app = ready(dir.path(), &kc).await;
    for (last, first) in [
        ("Lindqvist", "Ebba"),
        ("Okafor", "Ada"),
        ("Petrova", "Irina"),
    ] {
        app.create_patient(&draft(last, first, "1980-01-01"))
            .await
            .unwrap();
    }
    let m = app.backup_to_folder(out.path()).await.unwrap();
    let code = app
        .recovery_kit(frontdesk_acceptance::TEST_PASSWORD)
        .await
        .unwrap()
        .code;
    app.close().await;
    let file = out.path().join(&m.file);
    assert!(
        m.file.starts_with("frontdesk-") && m.file.ends_with(".db"),
        "{}",
        m.file
    );
    let ok = verify_backup(&cfg, &file, VerifyKey::Keychain)
        .await
        .unwrap();
    assert_eq!((ok.manifest.patients, ok.manifest.sha256.len()), (3, 64));
    verify_backup(&cfg, &file, VerifyKey::RecoveryCode(&code))
        .await
        .unwrap();
    let wrong = RecoveryCode::from_key(&DatabaseKey::generate().unwrap());
    let e = verify_backup(&cfg, &file, VerifyKey::RecoveryCode(wrong.as_str()))
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidRecoveryCode);

    let original = std::fs::read(&file).unwrap();
    for at in [
        0,
        original.len() / 3,
        original.len() / 2,
        original.len() - 1,
    ] {
        let mut bytes = original.clone();
        bytes[at] ^= 0x01;
        std::fs::write(&file, &bytes).unwrap();
        let e = verify_backup(&cfg, &file, VerifyKey::Keychain)
            .await
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::Storage, "byte {at}: {}", e.message);
    }
    std::fs::write(&file, &original).unwrap();
    std::fs::remove_file(manifest_path(&file)).unwrap();
    let e = verify_backup(&cfg, &file, VerifyKey::Keychain)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound, "no manifest: {}", e.message);
}

/// What a database holds, read through the store (no use-case, so nothing is audited by reading).
async fn contents(
    app: &App,
) -> (
    frontdesk_store::backup_facts::Facts,
    Vec<frontdesk_store::AuditEntry>,
    Vec<(frontdesk_domain::Patient, i64)>,
) {
    let db = app.db();
    let facts = frontdesk_store::backup_facts::facts(db).await.unwrap();
    let audit = frontdesk_store::audit::all(db).await.unwrap();
    let mut people = Vec::new();
    for id in 1..=facts.patients {
        let p = frontdesk_store::patients::get(db, id).await.unwrap();
        let balance = frontdesk_store::ledger::entries::balance(db, id)
            .await
            .unwrap();
        people.push((p, balance.0));
    }
    (facts, audit, people)
}

/// The round trip a new computer makes: a backup and the recovery code, nothing else, give every
/// patient, appointment, ledger balance and audit entry back.
#[tokio::test]
async fn a_backup_restored_into_a_new_folder_with_the_code_holds_everything() {
    use frontdesk_app::admin::restore_backup::{restore_backup, RestoreKey};
    let old_pc = tempfile::tempdir().unwrap();
    let usb = tempfile::tempdir().unwrap();
    let new_pc = tempfile::tempdir().unwrap();
    let kc = RefusingKeychain::default();
    let app = ready(old_pc.path(), &kc).await;
    frontdesk_demo::load_demo(&app, 40, 7).await.unwrap();
    let code = app
        .recovery_kit(frontdesk_acceptance::TEST_PASSWORD)
        .await
        .unwrap()
        .code;
    let m = app.backup_to_folder(usb.path()).await.unwrap();
    let before = contents(&app).await;
    app.close().await;
    assert!(before.0.appointments > 0 && before.0.ledger_entries > 0 && !before.1.is_empty());

    let fresh_keychain = RefusingKeychain::default();
    let cfg = config(new_pc.path(), Arc::new(fresh_keychain.clone()));
    let file = usb.path().join(&m.file);
    restore_backup(&cfg, &file, RestoreKey::RecoveryCode(&code))
        .await
        .unwrap();
    // Opened, not signed in: a sign-in would add its own audit entry.
    let restored = match open(new_pc.path(), &fresh_keychain).await {
        Started::Ready(a) => a,
        other => panic!("the restored database must open, got {other:?}"),
    };
    let after = contents(&restored).await;
    // Compared without printing: the records are patient data.
    assert!(after.0 == before.0, "the same counts");
    assert!(after.1 == before.1, "the same audit log, entry for entry");
    assert!(
        after.2 == before.2,
        "every patient record and balance the same"
    );
    restored.close().await;
}
