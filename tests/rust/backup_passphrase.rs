//! A backup passphrase: backups open with it alone (not this PC's keychain or recovery code), the
//! manifest carries the key's parameters but never the passphrase, and a passphrase backup
//! restores onto a new computer under a new key (its recovery code given) or into the live
//! folder under the live key.
use std::sync::Arc;

use frontdesk_acceptance::{
    config, memory_config, new_patient, ready, sign_in_admin, MemoryKeychain,
};
use frontdesk_app::admin::backup_manifest::{manifest_path, verify_backup, VerifyKey};
use frontdesk_app::admin::restore_backup::{restore_backup, RestoreKey};
use frontdesk_app::{start, ErrorCode, Started};

const PASSPHRASE: &str = "blue harbour lantern 42";

#[tokio::test]
async fn a_passphrase_backup_opens_with_the_passphrase_alone_and_restores_anywhere() {
    let old_pc = tempfile::tempdir().unwrap();
    let nas = tempfile::tempdir().unwrap();
    let (cfg, _kc) = memory_config(old_pc.path());
    let app = ready(cfg.clone()).await;
    let id = new_patient(&app, "Offsite", "Olga", "1975-07-07").await;
    let e = app
        .set_backup_passphrase(Some("too short"))
        .await
        .unwrap_err();
    assert_eq!(
        (e.code, e.fields[0].field.as_str()),
        (ErrorCode::Validation, "passphrase")
    );
    app.set_backup_passphrase(Some(PASSPHRASE)).await.unwrap();
    let m = app.backup_to_folder(nas.path()).await.unwrap();
    assert_eq!(m.key, "passphrase");
    let kdf = m.kdf.clone().expect("the key's parameters");
    assert_eq!(
        (kdf.algorithm.as_str(), kdf.memory_kib, kdf.iterations),
        ("argon2id", 65536, 3)
    );
    let file = nas.path().join(&m.file);
    let manifest_text = std::fs::read_to_string(manifest_path(&file)).unwrap();
    assert!(!manifest_text.contains(PASSPHRASE));
    let code = app
        .recovery_kit(frontdesk_acceptance::TEST_PASSWORD)
        .await
        .unwrap()
        .code;
    app.close().await;

    // Only the passphrase opens it: not the database's keychain entry, not its recovery code.
    let v = verify_backup(&cfg, &file, VerifyKey::Passphrase(PASSPHRASE))
        .await
        .unwrap();
    assert_eq!(v.manifest.patients, 1);
    for wrong in [
        VerifyKey::Keychain,
        VerifyKey::RecoveryCode(&code),
        VerifyKey::Passphrase("blue harbour lantern 43"),
    ] {
        let e = verify_backup(&cfg, &file, wrong).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidRecoveryCode, "{}", e.message);
    }

    // A new computer with an empty keychain: the passphrase alone sets the folder up, under a
    // new key whose recovery code is given.
    let new_pc = tempfile::tempdir().unwrap();
    let fresh = MemoryKeychain::default();
    let new_cfg = config(new_pc.path(), Arc::new(fresh.clone()));
    let done = restore_backup(&new_cfg, &file, RestoreKey::Passphrase(PASSPHRASE))
        .await
        .unwrap();
    let new_code = done.new_recovery_code.expect("a new key's recovery code");
    assert_ne!(new_code, code);
    let restored = match start(new_cfg.clone()).await.unwrap() {
        Started::Ready(a) => a,
        other => panic!("opens with the new key from the keychain: {other:?}"),
    };
    sign_in_admin(&restored).await;
    assert_eq!(
        restored.patient_card(id).await.unwrap().patient.first_name,
        "Olga"
    );
    assert!(restored.audit_verify().await.unwrap().intact);
    assert_eq!(
        restored
            .recovery_kit(frontdesk_acceptance::TEST_PASSWORD)
            .await
            .unwrap()
            .code,
        new_code
    );
    restored.close().await;

    // Into the live folder: it stays under the live key (the keychain entry keeps working).
    let live = restore_backup(&cfg, &file, RestoreKey::Passphrase(PASSPHRASE))
        .await
        .unwrap();
    assert!(live.new_recovery_code.is_none());
    let again = match start(cfg.clone()).await.unwrap() {
        Started::Ready(a) => a,
        other => panic!("the live folder opens with its key: {other:?}"),
    };
    sign_in_admin(&again).await;
    assert_eq!(
        again
            .recovery_kit(frontdesk_acceptance::TEST_PASSWORD)
            .await
            .unwrap()
            .code,
        code
    );
    // Clearing the passphrase: backups use the database key again.
    again.set_backup_passphrase(None).await.unwrap();
    let m2 = again.backup_to_folder(nas.path()).await.unwrap();
    assert_eq!((m2.key.as_str(), m2.kdf.is_none()), ("database", true));
    let e = verify_backup(
        &cfg,
        &nas.path().join(&m2.file),
        VerifyKey::Passphrase(PASSPHRASE),
    )
    .await
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
}
