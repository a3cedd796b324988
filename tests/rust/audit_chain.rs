//! The audit log is a hash chain: an entry altered, removed or inserted with raw SQL (by anyone
//! holding the key, who can drop the append-only triggers) is named by `audit_verify`; entries
//! from before the chain are sealed into it, in order, on upgrade.
use frontdesk_acceptance::{memory_config, new_patient, ready};
use frontdesk_app::App;
use frontdesk_store::testing::execute_raw;

async fn office(dir: &std::path::Path) -> App {
    let (cfg, _kc) = memory_config(dir);
    let app = ready(cfg).await;
    for i in 0..4 {
        let id = new_patient(&app, "Chain", &format!("Link{i}"), "1990-01-01").await;
        app.patient_card(id).await.unwrap();
    }
    app
}

const DROP_TRIGGERS: &str = "DROP TRIGGER audit_log_append_only_update; \
                             DROP TRIGGER audit_log_append_only_delete;";

#[tokio::test]
async fn an_intact_chain_gives_its_count_and_head() {
    let dir = tempfile::tempdir().unwrap();
    let app = office(dir.path()).await;
    let check = app.audit_verify().await.unwrap();
    assert!(check.intact, "{check:?}");
    let (count, head) = app.audit_head().await.unwrap();
    assert_eq!(check.entries as i64, count);
    assert!(count >= 10, "{count}");
    assert_eq!(check.head_hash, head);
    assert_eq!(head.len(), 64);
    // Every backup's manifest carries the head (the backup itself is logged first).
    let out = tempfile::tempdir().unwrap();
    let m = app.backup_to_folder(out.path()).await.unwrap();
    let (count, head) = app.audit_head().await.unwrap();
    assert_eq!(m.audit_head_hash, head);
    assert_eq!(m.audit_entries, count);
    // The triggers still refuse a change through SQL.
    let e = execute_raw(app.db(), "UPDATE audit_log SET actor = 'x' WHERE id = 1").await;
    assert!(e.is_err());
}

#[tokio::test]
async fn an_altered_entry_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let app = office(dir.path()).await;
    execute_raw(app.db(), DROP_TRIGGERS).await.unwrap();
    execute_raw(
        app.db(),
        "UPDATE audit_log SET action = 'patient.export' WHERE id = 5",
    )
    .await
    .unwrap();
    let check = app.audit_verify().await.unwrap();
    assert!(!check.intact);
    assert_eq!(check.first_bad_entry, Some(5));
    assert!(check.problem.unwrap().contains("changed"));
}

#[tokio::test]
async fn a_removed_entry_is_named_by_the_one_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let app = office(dir.path()).await;
    execute_raw(app.db(), DROP_TRIGGERS).await.unwrap();
    execute_raw(app.db(), "DELETE FROM audit_log WHERE id = 4")
        .await
        .unwrap();
    let check = app.audit_verify().await.unwrap();
    assert_eq!(check.first_bad_entry, Some(5), "{check:?}");
    assert!(check.problem.unwrap().contains("removed or inserted"));
}

#[tokio::test]
async fn an_inserted_entry_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let app = office(dir.path()).await;
    let (count, head) = app.audit_head().await.unwrap();
    // Linked to the real head, but its hash is not the hash of its content.
    execute_raw(
        app.db(),
        &format!(
            "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, fields, prev_hash, hash) \
             VALUES ({}, '2026-11-24T15:00:00.000000Z', 'admin', 'patient.read', 'patient', 1, '[]', '{head}', '{}')",
            count + 1,
            "ab".repeat(32)
        ),
    )
    .await
    .unwrap();
    let check = app.audit_verify().await.unwrap();
    assert_eq!(check.first_bad_entry, Some(count + 1), "{check:?}");
    // An entry slipped in with a forged id between two others breaks the link after it.
    let dir2 = tempfile::tempdir().unwrap();
    let app2 = office(dir2.path()).await;
    execute_raw(app2.db(), DROP_TRIGGERS).await.unwrap();
    execute_raw(
        app2.db(),
        "UPDATE audit_log SET id = id + 1000 WHERE id >= 6",
    )
    .await
    .unwrap();
    execute_raw(
        app2.db(),
        "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, fields, prev_hash, hash) \
         SELECT 6, at, actor, action, entity, entity_id, fields, prev_hash, hash FROM audit_log WHERE id = 5",
    )
    .await
    .unwrap();
    let check = app2.audit_verify().await.unwrap();
    assert_eq!(check.first_bad_entry, Some(6), "{check:?}");
}

#[tokio::test]
async fn entries_from_before_the_chain_are_sealed_into_it_in_order() {
    use frontdesk_store::{Db, DbKey};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let key = DbKey::Raw(zeroize::Zeroizing::new([7u8; 32]));
    let db = Db::create_empty(&path, &key).await.unwrap();
    db.migrate_to(14).await.unwrap();
    for (i, action) in ["patient.create", "patient.read", "patient.update"]
        .iter()
        .enumerate()
    {
        frontdesk_store::testing::insert_v14_audit(
            &db,
            &format!("2025-06-0{}T10:00:00+00:00", i + 1),
            "workstation:front",
            action,
        )
        .await
        .unwrap();
    }
    db.migrate().await.unwrap();
    let verdict = frontdesk_store::audit::verify_chain(&db).await.unwrap();
    let frontdesk_access::audit_chain::Verdict::Intact { entries, .. } = verdict else {
        panic!("sealed chain must verify: {verdict:?}")
    };
    assert_eq!(entries, 3);
    // Sealing happens once; a second opening changes nothing.
    let (_, head) = frontdesk_store::audit::head_hash(&db).await.unwrap();
    db.migrate().await.unwrap();
    assert_eq!(
        frontdesk_store::audit::head_hash(&db).await.unwrap().1,
        head
    );
    // And a sealed entry can no longer be updated.
    assert!(
        execute_raw(&db, "UPDATE audit_log SET hash = NULL WHERE id = 1")
            .await
            .is_err()
    );
    db.close().await;
}

#[tokio::test]
async fn prints_saves_and_exports_are_audited_by_record_and_kind() {
    use frontdesk_app::documents::preview_print_save::DocumentRequest;
    let dir = tempfile::tempdir().unwrap();
    let app = office(dir.path()).await;
    let out = tempfile::tempdir().unwrap();
    app.document_save(
        &DocumentRequest::CheckinPatient { patient: 1 },
        Some(out.path()),
    )
    .await
    .unwrap();
    app.document_preview(&DocumentRequest::Receipt { patient: 1 })
        .await
        .unwrap();
    app.reminders_csv("2026-11-25").await.unwrap();
    let rows = frontdesk_store::audit::all(app.db()).await.unwrap();
    let find = |action: &str| rows.iter().find(|r| r.action == action).cloned();
    let saved = find("document.save").expect("the save is logged");
    assert_eq!(
        (saved.entity.as_str(), saved.entity_id),
        ("patient", Some(1))
    );
    assert_eq!(saved.fields, vec!["checkin_packet".to_string()]);
    assert!(find("document.preview").is_some());
    assert!(find("export.reminders").is_some());
    assert!(app.audit_verify().await.unwrap().intact);
}
