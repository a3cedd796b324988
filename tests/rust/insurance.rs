//! Insurance on the encrypted database: a PPO plan with a deductible and a max, a patient's
//! coverage, a treatment plan estimated in order with reasons, a claim through its statuses, the
//! denied and outstanding worklists, payment posting feeding benefits used, and the claim PDF.
use frontdesk_acceptance::{draft, memory_config, new_patient, ready};
use frontdesk_app::claims::ClaimWorklist;
use frontdesk_app::{App, ErrorCode};
use frontdesk_domain::{PatientId, Relationship};
use frontdesk_insurance::plan::{CodeAmount, CoverageLine, PlanBenefits};
use frontdesk_insurance::{
    CarrierDraft, ClaimAction, ClaimStatus, CoverageDraft, PaymentLine, PlanDraft, PlanType, Rank,
    TreatmentItemDraft,
};

const FEES: &str = "code,description,fee\nD0120,Periodic exam,65.00\nD1110,Adult cleaning,110.00\n\
    D2391,Posterior composite one surface,200.00\nD2740,Crown porcelain,1200.00\nBTX-UNIT,Cosmetic unit,12.00\n";

async fn ppo(app: &App) -> i64 {
    let carrier = app
        .save_carrier(
            None,
            &CarrierDraft {
                name: "Delta Dental".into(),
                payer_id: "CDCA1".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let plan = app
        .save_plan(
            None,
            &PlanDraft {
                carrier_id: carrier.id,
                group_name: "Acme PPO".into(),
                group_number: "G-100".into(),
                employer: "Acme".into(),
                plan_type: PlanType::Ppo,
                benefits: PlanBenefits {
                    annual_max: "1000.00".into(),
                    deductible: "50.00".into(),
                    deductible_waived: "D0000-D1999".into(),
                    coverage: vec![
                        CoverageLine {
                            codes: "D0000-D1999".into(),
                            percent: 100.0,
                        },
                        CoverageLine {
                            codes: "D2000-D2699".into(),
                            percent: 80.0,
                        },
                        CoverageLine {
                            codes: "D2700-D2999".into(),
                            percent: 50.0,
                        },
                    ],
                    allowed: vec![
                        CodeAmount {
                            code: "D2391".into(),
                            amount: "150.00".into(),
                        },
                        CodeAmount {
                            code: "D2740".into(),
                            amount: "900.00".into(),
                        },
                    ],
                    ..Default::default()
                },
            },
        )
        .await
        .unwrap();
    plan.id
}

async fn covered_patient(app: &App, plan: i64) -> PatientId {
    let p = app
        .create_patient(&draft("Okafor", "Ada", "1980-02-03"))
        .await
        .unwrap();
    app.save_coverage(
        p.patient.id,
        None,
        &CoverageDraft {
            plan_id: plan,
            subscriber_id: p.patient.id,
            member_id: "M-555".into(),
            relationship: Relationship::SelfGuarantor,
            rank: Rank::Primary,
            effective: "2026-01-01".into(),
            termination: String::new(),
        },
    )
    .await
    .unwrap();
    p.patient.id
}

fn item(code: &str, tooth: &str) -> TreatmentItemDraft {
    TreatmentItemDraft {
        code: code.into(),
        tooth: tooth.into(),
        surface: String::new(),
        units: 1,
    }
}

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
async fn a_claim_is_denied_found_on_the_worklist_appealed_and_paid() {
    let dir = tempfile::tempdir().unwrap();
    let app = ready(memory_config(dir.path()).0).await;
    app.import_fee_schedule(FEES).await.unwrap();
    let plan = ppo(&app).await;
    let pid = covered_patient(&app, plan).await;
    let coverage = app.coverages(pid).await.unwrap()[0].id;
    let today = "2026-11-24";

    let v = app.add_treatment(pid, &item("D2391", "30")).await.unwrap();
    let filling = v.items[0].id;
    // Only completed procedures go on claims.
    let e = app
        .create_claim(pid, coverage, today, &[filling])
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Refused);
    let e = app
        .complete_treatment(pid, filling, "2026-11-25")
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "completed_on", "not in the future");
    app.complete_treatment(pid, filling, today).await.unwrap();
    let due = app.due_today(pid).await.unwrap();
    assert_eq!(due.totals.patient_cents, 7_000);

    let claim = app
        .create_claim(pid, coverage, today, &[filling])
        .await
        .unwrap();
    let id = claim.summary.id;
    assert_eq!(claim.summary.status, ClaimStatus::Draft);
    assert_eq!(claim.lines[0].estimate_cents, 8_000);
    let e = app
        .create_claim(pid, coverage, today, &[filling])
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Refused, "claimed twice");

    // Out of order, then the normal path.
    let deny = ClaimAction::Deny {
        reason: "Missing x-ray".into(),
        follow_up: "2026-12-01".into(),
    };
    assert_eq!(
        app.claim_action(id, &deny).await.unwrap_err().fields[0].field,
        "status"
    );
    app.claim_action(
        id,
        &ClaimAction::Send {
            on: "2026-10-01".into(),
        },
    )
    .await
    .unwrap();
    let outstanding = app
        .claim_worklist(ClaimWorklist::Outstanding)
        .await
        .unwrap();
    assert_eq!(
        outstanding.iter().map(|c| c.id).collect::<Vec<_>>(),
        vec![id],
        "sent 54 days ago"
    );
    let denied = app.claim_action(id, &deny).await.unwrap();
    assert_eq!(denied.summary.status, ClaimStatus::Denied);
    let list = app.claim_worklist(ClaimWorklist::Denied).await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].denial_reason, "Missing x-ray");
    assert_eq!(list[0].follow_up_on.as_deref(), Some("2026-12-01"));
    assert_eq!(list[0].patient.last_name, "Okafor");
    assert!(app
        .claim_worklist(ClaimWorklist::Outstanding)
        .await
        .unwrap()
        .is_empty());

    app.claim_follow_up(id, "2026-12-03", "Called Delta, ref 4471")
        .await
        .unwrap();
    app.claim_action(
        id,
        &ClaimAction::Appeal {
            on: today.into(),
            note: "x-ray attached".into(),
        },
    )
    .await
    .unwrap();
    // A negative payment is refused and changes nothing.
    let bad = [PaymentLine {
        treatment_item_id: filling,
        paid: "-80".into(),
        ..Default::default()
    }];
    assert_eq!(
        app.post_claim_payment(id, today, &bad)
            .await
            .unwrap_err()
            .code,
        ErrorCode::Validation
    );
    assert_eq!(
        app.claim(id).await.unwrap().summary.status,
        ClaimStatus::Appealed
    );
    let pay = [PaymentLine {
        treatment_item_id: filling,
        paid: "80.00".into(),
        write_off: "50.00".into(),
        deductible: "50.00".into(),
    }];
    let paid = app.post_claim_payment(id, today, &pay).await.unwrap();
    assert_eq!(paid.summary.status, ClaimStatus::Paid);
    assert_eq!(paid.summary.paid_cents, 8_000);
    assert!(app
        .claim_worklist(ClaimWorklist::Denied)
        .await
        .unwrap()
        .is_empty());

    // The payment counts as benefits used: the next filling gets no deductible and less max.
    let v = app.add_treatment(pid, &item("D2391", "19")).await.unwrap();
    let next = v
        .estimate
        .lines
        .iter()
        .find(|l| l.item_id != filling)
        .unwrap();
    assert_eq!(next.plans[0].deductible_cents, 0);
    assert_eq!(next.plans[0].estimate_cents, 12_000);

    // The printed claim, read back as text.
    let path = app.save_claim_pdf(id, Some(dir.path())).await.unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "Delta Dental",
        "Payer ID: CDCA1",
        "M-555",
        "Okafor, Ada",
        "G-100",
        "[X] Statement of actual services",
        "11/24/2026",
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} not in the claim form:\n{text}"
        );
    }
    assert!(
        text.lines()
            .any(|l| l.contains("D2391") && l.contains("30") && l.contains("200.00")),
        "the procedure line with tooth and fee:\n{text}"
    );
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

