//! Claims on the encrypted database: a claim through its statuses, the denied and outstanding
//! worklists, payment posting feeding benefits used (the patient's and the family's deductible),
//! and the claim PDF read back as text.
use frontdesk_acceptance::insurance_fixture::{covered_patient, item, ppo, FEES};
use frontdesk_acceptance::{memory_config, new_patient, ready};
use frontdesk_app::insurance::claims::ClaimWorklist;
use frontdesk_app::ErrorCode;
use frontdesk_domain::Relationship;
use frontdesk_insurance::{ClaimAction, ClaimStatus, CoverageDraft, PaymentLine, Rank};

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
