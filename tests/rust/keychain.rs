//! The real OS keychain (Secret Service under D-Bus on Linux). These tests need a session bus
//! with an unlocked keyring: the test command (scripts/test.sh) starts one; without it they fail.
use std::sync::Arc;

use frontdesk_acceptance::*;
use frontdesk_app::{start, unlock_with_recovery_code, ErrorCode, LockReason, Started};
use frontdesk_vault::{DatabaseKey, KeyStore, OsKeychain, RecoveryCode, VaultError};

#[test]
fn the_os_keychain_round_trips_a_key() {
    let kc = OsKeychain::default();
    let id = format!("test-{}", uuid::Uuid::new_v4());
    assert_eq!(kc.load(&id).unwrap_err(), VaultError::KeychainMissing);
    let key = DatabaseKey::generate().unwrap();
    kc.store(&id, &key)
        .expect("store in the real keychain (is a Secret Service running?)");
    assert_eq!(kc.load(&id).unwrap(), key);
    kc.delete(&id).unwrap();
    assert_eq!(kc.load(&id).unwrap_err(), VaultError::KeychainMissing);
}

#[tokio::test]
async fn first_start_keeps_the_key_in_the_keychain_and_later_starts_use_it() {
    let dir = tempfile::tempdir().unwrap();
    let Started::Created(app) = start(os_config(dir.path())).await.unwrap() else {
        panic!("first start creates")
    };
    frontdesk_acceptance::sign_in_admin(&app).await;
    let id = app.database_id().to_string();
    app.create_patient(&draft("Keychain", "Kit", "1988-08-08"))
        .await
        .unwrap();
    app.close().await;
    assert!(
        OsKeychain::default().load(&id).is_ok(),
        "key is in the OS keychain"
    );

    let Started::Ready(app) = start(os_config(dir.path())).await.unwrap() else {
        panic!("second start opens")
    };
    frontdesk_acceptance::sign_in_admin(&app).await;
    assert_eq!(app.patient_count().await.unwrap(), 1);
    app.close().await;
    OsKeychain::default().delete(&id).unwrap();
}

#[tokio::test]
async fn a_missing_keychain_entry_is_recovered_with_the_recovery_code_and_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let app = ready(os_config(dir.path())).await;
    let id = app.database_id().to_string();
    let code = app
        .recovery_kit(frontdesk_acceptance::TEST_PASSWORD)
        .await
        .unwrap()
        .code;
    app.create_patient(&draft("Recover", "Rita", "1970-07-07"))
        .await
        .unwrap();
    app.close().await;
    let db_before = std::fs::read(dir.path().join("frontdesk.db")).unwrap();

    // The keychain loses the entry (reset, new user profile, moved PC).
    OsKeychain::default().delete(&id).unwrap();
    let Started::Locked(locked) = start(os_config(dir.path())).await.unwrap() else {
        panic!("must lock")
    };
    assert_eq!(locked.reason, LockReason::KeychainMissing);
    assert_eq!(
        OsKeychain::default().load(&id).unwrap_err(),
        VaultError::KeychainMissing,
        "no new key was made"
    );
    assert_eq!(
        std::fs::read(dir.path().join("frontdesk.db")).unwrap(),
        db_before,
        "database untouched"
    );

    // A well-formed code of another key: clear error, nothing changes.
    let other = RecoveryCode::from_key(&DatabaseKey::generate().unwrap());
    let err = unlock_with_recovery_code(&locked, other.as_str())
        .await
        .err()
        .unwrap();
    assert_eq!(err.code, ErrorCode::InvalidRecoveryCode);
    assert_eq!(
        OsKeychain::default().load(&id).unwrap_err(),
        VaultError::KeychainMissing
    );
    // A typo: named by group.
    // (The code is random: change its last character to a different one.)
    let last = if code.ends_with('X') { 'Y' } else { 'X' };
    let typo = format!("{}{last}", &code[..code.len() - 1]);
    let err = unlock_with_recovery_code(&locked, &typo)
        .await
        .err()
        .unwrap();
    assert_eq!(err.code, ErrorCode::InvalidRecoveryCode);

    // The right code, typed sloppily: unlocks and puts the key back in the keychain.
    let app = unlock_with_recovery_code(&locked, &code.to_lowercase().replace('-', " "))
        .await
        .unwrap();
    frontdesk_acceptance::sign_in_admin(&app).await;
    assert_eq!(
        app.search_patients("recover", false).await.unwrap().len(),
        1
    );
    app.close().await;
    assert!(OsKeychain::default().load(&id).is_ok(), "key re-stored");
    let Started::Ready(app) = start(os_config(dir.path())).await.unwrap() else {
        panic!("opens again")
    };
    frontdesk_acceptance::sign_in_admin(&app).await;
    app.close().await;
    OsKeychain::default().delete(&id).unwrap();
}

#[tokio::test]
async fn an_unreachable_keychain_locks_an_existing_database_and_refuses_to_create_one() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, _) = memory_config(dir.path());
    ready(cfg).await.close().await;
    let Started::Locked(l) = start(config(dir.path(), Arc::new(UnreachableKeychain)))
        .await
        .unwrap()
    else {
        panic!("must lock")
    };
    assert_eq!(l.reason, LockReason::KeychainUnavailable);

    let fresh = tempfile::tempdir().unwrap();
    let err = start(config(fresh.path(), Arc::new(UnreachableKeychain)))
        .await
        .err()
        .unwrap();
    assert_eq!(err.code, ErrorCode::KeychainUnavailable);
    assert!(
        files_under(fresh.path()).is_empty(),
        "no database is left without a stored key"
    );
}
