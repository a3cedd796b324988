//! Migrations on an empty encrypted database and on a database of the previous schema version.
use frontdesk_store::db::MIGRATOR;
use frontdesk_store::{patients, Db, DbKey};
use zeroize::Zeroizing;

fn key() -> DbKey {
    DbKey::Raw(Zeroizing::new([0x5a; 32]))
}

fn latest() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap()
}

#[tokio::test]
async fn migrations_run_on_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::create_empty(&dir.path().join("x.db"), &key())
        .await
        .unwrap();
    db.migrate().await.unwrap();
    assert_eq!(db.schema_version().await.unwrap(), latest());
    assert_eq!(patients::count(&db).await.unwrap(), 0);
    // Running them again is a no-op.
    db.migrate().await.unwrap();
    assert!(
        latest() >= 2,
        "there is a previous schema version to upgrade from"
    );
}

#[tokio::test]
async fn migrations_upgrade_a_database_of_the_previous_version_keeping_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let previous = MIGRATOR
        .iter()
        .map(|m| m.version)
        .filter(|v| *v < latest())
        .max()
        .unwrap();
    let db = Db::create_empty(&path, &key()).await.unwrap();
    db.migrate_to(previous).await.unwrap();
    assert_eq!(db.schema_version().await.unwrap(), previous);
    frontdesk_store::testing::insert_v1_patient(&db, "Oldschema", "Pat", "1970-01-02", "OLD-1")
        .await
        .unwrap();
    db.close().await;

    let db = Db::open(&path, &key()).await.unwrap();
    db.migrate().await.unwrap();
    assert_eq!(db.schema_version().await.unwrap(), latest());
    let p = patients::get(&db, 1).await.unwrap();
    assert_eq!(
        (p.last_name.as_str(), p.chart_number.as_str()),
        ("Oldschema", "OLD-1")
    );
    assert_eq!(
        p.guarantor_id, None,
        "new family column defaults to own guarantor"
    );
}

#[tokio::test]
async fn the_chart_counter_starts_after_the_highest_chart_of_an_older_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let db = Db::create_empty(&path, &key()).await.unwrap();
    db.migrate_to(2).await.unwrap();
    for (last, chart) in [("Numbered", "000041"), ("Lettered", "A-7")] {
        frontdesk_store::testing::insert_v1_patient(&db, last, "Sam", "1971-01-02", chart)
            .await
            .unwrap();
    }
    db.migrate().await.unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let draft = frontdesk_domain::PatientDraft {
        last_name: "Newer".into(),
        first_name: "Nia".into(),
        date_of_birth: "1990-05-05".into(),
        ..Default::default()
    };
    let valid = frontdesk_domain::validation::validate_patient(&draft, today).unwrap();
    let id = patients::create(&db, &valid, "test", chrono::Utc::now())
        .await
        .unwrap();
    assert_eq!(patients::get(&db, id).await.unwrap().chart_number, "000042");

    // A number typed by hand that the counter would hand out next is skipped, not duplicated.
    let typed = frontdesk_domain::PatientDraft {
        chart_number: "000043".into(),
        ..draft.clone()
    };
    let v = frontdesk_domain::validation::validate_patient(&typed, today).unwrap();
    patients::create(&db, &v, "test", chrono::Utc::now())
        .await
        .unwrap();
    let id = patients::create(&db, &valid, "test", chrono::Utc::now())
        .await
        .unwrap();
    assert_eq!(patients::get(&db, id).await.unwrap().chart_number, "000044");
}
