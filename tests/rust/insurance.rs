//! Insurance on the encrypted database: plans checked by the engine, a treatment plan estimated
//! in order with reasons, procedures done but not settled, pre-authorizations, verification and
//! benefits used elsewhere.
use frontdesk_acceptance::insurance_fixture::{covered_patient, item, ppo, FEES};
use frontdesk_acceptance::{memory_config, ready};
use frontdesk_app::ErrorCode;
use frontdesk_insurance::CoverageDraft;

#[tokio::test]
async fn a_treatment_plan_is_estimated_in_order_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let app = ready(memory_config(dir.path()).0).await;
    app.import_fee_schedule(FEES).await.unwrap();
    let plan = ppo(&app).await;
    let pid = covered_patient(&app, plan).await;

    app.add_treatment(pid, &item("D2391", "30")).await.unwrap();
    let view = app.add_treatment(pid, &item("D2740", "3")).await.unwrap();
    let e = &view.estimate;
    assert_eq!(e.plans, vec!["Delta Dental - Acme PPO".to_string()]);
    // Filling: allowed 150, deductible 50, 80 % of 100 = 80, write-off 50, patient 70.
    let filling = &e.lines[0];
    assert_eq!(
        (
            filling.plans[0].estimate_cents,
            filling.plans[0].write_off_cents,
            filling.patient_cents
        ),
        (8_000, 5_000, 7_000)
    );
    assert!(filling
        .explanation
        .iter()
        .any(|l| l.contains("deductible $50.00 applied")));
    // Crown: allowed 900, 50 % = 450, write-off 300, patient 450.
    assert_eq!(e.lines[1].plans[0].estimate_cents, 45_000);
    assert_eq!(e.totals.fee_cents, 140_000);
    assert_eq!(
        e.totals.fee_cents,
        e.totals.insurance_cents + e.totals.write_off_cents + e.totals.patient_cents
    );

    // Reorder: the crown now takes the deductible.
    let crown = view.items[1].id;
    let moved = app.move_treatment(pid, crown, 1).await.unwrap();
    assert_eq!(moved.items[0].code, "D2740");
    let crown_line = &moved.estimate.lines[0];
    assert_eq!(crown_line.plans[0].deductible_cents, 5_000);
    assert_eq!(crown_line.plans[0].estimate_cents, 42_500);
    assert_eq!(moved.estimate.lines[1].plans[0].estimate_cents, 12_000);

    // Office codes and unknown codes.
    let v = app.add_treatment(pid, &item("BTX-UNIT", "")).await.unwrap();
    assert_eq!(v.estimate.lines[2].patient_cents, 1_200);
    let err = app
        .add_treatment(pid, &item("D9999", ""))
        .await
        .unwrap_err();
    assert_eq!(
        (err.code, err.fields[0].field.as_str()),
        (ErrorCode::Validation, "code")
    );
    let err = app
        .add_treatment(pid, &item("D2391", "45"))
        .await
        .unwrap_err();
    assert_eq!(err.fields[0].field, "tooth");
    assert_eq!(
        app.treatment_plan(pid).await.unwrap().items.len(),
        3,
        "refused adds change nothing"
    );

    // Removing keeps positions 1..n, so moving to a row number still means that row.
    let items = app.treatment_plan(pid).await.unwrap().items;
    let v = app.remove_treatment(pid, items[0].id).await.unwrap();
    assert_eq!(
        v.items.iter().map(|i| i.position).collect::<Vec<_>>(),
        vec![1, 2]
    );
    let v = app.move_treatment(pid, v.items[1].id, 1).await.unwrap();
    assert_eq!(v.items[0].code, "BTX-UNIT");
    app.close().await;
}

#[tokio::test]
async fn bad_plans_and_coverages_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = ready(memory_config(dir.path()).0).await;
    let plan = ppo(&app).await;
    let mut bad = app.plans().await.unwrap()[0].details.clone();
    bad.benefits.coverage[1].percent = 180.0;
    let e = app.save_plan(Some(plan), &bad).await.unwrap_err();
    assert_eq!(e.fields[0].field, "benefits.coverage[1].percent");
    assert_eq!(
        app.plans().await.unwrap()[0].details.benefits.coverage[1].percent,
        80.0
    );

    let pid = covered_patient(&app, plan).await;
    let second_primary = CoverageDraft {
        plan_id: plan,
        subscriber_id: pid,
        member_id: "M-2".into(),
        effective: "2026-06-01".into(),
        ..Default::default()
    };
    let e = app
        .save_coverage(pid, None, &second_primary)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Refused);
    let e = app
        .save_coverage(
            pid,
            None,
            &CoverageDraft {
                effective: "2026-13-01".into(),
                ..second_primary
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "effective");
    assert_eq!(app.coverages(pid).await.unwrap().len(), 1);
    app.close().await;
}

#[tokio::test]
async fn a_procedure_done_but_not_yet_paid_still_uses_up_the_deductible() {
    let dir = tempfile::tempdir().unwrap();
    let app = ready(memory_config(dir.path()).0).await;
    app.import_fee_schedule(FEES).await.unwrap();
    let plan = ppo(&app).await;
    let pid = covered_patient(&app, plan).await;
    let v = app.add_treatment(pid, &item("D2391", "30")).await.unwrap();
    app.add_treatment(pid, &item("D2391", "19")).await.unwrap();
    let v = app
        .complete_treatment(pid, v.items[0].id, "2026-11-20")
        .await
        .unwrap();
    let line = &v.estimate.lines[0];
    assert_eq!(
        v.estimate.lines.len(),
        1,
        "only the planned filling is shown"
    );
    assert_eq!(
        line.plans[0].deductible_cents, 0,
        "the done filling took it"
    );
    assert_eq!(line.plans[0].estimate_cents, 12_000);
    app.close().await;
}

