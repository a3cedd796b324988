use super::*;
use crate::plan::{CodeAmount, CoverageLine, PlanBenefits, PlanType};
use crate::preauth::ApprovedAmount;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn ppo(max: &str, deductible: &str) -> PlanDraft {
    PlanDraft {
        carrier_id: 1,
        group_name: "Acme PPO".into(),
        plan_type: PlanType::Ppo,
        benefits: PlanBenefits {
            annual_max: max.into(),
            deductible: deductible.into(),
            deductible_waived: "D0000-D1999".into(),
            coverage: vec![
                CoverageLine {
                    codes: "D0000-D1999".into(),
                    percent: 100.0,
                },
                CoverageLine {
                    codes: "D2000-D2999".into(),
                    percent: 80.0,
                },
            ],
            allowed: vec![CodeAmount {
                code: "D2391".into(),
                amount: "150.00".into(),
            }],
            ..Default::default()
        },
        ..Default::default()
    }
}

fn coverage(plan: PlanDraft, used: Used) -> CoverageForEstimate {
    CoverageForEstimate {
        coverage_id: 9,
        label: "Delta - Acme PPO".into(),
        plan,
        effective: d(1, 1),
        used,
    }
}

fn proc(id: i64, code: &str, fee: i64) -> ProcedureToEstimate {
    ProcedureToEstimate {
        item_id: id,
        code: code.into(),
        fee: Cents(fee),
        units: 1,
        pending: false,
    }
}

#[test]
fn deductible_write_off_and_max_with_reasons() {
    let cov = coverage(ppo("100.00", "50.00"), Used::default());
    let e = estimate_treatment(
        d(3, 10),
        &[cov],
        &[],
        &[proc(1, "D2391", 20_000), proc(2, "D2391", 20_000)],
        &[],
    )
    .unwrap();
    // allowed 150, deductible 50 → 80 % of 100 = 80; write-off 50; patient 200 − 80 − 50 = 70.
    let first = &e.lines[0];
    assert_eq!(first.plans[0].estimate_cents, 8_000);
    assert_eq!(first.plans[0].write_off_cents, 5_000);
    assert_eq!(first.plans[0].deductible_cents, 5_000);
    assert_eq!(first.patient_cents, 7_000);
    assert!(
        first
            .explanation
            .iter()
            .any(|l| l.contains("deductible $50.00 applied")),
        "{:?}",
        first.explanation
    );
    // second: 80 % of 150 = 120, but only 20 of the max is left.
    assert_eq!(e.lines[1].plans[0].estimate_cents, 2_000);
    assert_eq!(e.totals.insurance_cents, 10_000);
    assert_eq!(
        e.totals.fee_cents,
        e.totals.insurance_cents + e.totals.write_off_cents + e.totals.patient_cents
    );
}

#[test]
fn benefits_used_this_year_reduce_the_estimate() {
    let used = Used {
        family_deductible: Cents::ZERO,
        annual: Cents(9_000),
        family: Cents::ZERO,
        deductible: Cents(5_000),
    };
    let e = estimate_treatment(
        d(3, 10),
        &[coverage(ppo("100.00", "50.00"), used)],
        &[],
        &[proc(1, "D2391", 20_000)],
        &[],
    )
    .unwrap();
    assert_eq!(e.lines[0].plans[0].deductible_cents, 0);
    assert_eq!(e.lines[0].plans[0].estimate_cents, 1_000);
}

#[test]
fn office_codes_are_the_patients_and_no_coverage_means_the_patient_pays() {
    let e = estimate_treatment(
        d(3, 10),
        &[],
        &[],
        &[proc(1, "BTX-UNIT", 1_200), proc(2, "D1110", 9_000)],
        &[],
    )
    .unwrap();
    assert_eq!(e.lines[0].patient_cents, 1_200);
    assert!(e.lines[0].explanation[0].contains("office code"));
    assert_eq!(e.lines[1].patient_cents, 9_000);
    assert_eq!(e.totals.patient_cents, 10_200);
}

#[test]
fn order_matters() {
    let cov = || coverage(ppo("100.00", "50.00"), Used::default());
    let a = estimate_treatment(
        d(3, 10),
        &[cov()],
        &[],
        &[proc(1, "D1110", 9_000), proc(2, "D2391", 20_000)],
        &[],
    )
    .unwrap();
    let b = estimate_treatment(
        d(3, 10),
        &[cov()],
        &[],
        &[proc(2, "D2391", 20_000), proc(1, "D1110", 9_000)],
        &[],
    )
    .unwrap();
    let cleaning = |e: &TreatmentEstimate| {
        e.lines.iter().find(|l| l.item_id == 1).unwrap().plans[0].estimate_cents
    };
    assert_eq!(cleaning(&a), 9_000);
    assert_eq!(
        cleaning(&b),
        2_000,
        "the filling used 80 of the 100 max first"
    );
}

#[test]
fn pending_procedures_use_up_benefits_but_are_not_shown() {
    let cov = coverage(ppo("100.00", "50.00"), Used::default());
    let mut done = proc(1, "D2391", 20_000);
    done.pending = true;
    let e = estimate_treatment(
        d(3, 10),
        &[cov],
        &[],
        &[done, proc(2, "D2391", 20_000)],
        &[],
    )
    .unwrap();
    assert_eq!(e.lines.len(), 1);
    assert_eq!(e.lines[0].item_id, 2);
    assert_eq!(
        e.lines[0].plans[0].deductible_cents, 0,
        "the pending filling took the deductible"
    );
    assert_eq!(
        e.lines[0].plans[0].estimate_cents, 2_000,
        "and 80 of the 100 max"
    );
    assert_eq!(e.totals.fee_cents, 20_000);
}

#[test]
fn an_approved_preauthorization_replaces_the_estimate_and_says_so() {
    let cov = coverage(ppo("1000.00", "0"), Used::default());
    let approved = [ApprovedAmount {
        preauth: 4,
        coverage_id: 9,
        item: 1,
        amount: Cents(6_000),
        expires: d(12, 31),
    }];
    let e = estimate_treatment(
        d(3, 10),
        &[cov],
        &[],
        &[proc(1, "D2391", 20_000)],
        &approved,
    )
    .unwrap();
    let l = &e.lines[0];
    assert_eq!(l.plans[0].estimate_cents, 6_000);
    assert_eq!(l.patient_cents, 20_000 - 6_000 - 5_000);
    assert!(l.explanation.last().unwrap().contains("pre-authorization #4 approved $60.00 (until 12/31/2026): used instead of the estimate $120.00"));
    assert_eq!(e.totals.insurance_cents, 6_000);
}
