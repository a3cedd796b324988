//! The estimate rules incumbents get wrong, through the App on an encrypted database: a posterior
//! composite paid as an amalgam (alternate benefit), fluoride not covered on the 19th birthday (age
//! limit), preventive codes exempt from the maximum (planned, and paid on a claim this year), and a
//! crown on a tooth crowned within 60 months (frequency per tooth over a rolling window). Plans that
//! name a `to` code without a fee are refused and change nothing.
use frontdesk_acceptance::insurance_fixture::item;
use frontdesk_acceptance::{memory_config, new_patient, ready};
use frontdesk_app::App;
use frontdesk_insurance::plan::{
    AgeLimitLine, CodeAmount, CoverageLine, DowngradeLine, FrequencyLine, PlanBenefits,
};
use frontdesk_insurance::{
    CarrierDraft, ClaimAction, CoverageDraft, PaymentLine, PlanDraft, PlanType, Rank,
};

/// The clock is 2026-11-24.
const FEES: &str = "code,description,fee\nD0120,Periodic exam,65.00\nD1110,Adult cleaning,110.00\n\
    D1206,Fluoride varnish,45.00\nD2150,Amalgam two surfaces,140.00\nD2391,Posterior composite one surface,200.00\n\
    D2392,Posterior composite two surfaces,240.00\nD2740,Crown porcelain,1200.00\n";

fn amount(code: &str, amount: &str) -> CodeAmount {
    CodeAmount {
        code: code.into(),
        amount: amount.into(),
    }
}

fn rules_plan(carrier_id: i64) -> PlanDraft {
    PlanDraft {
        carrier_id,
        group_name: "Acme PPO".into(),
        plan_type: PlanType::Ppo,
        benefits: PlanBenefits {
            annual_max: "500.00".into(),
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
                amount("D1110", "85.00"),
                amount("D1206", "30.00"),
                amount("D2150", "110.00"),
                amount("D2392", "170.00"),
                amount("D2740", "900.00"),
            ],
            downgrades: vec![DowngradeLine {
                from: "D2391-D2394".into(),
                to: "D2150".into(),
                posterior_only: true,
            }],
            age_limits: vec![AgeLimitLine {
                codes: "D1206".into(),
                min_age: 0,
                max_age: 18,
            }],
            max_exempt: "D0000-D1999".into(),
            frequency: vec![FrequencyLine {
                codes: "D2740-D2799".into(),
                times: 1,
                per: "months".into(),
                months: 60,
                per_tooth: true,
            }],
            ..Default::default()
        },
        ..Default::default()
    }
}

