//! Demo insurance: two fictional carriers with a PPO and a percentage plan, coverage for most
//! households (the head as subscriber, members as spouse/child), treatment plans, and a few claims
//! in every state so the worklists have something on them.
use chrono::Duration;
use frontdesk_domain::{PatientId, Relationship};
use frontdesk_insurance::plan::{CodeAmount, CoverageLine, FrequencyLine, PlanBenefits};
use frontdesk_insurance::{
    CarrierDraft, ClaimAction, CoverageDraft, PaymentLine, PlanDraft, PlanType, Rank,
    TreatmentItemDraft,
};
use rand::rngs::StdRng;
use rand::Rng;

use frontdesk_app::{App, AppError};

/// A household: the head and the members linked to them.
pub type Household = (PatientId, Vec<(PatientId, Relationship)>);

fn rows(list: &[(&str, &str)]) -> Vec<CodeAmount> {
    list.iter()
        .map(|(code, amount)| CodeAmount {
            code: (*code).into(),
            amount: (*amount).into(),
        })
        .collect()
}

fn coverage(codes: &str, percent: f64) -> CoverageLine {
    CoverageLine {
        codes: codes.into(),
        percent,
    }
}

fn benefits(max: &str, deductible: &str) -> PlanBenefits {
    PlanBenefits {
        annual_max: max.into(),
        deductible: deductible.into(),
        deductible_waived: "D0000-D1999".into(),
        exclusions: "D9972".into(),
        coverage: vec![
            coverage("D0000-D1999", 100.0),
            coverage("D2000-D2699", 80.0),
            coverage("D2700-D2999", 50.0),
            coverage("D3000-D4999", 80.0),
            coverage("D7000-D7999", 80.0),
        ],
        frequency: vec![FrequencyLine {
            codes: "D1110,D1120,D4910".into(),
            times: 2,
            per: "benefit_year".into(),
            ..Default::default()
        }],
        ..Default::default()
    }
}

pub async fn load_demo_insurance(
    app: &App,
    households: &[Household],
    rng: &mut StdRng,
) -> Result<usize, AppError> {
    app.set_practice_info(&frontdesk_app::documents::claim_form::PracticeInfo {
        name: "Maple Street Dental & Aesthetics".into(),
        address: frontdesk_domain::Address {
            line1: "210 Maple Street".into(),
            city: "Fairview".into(),
            state: "TX".into(),
            postal_code: "75069".into(),
            country: "US".into(),
            ..Default::default()
        },
        phone: "214-555-0100".into(),
        npi: "1234567893".into(),
        license: "TX-DDS-20417".into(),
        tin: "75-0000000".into(),
        treating_dentist: "Dr. Elena Alvarez".into(),
    })
    .await?;
    let northwind = app
        .save_carrier(
            None,
            &CarrierDraft {
                name: "Northwind Dental Benefits".into(),
                payer_id: "NWD01".into(),
                phone: "800-555-0140".into(),
                ..Default::default()
            },
        )
        .await?;
    let bluebird = app
        .save_carrier(
            None,
            &CarrierDraft {
                name: "Bluebird Mutual".into(),
                payer_id: "BBM22".into(),
                phone: "800-555-0199".into(),
                ..Default::default()
            },
        )
        .await?;
    let mut ppo = benefits("1500.00", "50.00");
    ppo.allowed = rows(&[
        ("D0120", "48.00"),
        ("D1110", "86.00"),
        ("D0274", "58.00"),
        ("D2391", "150.00"),
        ("D2392", "190.00"),
        ("D2740", "900.00"),
        ("D2950", "220.00"),
        ("D3330", "880.00"),
        ("D4341", "195.00"),
    ]);
    let ppo = app
        .save_plan(
            None,
            &PlanDraft {
                carrier_id: northwind.id,
                group_name: "Harbor Logistics PPO".into(),
                group_number: "HL-2210".into(),
                employer: "Harbor Logistics".into(),
                plan_type: PlanType::Ppo,
                benefits: ppo,
            },
        )
        .await?;
    let pct = app
        .save_plan(
            None,
            &PlanDraft {
                carrier_id: bluebird.id,
                group_name: "County Schools Dental".into(),
                group_number: "CS-88".into(),
                employer: "County School District".into(),
                plan_type: PlanType::Percentage,
                benefits: benefits("1000.00", "75.00"),
            },
        )
        .await?;
    let year_start = format!("{}-01-01", app.today().format("%Y"));
    let mut covered = 0;
    for (n, (head, members)) in households.iter().enumerate() {
        if !rng.random_bool(0.6) {
            continue;
        }
        let plan = if rng.random_bool(0.6) { ppo.id } else { pct.id };
        let member_id = format!("M{:07}", rng.random_range(0..10_000_000));
        for (patient, rel) in
            std::iter::once((*head, Relationship::SelfGuarantor)).chain(members.iter().copied())
        {
            let rel = match rel {
                Relationship::Spouse | Relationship::SelfGuarantor => rel,
                _ => Relationship::Child,
            };
            app.save_coverage(
                patient,
                None,
                &CoverageDraft {
                    plan_id: plan,
                    subscriber_id: *head,
                    member_id: member_id.clone(),
                    relationship: rel,
                    rank: Rank::Primary,
                    effective: year_start.clone(),
                    termination: String::new(),
                },
            )
            .await?;
            covered += 1;
        }
        if n % 4 == 0 {
            demo_treatment(app, *head, n).await?;
        }
    }
    Ok(covered)
}

/// A treatment plan; for some patients an earlier visit with a claim in a telling state.
async fn demo_treatment(app: &App, patient: PatientId, n: usize) -> Result<(), AppError> {
    let add = |code: &str, tooth: &str| TreatmentItemDraft {
        code: code.into(),
        tooth: tooth.into(),
        ..Default::default()
    };
    app.add_treatment(patient, &add("D1110", "")).await?;
    app.add_treatment(patient, &add("D2391", "30")).await?;
    let plan = app.add_treatment(patient, &add("D2740", "3")).await?;
    if !n.is_multiple_of(8) {
        return Ok(());
    }
    let visit = app.today() - Duration::days(40 + (n % 20) as i64);
    let day = visit.to_string();
    let cleaning = plan.items[0].id;
    app.complete_treatment(patient, cleaning, &day).await?;
    let Some(coverage) = app.coverages(patient).await?.first().map(|c| c.id) else {
        return Ok(());
    };
    let claim = app
        .create_claim(patient, coverage, &day, &[cleaning])
        .await?;
    let id = claim.summary.id;
    app.claim_action(id, &ClaimAction::Send { on: day.clone() })
        .await?;
    match n % 24 {
        0 => {
            app.post_claim_payment(
                id,
                &app.today().to_string(),
                &[PaymentLine {
                    treatment_item_id: cleaning,
                    paid: frontdesk_domain::money::Cents(claim.lines[0].estimate_cents).to_plain(),
                    ..Default::default()
                }],
            )
            .await?;
        }
        8 => {
            let follow_up = (app.today() + Duration::days(3)).to_string();
            app.claim_action(
                id,
                &ClaimAction::Deny {
                    reason: "Frequency: cleaning already paid this period".into(),
                    follow_up,
                },
            )
            .await?;
        }
        _ => {} // stays sent: on the outstanding worklist after 30 days
    }
    Ok(())
}