#[tokio::test]
async fn a_family_deductible_met_by_one_member_lowers_the_next_members_deductible() {
    let dir = tempfile::tempdir().unwrap();
    let app = ready(memory_config(dir.path()).0).await;
    app.import_fee_schedule(FEES).await.unwrap();
    let plan_id = ppo(&app).await;
    let mut plan = app.plans().await.unwrap()[0].details.clone();
    plan.benefits.family_deductible = "75.00".into();
    app.save_plan(Some(plan_id), &plan).await.unwrap();

    // Ada is the subscriber; her child Obi is covered through her.
    let ada = covered_patient(&app, plan_id).await;
    let obi = new_patient(&app, "Okafor", "Obi", "2015-05-05").await;
    app.save_coverage(
        obi,
        None,
        &CoverageDraft {
            plan_id,
            subscriber_id: ada,
            member_id: "M-555".into(),
            relationship: Relationship::Child,
            rank: Rank::Primary,
            effective: "2026-01-01".into(),
            termination: String::new(),
        },
    )
    .await
    .unwrap();

    // Ada's filling is paid with her $50 deductible applied.
    let coverage = app.coverages(ada).await.unwrap()[0].id;
    let v = app.add_treatment(ada, &item("D2391", "30")).await.unwrap();
    let filling = v.items[0].id;
    app.complete_treatment(ada, filling, "2026-11-02")
        .await
        .unwrap();
    let claim = app
        .create_claim(ada, coverage, "2026-11-02", &[filling])
        .await
        .unwrap();
    app.claim_action(
        claim.summary.id,
        &ClaimAction::Send {
            on: "2026-11-03".into(),
        },
    )
    .await
    .unwrap();
    app.post_claim_payment(
        claim.summary.id,
        "2026-11-20",
        &[PaymentLine {
            treatment_item_id: filling,
            paid: "80.00".into(),
            write_off: "50.00".into(),
            deductible: "50.00".into(),
        }],
    )
    .await
    .unwrap();

    // Obi's own $50 is capped by the $25 left of the family's $75.
    let v = app.add_treatment(obi, &item("D2391", "A")).await.unwrap();
    let line = &v.estimate.lines[0];
    assert_eq!(line.plans[0].deductible_cents, 2_500);
    assert_eq!(line.plans[0].estimate_cents, 10_000, "80 % of 150 − 25");
    assert!(
        line.explanation
            .iter()
            .any(|l| l.contains("family deductible $0.00 left")),
        "{:?}",
        line.explanation
    );
    app.close().await;
}