async fn carrier(app: &App) -> i64 {
    app.save_carrier(
        None,
        &CarrierDraft {
            name: "Delta Dental".into(),
            payer_id: "CDCA1".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .id
}

#[tokio::test]
async fn the_treatment_plan_shows_alternate_benefit_age_limit_max_exempt_and_tooth_frequency() {
    let dir = tempfile::tempdir().unwrap();
    let app = ready(memory_config(dir.path()).0).await;
    app.import_fee_schedule(FEES).await.unwrap();
    let plan = app
        .save_plan(None, &rules_plan(carrier(&app).await))
        .await
        .unwrap();
    // Born 2007-11-24: 19 today.
    let pid = new_patient(&app, "Okafor", "Chidi", "2007-11-24").await;
    app.save_coverage(
        pid,
        None,
        &CoverageDraft {
            plan_id: plan.id,
            subscriber_id: pid,
            member_id: "M-19".into(),
            rank: Rank::Primary,
            effective: "2026-01-01".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let coverage = app.coverages(pid).await.unwrap()[0].id;

    // A crown on #3 done 05/01/2022, and a cleaning this June paid $85 on a claim.
    let v = app.add_treatment(pid, &item("D2740", "3")).await.unwrap();
    app.complete_treatment(pid, v.items[0].id, "2022-05-01")
        .await
        .unwrap();
    let v = app.add_treatment(pid, &item("D1110", "")).await.unwrap();
    let cleaning = v.items[1].id;
    app.complete_treatment(pid, cleaning, "2026-06-01")
        .await
        .unwrap();
    let claim = app
        .create_claim(pid, coverage, "2026-06-01", &[cleaning])
        .await
        .unwrap();
    app.claim_action(
        claim.summary.id,
        &ClaimAction::Send {
            on: "2026-06-02".into(),
        },
    )
    .await
    .unwrap();
    app.post_claim_payment(
        claim.summary.id,
        "2026-06-20",
        &[PaymentLine {
            treatment_item_id: cleaning,
            paid: "85.00".into(),
            write_off: "25.00".into(),
            deductible: "0.00".into(),
        }],
    )
    .await
    .unwrap();

    for (code, tooth) in [
        ("D2392", "30"),
        ("D1206", ""),
        ("D1110", ""),
        ("D2740", "3"),
        ("D2740", "14"),
    ] {
        app.add_treatment(pid, &item(code, tooth)).await.unwrap();
    }
    let view = app.treatment_plan(pid).await.unwrap();
    let e = &view.estimate;
    let figures: Vec<(i64, i64, i64)> = e
        .lines
        .iter()
        .map(|l| {
            (
                l.plans[0].estimate_cents,
                l.plans[0].write_off_cents,
                l.patient_cents,
            )
        })
        .collect();
    assert_eq!(
        figures,
        [
            // 80 % of (D2150's $110 − $50 deductible); write-off 240 − D2392's 170.
            (4_800, 7_000, 12_200),
            // Not covered at 19; the PPO still writes off 45 − 30.
            (0, 1_500, 3_000),
            // Exempt: paid in full, not counted against the $500.
            (8_500, 2_500, 0),
            // Last crown on #3 on 05/01/2022: nothing paid; the write-off stays.
            (0, 30_000, 90_000),
            // #14: 50 % of 900 = 450, within the 500 − 48 left (the cleanings count for nothing).
            (45_000, 30_000, 45_000),
        ]
    );
    assert_eq!(
        e.totals.fee_cents,
        e.totals.insurance_cents + e.totals.write_off_cents + e.totals.patient_cents
    );
    let why = |i: usize| e.lines[i].explanation.join("\n");
    let said = [
        (0, "paid as D2150 (alternate benefit)"),
        (1, "not covered at age 19 (covered to age 18)"),
        (2, "not counted against the maximum"),
        (3, "last D2740 on #3 on 05/01/2022; one per 60 months"),
    ];
    for (i, text) in said {
        assert!(
            why(i).contains(text),
            "line {i} lacks {text:?}:\n{}",
            why(i)
        );
    }
    assert!(e.lines[0].plans[0]
        .notes
        .contains(&"paid as D2150 (alternate benefit)".to_string()));
    assert!(!why(4).contains("frequency limit"), "{}", why(4));
    app.close().await;
}

#[tokio::test]
async fn a_downgrade_to_a_code_without_a_fee_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = ready(memory_config(dir.path()).0).await;
    app.import_fee_schedule(FEES).await.unwrap();
    let carrier = carrier(&app).await;

    // A PPO pays the alternate benefit on its allowed fee for the `to` code.
    let mut ppo = rules_plan(carrier);
    ppo.benefits.allowed.retain(|a| a.code != "D2150");
    let e = app.save_plan(None, &ppo).await.unwrap_err();
    assert_eq!(e.fields[0].field, "benefits.downgrades[0].to");
    assert!(
        e.fields[0].problem.contains("no allowed fee for D2150"),
        "{e:?}"
    );

    // A percentage plan pays it on the office fee: D2160 is not in the fee schedule.
    let mut indemnity = rules_plan(carrier);
    indemnity.plan_type = PlanType::Percentage;
    indemnity.benefits.allowed.clear();
    indemnity.benefits.downgrades[0].to = "D2160".into();
    let e = app.save_plan(None, &indemnity).await.unwrap_err();
    assert_eq!(e.fields[0].field, "benefits.downgrades[0].to");
    assert!(
        e.fields[0].problem.contains("no office fee for D2160"),
        "{e:?}"
    );

    // Age limits and windows name their row.
    let mut bad = rules_plan(carrier);
    bad.benefits.frequency[0].months = 0;
    let e = app.save_plan(None, &bad).await.unwrap_err();
    assert_eq!(e.fields[0].field, "benefits.frequency[0].months");
    let mut bad = rules_plan(carrier);
    bad.benefits.age_limits[0].min_age = 21;
    let e = app.save_plan(None, &bad).await.unwrap_err();
    assert_eq!(e.fields[0].field, "benefits.age_limits[0].min_age");
    assert!(app.plans().await.unwrap().is_empty(), "nothing was saved");

    indemnity.benefits.downgrades[0].to = "D2150".into();
    let saved = app.save_plan(None, &indemnity).await.unwrap();
    assert_eq!(saved.details.benefits.downgrades[0].to, "D2150");
    let again = &app.plans().await.unwrap()[0].details.benefits;
    assert_eq!(again.age_limits[0].max_age, 18);
    assert_eq!(
        (again.frequency[0].per.as_str(), again.frequency[0].months),
        ("months", 60)
    );
    assert!(again.frequency[0].per_tooth);
    assert_eq!(again.max_exempt, "D0000-D1999");
    app.close().await;
}
