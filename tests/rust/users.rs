//! People: sign-in with the full password, the PIN only inside its window, throttling and
//! lock-out on the injected clock, deactivation, the last administrator, idle auto-lock, and a
//! password that never touches the database key.
use std::sync::Arc;

use chrono::Duration;
use frontdesk_acceptance::{
    memory_config, new_patient, sign_in_admin, MovableClock, ADMIN, TEST_PASSWORD,
};
use frontdesk_app::users::user_admin::{NewUserInput, UserAction};
use frontdesk_app::users::Role;
use frontdesk_app::{start, App, Config, ErrorCode, Started};

async fn office(dir: &std::path::Path) -> (App, MovableClock, Config) {
    let clock = MovableClock::new();
    let (mut cfg, _kc) = memory_config(dir);
    cfg.clock = Arc::new(clock.clone());
    let app = match start(cfg.clone()).await.unwrap() {
        Started::Created(a) | Started::Ready(a) => a,
        Started::Locked(_) => panic!("locked"),
    };
    sign_in_admin(&app).await;
    (app, clock, cfg)
}

async fn add(app: &App, name: &str, role: Role) {
    app.add_user(&NewUserInput {
        username: name.into(),
        full_name: format!("Test {name}"),
        role,
        grants: vec![],
        password: format!("{name} password"),
    })
    .await
    .unwrap();
}

#[tokio::test]
async fn the_first_administrator_is_made_once_and_passwords_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _, _) = office(dir.path()).await;
    assert!(!app.needs_first_admin().await.unwrap());
    let again = frontdesk_app::users::sign_in::FirstAdmin {
        full_name: "Intruder".into(),
        username: "intruder".into(),
        password: "long enough pw".into(),
    };
    let e = app.create_first_admin(&again).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::AlreadyInitialized);
    let e = app.sign_in(ADMIN, "wrong password").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Unauthorized);
    // An unknown user gets the same answer as a wrong password.
    let e2 = app.sign_in("nobody", "wrong password").await.unwrap_err();
    assert_eq!((e2.code, e2.message), (e.code, e.message));
    // Nothing is open to a session that is not signed in.
    app.sign_out().await.unwrap();
    let e = app.search_patients("a", false).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Unauthorized);
    // A too-short password for a new user is a validation error naming the field.
    sign_in_admin(&app).await;
    let e = app
        .add_user(&NewUserInput {
            username: "maria".into(),
            full_name: "Maria G".into(),
            role: Role::FrontDesk,
            grants: vec![],
            password: "short".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    assert_eq!(e.fields[0].field, "password");
}

#[tokio::test]
async fn failed_attempts_wait_longer_each_time_and_the_tenth_locks_until_an_admin_unlocks() {
    let dir = tempfile::tempdir().unwrap();
    let (app, clock, _) = office(dir.path()).await;
    add(&app, "maria", Role::FrontDesk).await;
    for _ in 0..3 {
        let e = app.sign_in("maria", "bad guess").await.unwrap_err();
        assert_eq!(e.code, ErrorCode::Unauthorized);
    }
    // Even the right password waits now: the gate is before the check.
    let e = app.sign_in("maria", "maria password").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Throttled, "{}", e.message);
    clock.advance(Duration::seconds(1));
    let mut waited = 1;
    let mut fails = 3;
    loop {
        let e = app.sign_in("maria", "bad guess").await.unwrap_err();
        fails += 1;
        if fails == 10 {
            assert_eq!(e.code, ErrorCode::Unauthorized);
            break;
        }
        let e = app.sign_in("maria", "maria password").await.unwrap_err();
        assert_eq!(e.code, ErrorCode::Throttled);
        let delay = 1i64 << (fails - 3);
        clock.advance(Duration::seconds(delay));
        waited += delay;
    }
    assert!(waited > 60, "the delays grew: {waited} s in all");
    clock.advance(Duration::days(1));
    let e = app.sign_in("maria", "maria password").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::AccountLocked);
    sign_in_admin(&app).await;
    app.set_user_active("maria", UserAction::Unlock)
        .await
        .unwrap();
    let me = app.sign_in("maria", "maria password").await.unwrap();
    assert_eq!(me.role, Role::FrontDesk);
    let audit = frontdesk_store::audit::all(app.db()).await.unwrap();
    let failed = audit
        .iter()
        .filter(|a| a.action == "session.sign_in_failed" && a.actor == "maria")
        .count();
    assert_eq!(failed, 10);
    assert!(audit.iter().any(|a| a.action == "user.unlock"));
}

#[tokio::test]
async fn the_pin_works_only_within_its_window_after_a_password_sign_in() {
    let dir = tempfile::tempdir().unwrap();
    let (app, clock, _) = office(dir.path()).await;
    add(&app, "maria", Role::FrontDesk).await;
    // No PIN yet.
    let e = app.sign_in_with_pin("maria", "4321").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Unauthorized);
    app.sign_in("maria", "maria password").await.unwrap();
    let e = app.set_own_pin("maria password", "12").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    let e = app.set_own_pin("wrong password", "4321").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Unauthorized);
    app.set_own_pin("maria password", "4321").await.unwrap();
    app.lock_session().await.unwrap();
    assert_eq!(app.locked_user().as_deref(), Some("maria"));
    let e = app.search_patients("a", false).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::SessionLocked);
    assert_eq!(
        app.sign_in_with_pin("maria", "9999")
            .await
            .unwrap_err()
            .code,
        ErrorCode::Unauthorized
    );
    clock.advance(Duration::hours(11));
    let me = app.sign_in_with_pin("maria", "4321").await.unwrap();
    assert_eq!(me.username, "maria");
    app.search_patients("a", false).await.unwrap();
    // Past the 12-hour window the PIN is refused until the next password sign-in.
    clock.advance(Duration::hours(1) + Duration::seconds(1));
    app.lock_session().await.unwrap();
    let e = app.sign_in_with_pin("maria", "4321").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Unauthorized);
    assert!(e.message.contains("password"), "{}", e.message);
    app.sign_in("maria", "maria password").await.unwrap();
    app.lock_session().await.unwrap();
    app.sign_in_with_pin("maria", "4321").await.unwrap();
}

