//! Bad input gets a typed error naming the field, and nothing is written.
use frontdesk_acceptance::*;
use frontdesk_app::{App, AppError, ErrorCode};
use frontdesk_domain::PatientDraft;
use frontdesk_store::audit;

async fn counts(app: &App) -> (i64, usize) {
    (
        app.patient_count().await.unwrap(),
        audit::all(app.db()).await.unwrap().len(),
    )
}

async fn refused(app: &App, d: PatientDraft, code: ErrorCode, field: &str) -> AppError {
    let before = counts(app).await;
    let err = app.create_patient(&d).await.unwrap_err();
    assert_eq!(err.code, code, "{err:?}");
    assert!(
        err.fields.iter().any(|f| f.field == field),
        "names {field}: {err:?}"
    );
    assert_eq!(counts(app).await, before, "nothing written");
    err
}

#[tokio::test]
async fn invalid_patients_are_refused_with_the_field_named() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, _) = memory_config(dir.path());
    let app = ready(cfg).await;
    let ok = draft("Valid", "Vera", "1990-02-03");

    refused(
        &app,
        PatientDraft {
            last_name: "  ".into(),
            ..ok.clone()
        },
        ErrorCode::Validation,
        "last_name",
    )
    .await;
    refused(
        &app,
        PatientDraft {
            date_of_birth: "2026-02-30".into(),
            ..ok.clone()
        },
        ErrorCode::Validation,
        "date_of_birth",
    )
    .await;
    // The clock says 2026-11-24: tomorrow is in the future.
    refused(
        &app,
        PatientDraft {
            date_of_birth: "2026-11-25".into(),
            ..ok.clone()
        },
        ErrorCode::Validation,
        "date_of_birth",
    )
    .await;
    refused(
        &app,
        PatientDraft {
            first_name: "x".repeat(101),
            ..ok.clone()
        },
        ErrorCode::Validation,
        "first_name",
    )
    .await;
    refused(
        &app,
        PatientDraft {
            notes: "n".repeat(4001),
            ..ok.clone()
        },
        ErrorCode::Validation,
        "notes",
    )
    .await;
    let err = refused(
        &app,
        PatientDraft {
            phone_mobile: "555-PIZZA-1".into(),
            ..ok.clone()
        },
        ErrorCode::Validation,
        "phone_mobile",
    )
    .await;
    assert!(
        !err.message.contains("PIZZA"),
        "the value is not echoed: {}",
        err.message
    );

    let first = app
        .create_patient(&PatientDraft {
            chart_number: "C-100".into(),
            ..ok.clone()
        })
        .await
        .unwrap();
    refused(
        &app,
        PatientDraft {
            chart_number: "c-100".into(),
            ..ok.clone()
        },
        ErrorCode::DuplicateChartNumber,
        "chart_number",
    )
    .await;

    // An edit with bad input changes nothing either.
    let v = first.patient.meta.version;
    let err = app
        .update_patient(
            first.patient.id,
            v,
            &PatientDraft {
                date_of_birth: "1984-13-01".into(),
                ..ok.clone()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    let again = app.patient_card(first.patient.id).await.unwrap();
    assert_eq!(again.patient.date_of_birth.to_string(), "1990-02-03");
    assert_eq!(again.patient.meta.version, v);
    app.close().await;
}

#[tokio::test]
async fn a_stale_edit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, _) = memory_config(dir.path());
    let app = ready(cfg).await;
    let card = app
        .create_patient(&draft("Stale", "Sam", "1980-01-01"))
        .await
        .unwrap();
    let id = card.patient.id;
    let mut first = card.patient.to_draft();
    first.email = "sam@example.com".into();
    app.update_patient(id, card.patient.meta.version, &first)
        .await
        .unwrap();
    let mut second = card.patient.to_draft();
    second.notes = "edited in another window".into();
    let err = app
        .update_patient(id, card.patient.meta.version, &second)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::StaleRecord);
    assert_eq!(app.patient_card(id).await.unwrap().patient.notes, "");
    assert_eq!(
        app.update_patient(999_999, 1, &first)
            .await
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    app.close().await;
}
