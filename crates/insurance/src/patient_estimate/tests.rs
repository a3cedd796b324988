use super::*;
use crate::plan::{
    AgeLimitLine, CodeAmount, CoverageLine, DowngradeLine, FrequencyLine, PlanBenefits, PlanType,
};
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
        tooth: String::new(),
        fee: Cents(fee),
        units: 1,
        pending: false,
    }
}

fn estimate(
    date: NaiveDate,
    coverages: &[CoverageForEstimate],
    history: &[PriorProcedure],
    procedures: &[ProcedureToEstimate],
    approved: &[ApprovedAmount],
) -> Result<TreatmentEstimate, ValidationErrors> {
    estimate_treatment(&TreatmentToEstimate {
        date,
        birth_date: None,
        coverages,
        history,
        procedures,
        approved,
        office_fees: &[],
    })
}

#[test]
fn deductible_write_off_and_max_with_reasons() {
    let cov = coverage(ppo("100.00", "50.00"), Used::default());
    let e = estimate(
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
    let e = estimate(
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
    let e = estimate(
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
    let a = estimate(
        d(3, 10),
        &[cov()],
        &[],
        &[proc(1, "D1110", 9_000), proc(2, "D2391", 20_000)],
        &[],
    )
    .unwrap();
    let b = estimate(
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
    let e = estimate(
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
    let e = estimate(
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

fn on_tooth(id: i64, code: &str, fee: i64, tooth: &str) -> ProcedureToEstimate {
    ProcedureToEstimate {
        tooth: tooth.into(),
        ..proc(id, code, fee)
    }
}

/// The birth date, each procedure's tooth, the history's teeth and the office fees reach the
/// engine: a posterior composite paid as an amalgam (the indemnity plan pays on the office fee of
/// D2150), fluoride not covered at 19, a crown on a tooth crowned within 60 months not paid.
#[test]
fn birth_date_teeth_history_and_office_fees_reach_the_engine() {
    let mut plan = ppo("", "");
    plan.plan_type = PlanType::Percentage;
    plan.benefits.allowed.clear();
    plan.benefits.coverage.push(CoverageLine {
        codes: "D2700-D2799".into(),
        percent: 50.0,
    });
    plan.benefits.downgrades = vec![DowngradeLine {
        from: "D2392".into(),
        to: "D2150".into(),
        posterior_only: true,
    }];
    plan.benefits.age_limits = vec![AgeLimitLine {
        codes: "D1206".into(),
        min_age: 0,
        max_age: 18,
    }];
    plan.benefits.frequency = vec![FrequencyLine {
        codes: "D2740".into(),
        times: 1,
        per: "60_months".into(), // read as "months" with 60
        months: 0,
        per_tooth: true,
    }];
    let plan = crate::plan::validate_plan(&plan).unwrap();
    assert_eq!(
        (
            plan.benefits.frequency[0].per.as_str(),
            plan.benefits.frequency[0].months
        ),
        ("months", 60)
    );
    let fee = |code: &str, cents| FeeEntry {
        code: code.into(),
        description: String::new(),
        fee_cents: cents,
    };
    let office_fees = [fee("D2150", 14_000), fee("BTX-UNIT", 1_200)];
    let history = [PriorProcedure {
        code: "D2740".into(),
        tooth: "3".into(),
        date: NaiveDate::from_ymd_opt(2022, 5, 1).unwrap(),
    }];
    let procedures = [
        on_tooth(1, "D2392", 24_000, "30"),
        on_tooth(2, "D2392", 24_000, "8"),
        proc(3, "D1206", 4_500),
        on_tooth(4, "D2740", 120_000, "3"),
        on_tooth(5, "D2740", 120_000, "14"),
        on_tooth(6, "D2392", 24_000, "UR"), // an area is no tooth: taken as posterior
    ];
    let covs = [coverage(plan, Used::default())];
    let e = estimate_treatment(&TreatmentToEstimate {
        date: d(5, 1),
        birth_date: NaiveDate::from_ymd_opt(2007, 5, 1),
        coverages: &covs,
        history: &history,
        procedures: &procedures,
        approved: &[],
        office_fees: &office_fees,
    })
    .unwrap();
    let estimates: Vec<i64> = e.lines.iter().map(|l| l.plans[0].estimate_cents).collect();
    // 80 % of 140; 80 % of 240; not at 19; not on #3 again; 50 % on #14; 80 % of 140.
    assert_eq!(estimates, [11_200, 19_200, 0, 0, 60_000, 11_200]);
    let why = |i: usize| e.lines[i].explanation.join("\n");
    assert!(
        why(0).contains("paid as D2150 (alternate benefit)"),
        "{}",
        why(0)
    );
    assert!(
        why(2).contains("D1206 not covered at age 19 (covered to age 18)"),
        "{}",
        why(2)
    );
    assert!(
        why(3).contains("last D2740 on #3 on 05/01/2022; one per 60 months"),
        "{}",
        why(3)
    );
}

#[test]
fn max_exempt_codes_are_read_from_the_plan() {
    let mut plan = ppo("100.00", "");
    plan.benefits.max_exempt = "D0000-D1999, D4910".into();
    let codes = plan.benefits.max_exempt_codes();
    for (code, exempt) in [("D1110", true), ("D4910", true), ("D2391", false)] {
        assert_eq!(codes.contains(Code::parse(code).unwrap()), exempt, "{code}");
    }
    plan.benefits.max_exempt = "not codes".into();
    assert!(plan.benefits.max_exempt_codes().is_empty());
}
