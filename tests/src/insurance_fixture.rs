//! Shared set-up for the insurance acceptance tests: a fee schedule, a PPO plan with a deductible
//! and a maximum, a covered patient, treatment-plan items.
use frontdesk_app::App;
use frontdesk_domain::{PatientId, Relationship};
use frontdesk_insurance::plan::{CodeAmount, CoverageLine, PlanBenefits};
use frontdesk_insurance::{
    CarrierDraft, CoverageDraft, PlanDraft, PlanType, Rank, TreatmentItemDraft,
};

use crate::draft;

pub const FEES: &str = "code,description,fee\nD0120,Periodic exam,65.00\nD1110,Adult cleaning,110.00\n\
    D2391,Posterior composite one surface,200.00\nD2740,Crown porcelain,1200.00\nBTX-UNIT,Cosmetic unit,12.00\n";

pub async fn ppo(app: &App) -> i64 {
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

pub async fn covered_patient(app: &App, plan: i64) -> PatientId {
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

pub fn item(code: &str, tooth: &str) -> TreatmentItemDraft {
    TreatmentItemDraft {
        code: code.into(),
        tooth: tooth.into(),
        surface: String::new(),
        units: 1,
    }
}