#[tokio::test]
async fn an_approved_preauthorization_replaces_the_estimate_until_it_expires() {
    use frontdesk_insurance::preauth::{ApprovedLine, PreauthAction, PreauthStatus};
    let dir = tempfile::tempdir().unwrap();
    let app = ready(memory_config(dir.path()).0).await;
    app.import_fee_schedule(FEES).await.unwrap();
    let plan = ppo(&app).await;
    let pid = covered_patient(&app, plan).await;
    let coverage = app.coverages(pid).await.unwrap()[0].id;
    let v = app.add_treatment(pid, &item("D2740", "3")).await.unwrap();
    let crown = v.items[0].id;

    let pa = app.create_preauth(pid, coverage, &[crown]).await.unwrap();
    assert_eq!(pa.status, PreauthStatus::Draft);
    let approve = |expires: &str| PreauthAction::Approve {
        expires: expires.into(),
        lines: vec![ApprovedLine {
            treatment_item_id: crown,
            amount: "400.00".into(),
        }],
    };
    let e = app
        .preauth_action(pa.id, &approve("2027-05-01"))
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "status", "a draft is sent first");
    app.preauth_action(
        pa.id,
        &PreauthAction::Send {
            on: "2026-10-01".into(),
        },
    )
    .await
    .unwrap();
    let pending = app.preauth_worklist().await.unwrap();
    assert_eq!(
        pending.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![pa.id]
    );

    let done = app
        .preauth_action(pa.id, &approve("2027-05-01"))
        .await
        .unwrap();
    assert_eq!(done.status, PreauthStatus::Approved);
    assert_eq!(done.lines[0].approved_cents, Some(40_000));
    assert!(app.preauth_worklist().await.unwrap().is_empty());
    let line = &app.treatment_plan(pid).await.unwrap().estimate.lines[0];
    assert_eq!(
        line.plans[0].estimate_cents, 40_000,
        "instead of 50 % of 900 − 50"
    );
    assert!(line
        .explanation
        .iter()
        .any(|l| l.contains("pre-authorization #1 approved $400.00 (until 05/01/2027)")));

    // A second one that expired yesterday no longer counts.
    let v = app.add_treatment(pid, &item("D2740", "14")).await.unwrap();
    let other = v.items[1].id;
    let pa2 = app.create_preauth(pid, coverage, &[other]).await.unwrap();
    app.preauth_action(
        pa2.id,
        &PreauthAction::Send {
            on: "2026-05-01".into(),
        },
    )
    .await
    .unwrap();
    let expired = app
        .preauth_action(
            pa2.id,
            &PreauthAction::Approve {
                expires: "2026-11-23".into(),
                lines: vec![ApprovedLine {
                    treatment_item_id: other,
                    amount: "1.00".into(),
                }],
            },
        )
        .await
        .unwrap();
    assert_eq!(expired.status, PreauthStatus::Expired);
    let plan_view = app.treatment_plan(pid).await.unwrap();
    assert_ne!(plan_view.estimate.lines[1].plans[0].estimate_cents, 100);
    app.close().await;
}

#[tokio::test]
async fn a_verification_records_what_the_payer_said_and_benefits_used_elsewhere() {
    use frontdesk_insurance::verification::{VerificationDraft, VerificationMethod};
    let dir = tempfile::tempdir().unwrap();
    let app = ready(memory_config(dir.path()).0).await;
    app.import_fee_schedule(FEES).await.unwrap();
    let plan = ppo(&app).await;
    let pid = covered_patient(&app, plan).await;
    let coverage = app.coverages(pid).await.unwrap()[0].clone();
    assert_eq!(coverage.last_verified, None);

    let bad = VerificationDraft {
        verified_on: "11/31/2026".into(),
        ..Default::default()
    };
    let e = app
        .verify_coverage(pid, coverage.id, &bad)
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "verified_on");
    assert!(app.verifications(coverage.id).await.unwrap().is_empty());

    let list = app
        .verify_coverage(
            pid,
            coverage.id,
            &VerificationDraft {
                verified_on: "11/24/2026".into(),
                method: VerificationMethod::PayerPortal,
                reference: "EV-88231".into(),
                benefits_confirmed: true,
                remaining_max: "100.00".into(),
                used_elsewhere: "900.00".into(),
                deductible_used_elsewhere: "50.00".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(list[0].next_due, "2026-12-24");
    let c = &app.coverages(pid).await.unwrap()[0];
    assert_eq!(c.last_verified.as_deref(), Some("2026-11-24"));
    assert_eq!(c.verification_due.as_deref(), Some("2026-12-24"));

    // $900 used at another office leaves $100 of the $1,000 max; the deductible was met there.
    let v = app.add_treatment(pid, &item("D2391", "30")).await.unwrap();
    let share = &v.estimate.lines[0].plans[0];
    assert_eq!(share.deductible_cents, 0);
    assert_eq!(share.estimate_cents, 10_000);
    app.close().await;
}
