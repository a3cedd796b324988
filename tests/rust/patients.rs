//! Patient records: search by every key, the card with family and record history, the audit log.
use frontdesk_acceptance::*;
use frontdesk_app::{App, ErrorCode};
use frontdesk_domain::{PatientStatus, Relationship};
use frontdesk_store::audit;

async fn app_with_people() -> (tempfile::TempDir, App, Vec<i64>) {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, _) = memory_config(dir.path());
    let app = ready(cfg).await;
    frontdesk_demo::load_demo(&app, 120, 3).await.unwrap();
    let mut ids = Vec::new();
    let mut jose = draft("Marín", "José", "3/7/1984");
    jose.preferred_name = "Pepe".into();
    jose.phone_mobile = "(555) 010-2030".into();
    jose.chart_number = "MJ-7781".into();
    jose.medical.allergies = "Penicillin".into();
    ids.push(app.create_patient(&jose).await.unwrap().patient.id);
    let mut olga = draft("Иванова", "Ольга", "1992-12-01");
    olga.phone_home = "555.777.1234".into();
    ids.push(app.create_patient(&olga).await.unwrap().patient.id);
    let mut kid = draft("Marín", "Lucía", "2015-05-05");
    kid.phone_home = "+1 555 010 2030".into();
    ids.push(app.create_patient(&kid).await.unwrap().patient.id);
    (dir, app, ids)
}

async fn ids_for(app: &App, q: &str) -> Vec<i64> {
    app.search_patients(q, false)
        .await
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect()
}

#[tokio::test]
async fn search_finds_patients_by_every_key() {
    let (_dir, app, ids) = app_with_people().await;
    let (jose, olga, kid) = (ids[0], ids[1], ids[2]);
    for q in [
        "jose",
        "José",
        "JOSE MAR",
        "marin",
        "Marín, Jo",
        "mar jos",
        "pepe",
        "Pepe Marín",
    ] {
        assert!(
            ids_for(&app, q).await.contains(&jose),
            "{q:?} finds José Marín"
        );
    }
    for q in ["ivanova", "Иванова", "olga iv", "ольга"] {
        assert!(
            ids_for(&app, q).await.contains(&olga),
            "{q:?} finds Ольга Иванова"
        );
    }
    for q in [
        "555-010-2030",
        "(555) 010 2030",
        "5550102030",
        "2030",
        "010-2030",
        "15550102030",
    ] {
        let hits = ids_for(&app, q).await;
        assert!(
            hits.contains(&jose) && hits.contains(&kid),
            "{q:?} finds both phones"
        );
    }
    assert!(ids_for(&app, "7771234").await.contains(&olga));
    for q in ["3/7/1984", "03/07/1984", "1984-03-07"] {
        assert_eq!(
            ids_for(&app, q).await.first(),
            Some(&jose),
            "{q:?} by birth date"
        );
    }
    assert_eq!(ids_for(&app, "MJ-7781").await.first(), Some(&jose));
    assert_eq!(ids_for(&app, "mj7781").await.first(), Some(&jose));
    assert!(ids_for(&app, "").await.is_empty());
    assert!(ids_for(&app, "zzzznotaname").await.is_empty());
    let hits = app.search_patients("marin jose", false).await.unwrap();
    assert!(hits[0].has_alerts, "alert flag travels with the hit");
    app.close().await;
}

#[tokio::test]
async fn archived_patients_are_hidden_from_search_and_never_deleted() {
    let (_dir, app, ids) = app_with_people().await;
    let card = app.patient_card(ids[1]).await.unwrap();
    let archived = app
        .archive_patient(ids[1], card.patient.meta.version)
        .await
        .unwrap();
    assert_eq!(archived.patient.status, PatientStatus::Archived);
    assert!(!ids_for(&app, "ivanova").await.contains(&ids[1]));
    let with = app.search_patients("ivanova", true).await.unwrap();
    assert!(with
        .iter()
        .any(|p| p.id == ids[1] && p.status == PatientStatus::Archived));
    let restored = app
        .unarchive_patient(ids[1], archived.patient.meta.version)
        .await
        .unwrap();
    assert_eq!(restored.patient.status, PatientStatus::Active);
    app.close().await;
}

#[tokio::test]
async fn families_roll_up_to_the_guarantor() {
    let (_dir, app, ids) = app_with_people().await;
    let (jose, kid, olga) = (ids[0], ids[2], ids[1]);
    let card = app
        .link_family(kid, jose, Relationship::Child)
        .await
        .unwrap();
    assert_eq!(card.patient.guarantor_id, Some(jose));
    assert_eq!(card.family.guarantor.id, jose);
    let g = app.patient_card(jose).await.unwrap();
    assert_eq!(g.family.guarantor.id, jose);
    assert!(g
        .family
        .members
        .iter()
        .any(|m| m.patient.id == kid && m.relationship == Relationship::Child));

    // No chains, no loops, no self-links.
    assert_eq!(
        app.link_family(olga, kid, Relationship::Other)
            .await
            .unwrap_err()
            .code,
        ErrorCode::FamilyRule
    );
    assert_eq!(
        app.link_family(jose, olga, Relationship::Spouse)
            .await
            .unwrap_err()
            .code,
        ErrorCode::FamilyRule
    );
    assert_eq!(
        app.link_family(olga, olga, Relationship::Spouse)
            .await
            .unwrap_err()
            .code,
        ErrorCode::FamilyRule
    );
    let alone = app.unlink_family(kid).await.unwrap();
    assert_eq!(
        (alone.patient.guarantor_id, alone.family.guarantor.id),
        (None, kid)
    );
    app.close().await;
}

#[tokio::test]
async fn every_read_and_change_is_audited_by_field_name_never_value() {
    let (_dir, app, ids) = app_with_people().await;
    let id = ids[0];
    let card = app.patient_card(id).await.unwrap();
    assert_eq!(card.patient.meta.created_by, frontdesk_acceptance::ADMIN);
    assert_eq!(
        card.patient.meta.created_at.to_rfc3339(),
        "2026-11-24T15:00:00+00:00"
    );
    let mut d = card.patient.to_draft();
    d.phone_mobile = "555 999 0001".into();
    d.address.city = "Gotham".into();
    let updated = app
        .update_patient(id, card.patient.meta.version, &d)
        .await
        .unwrap();
    assert_eq!(updated.patient.meta.version, card.patient.meta.version + 1);
    assert_eq!(updated.patient.meta.updated_by, frontdesk_acceptance::ADMIN);

    let trail = app.patient_audit(id).await.unwrap();
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        ["patient.update", "patient.read", "patient.create"]
    );
    assert_eq!(trail[0].fields, ["address.city", "phone_mobile"]);
    for e in audit::all(app.db()).await.unwrap() {
        let text = format!("{} {} {} {:?}", e.actor, e.action, e.entity, e.fields);
        for phi in ["Gotham", "9990001", "Marín", "Penicillin"] {
            assert!(!text.contains(phi), "audit text has no PHI: {text}");
        }
    }
    app.close().await;
}