#[tokio::test]
async fn an_idle_session_locks_itself_on_the_injected_clock() {
    let dir = tempfile::tempdir().unwrap();
    let (app, clock, _) = office(dir.path()).await;
    let id = new_patient(&app, "Idle", "Ida", "1980-01-01").await;
    clock.advance(Duration::minutes(4));
    app.touch_session().await.unwrap();
    clock.advance(Duration::minutes(4));
    app.patient_card(id).await.unwrap();
    clock.advance(Duration::minutes(5));
    let e = app.patient_card(id).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::SessionLocked);
    assert!(app.signed_in().is_none());
    assert_eq!(app.locked_user().as_deref(), Some(ADMIN));
    let audit = frontdesk_store::audit::all(app.db()).await.unwrap();
    assert_eq!(audit.last().unwrap().action, "session.auto_lock");
    app.sign_in(ADMIN, TEST_PASSWORD).await.unwrap();
    app.patient_card(id).await.unwrap();
}

#[tokio::test]
async fn deactivated_users_cannot_sign_in_and_the_last_administrator_stays() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _, _) = office(dir.path()).await;
    add(&app, "maria", Role::FrontDesk).await;
    app.set_user_active("maria", UserAction::Deactivate)
        .await
        .unwrap();
    let e = app.sign_in("maria", "maria password").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Unauthorized);
    assert!(e.message.contains("deactivated"), "{}", e.message);
    sign_in_admin(&app).await;
    // The only administrator can be neither deactivated nor demoted.
    let e = app
        .set_user_active(ADMIN, UserAction::Deactivate)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Refused, "{}", e.message);
    let e = app.set_user_role(ADMIN, Role::Manager).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Refused);
    // With a second administrator, the first may step down.
    add(&app, "owner", Role::Admin).await;
    app.set_user_role(ADMIN, Role::Manager).await.unwrap();
    // Users are never deleted: the list still names maria, deactivated.
    app.sign_in("owner", "owner password").await.unwrap();
    let users = app.list_users().await.unwrap();
    let maria = users.iter().find(|u| u.username == "maria").unwrap();
    assert!(!maria.active);
    let e = app
        .set_user_active("owner", UserAction::Deactivate)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Refused);
}

#[tokio::test]
async fn single_permissions_are_granted_and_revoked_and_denials_are_audited() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _, _) = office(dir.path()).await;
    add(&app, "maria", Role::FrontDesk).await;
    let id = new_patient(&app, "Ledger", "Lee", "1970-02-02").await;
    app.sign_in("maria", "maria password").await.unwrap();
    let e = app.lock_ledger_through("2026-11-30").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    assert!(e.message.contains("\"lock_ledger\""), "{}", e.message);
    let denied = frontdesk_store::audit::all(app.db()).await.unwrap();
    let last = denied.last().unwrap();
    assert_eq!(
        (
            last.actor.as_str(),
            last.action.as_str(),
            last.fields.clone()
        ),
        (
            "maria",
            "permission.denied",
            vec!["lock_ledger".to_string()]
        )
    );
    sign_in_admin(&app).await;
    app.set_user_permission("maria", frontdesk_app::users::Permission::LockLedger, true)
        .await
        .unwrap();
    app.set_user_permission(
        "maria",
        frontdesk_app::users::Permission::ViewPatients,
        false,
    )
    .await
    .unwrap();
    app.sign_in("maria", "maria password").await.unwrap();
    app.lock_ledger_through("2026-11-30").await.unwrap();
    assert_eq!(
        app.patient_card(id).await.unwrap_err().code,
        ErrorCode::Forbidden
    );
}

#[tokio::test]
async fn changing_a_password_never_touches_the_database_key() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _, cfg) = office(dir.path()).await;
    let kit = app.recovery_kit(TEST_PASSWORD).await.unwrap();
    let key_before = cfg.keystore.load(app.database_id()).unwrap();
    app.change_own_password(TEST_PASSWORD, "a brand new password")
        .await
        .unwrap();
    assert_eq!(
        app.recovery_kit(TEST_PASSWORD).await.unwrap_err().code,
        ErrorCode::Unauthorized
    );
    let kit_after = app.recovery_kit("a brand new password").await.unwrap();
    assert_eq!(kit.code, kit_after.code);
    assert!(cfg.keystore.load(app.database_id()).unwrap().bytes() == key_before.bytes());
    // A front-desk user never sees the kit, password or not.
    add(&app, "maria", Role::FrontDesk).await;
    app.sign_in("maria", "maria password").await.unwrap();
    assert_eq!(
        app.recovery_kit("maria password").await.unwrap_err().code,
        ErrorCode::Forbidden
    );
}
