//! The office fee schedule on the encrypted database: import, re-import, all-or-nothing refusal.
use frontdesk_acceptance::{memory_config, ready};
use frontdesk_app::ErrorCode;

#[tokio::test]
async fn a_fee_schedule_is_imported_updated_and_never_half_applied() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, _) = memory_config(dir.path());
    let app = ready(cfg).await;

    let r = app
        .import_fee_schedule(
            "code,description,fee\nD1110,Adult cleaning,110.00\nD0120,Periodic exam,\"$65\"\n",
        )
        .await
        .unwrap();
    assert_eq!((r.added, r.updated, r.unchanged), (2, 0, 0));

    let r = app
        .import_fee_schedule("description,fee,code\nAdult cleaning,118.50,d1110\nPeriodic exam,65,D0120\nCrown,\"1,250\",D2740\n")
        .await
        .unwrap();
    assert_eq!((r.added, r.updated, r.unchanged), (1, 1, 1));
    let list = app.fee_schedule().await.unwrap();
    let got: Vec<(&str, i64)> = list
        .iter()
        .map(|e| (e.code.as_str(), e.fee_cents))
        .collect();
    assert_eq!(
        got,
        vec![("D0120", 6_500), ("D1110", 11_850), ("D2740", 125_000)]
    );

    let e = app
        .import_fee_schedule(
            "code,description,fee\nD0120,Periodic exam,1.00\nD1110,Adult cleaning,-5\n",
        )
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    assert_eq!(e.fields[0].field, "line 3: fee");
    assert_eq!(
        app.fee_schedule().await.unwrap(),
        list,
        "a refused file changes nothing"
    );
    app.close().await;
}

#[tokio::test]
async fn demo_data_ships_a_generic_fee_list() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, _) = memory_config(dir.path());
    let app = ready(cfg).await;
    frontdesk_demo::load_demo(&app, 20, 1).await.unwrap();
    let list = app.fee_schedule().await.unwrap();
    assert!(list.len() >= 20);
    assert!(list.iter().any(|e| e.code == "D1110" && e.fee_cents > 0));
    assert!(
        list.iter().any(|e| e.code == "BTX-UNIT"),
        "med-spa codes too"
    );
    app.close().await;
}
