use super::*;

fn ppo() -> PlanDraft {
    PlanDraft {
        carrier_id: 1,
        group_name: "Acme PPO".into(),
        plan_type: PlanType::Ppo,
        benefits: PlanBenefits {
            annual_max: "1500.00".into(),
            deductible: "50".into(),
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
                code: "d2740".into(),
                amount: "900.00".into(),
            }],
            ..Default::default()
        },
        ..Default::default()
    }
}

fn first_error(d: &PlanDraft) -> (String, String) {
    let e = validate_plan(d).unwrap_err();
    (e.0[0].field.clone(), e.0[0].problem.clone())
}

#[test]
fn a_valid_ppo_reads_back_as_the_engine_plan() {
    let d = validate_plan(&ppo()).unwrap();
    assert_eq!(d.benefits.allowed[0].code, "D2740");
    let plan = engine_plan(&d, "Acme", 0, None, Used::default()).unwrap();
    assert_eq!(plan.annual_max, Some(frontdesk_estimate::Cents(150_000)));
    assert_eq!(plan.deductible, Some(frontdesk_estimate::Cents(5_000)));
    assert_eq!(plan.coverage.len(), 2);
    assert!(plan.cob.is_none(), "the primary never coordinates");
    let second = engine_plan(&d, "Acme", 1, None, Used::default()).unwrap();
    assert_eq!(second.cob, Some(frontdesk_estimate::CobMethod::Standard));
}

#[test]
fn percent_over_100_names_the_row() {
    let mut d = ppo();
    d.benefits.coverage[1].percent = 120.0;
    let (field, problem) = first_error(&d);
    assert_eq!(field, "benefits.coverage[1].percent");
    assert!(problem.contains("over 100"), "{problem}");
}

#[test]
fn a_bad_amount_in_a_code_list_names_its_row() {
    let mut d = ppo();
    d.benefits.allowed.push(CodeAmount {
        code: "D1110".into(),
        amount: "-5".into(),
    });
    assert_eq!(first_error(&d).0, "benefits.allowed[1].amount");
    let mut d = ppo();
    d.benefits.allowed[0].code = "crown".into();
    assert_eq!(first_error(&d).0, "benefits.allowed[0].code");
}

#[test]
fn bad_ranges_and_amounts_are_refused() {
    let mut d = ppo();
    d.benefits.coverage[0].codes = "D1999-D0000".into();
    assert_eq!(first_error(&d).0, "benefits.coverage[0].codes");
    let mut d = ppo();
    d.benefits.annual_max = "lots".into();
    assert_eq!(first_error(&d).0, "benefits.annual_max");
    let mut d = ppo();
    d.benefits.deductible_waived = "D0000-".into();
    assert_eq!(first_error(&d).0, "benefits.deductible_waived");
    let mut d = ppo();
    d.benefits.frequency.push(FrequencyLine {
        codes: "D1110".into(),
        times: 2,
        per: "fortnight".into(),
    });
    assert_eq!(first_error(&d).0, "benefits.frequency[0].per");
}

#[test]
fn percentage_plans_have_no_allowed_fees_and_codes_are_not_repeated() {
    let mut d = ppo();
    d.plan_type = PlanType::Percentage;
    assert_eq!(first_error(&d).0, "benefits.allowed");
    let mut d = ppo();
    d.benefits.allowed.push(d.benefits.allowed[0].clone());
    assert_eq!(first_error(&d).0, "benefits.allowed[1].code");
}

#[test]
fn group_name_and_carrier_are_required() {
    let mut d = ppo();
    d.group_name = " ".into();
    d.carrier_id = 0;
    let e = validate_plan(&d).unwrap_err();
    let fields: Vec<_> = e.0.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["group_name", "carrier_id"]);
}

#[test]
fn blank_rows_are_dropped() {
    let mut d = ppo();
    d.benefits.copays.push(CodeAmount::default());
    d.benefits.coverage.push(CoverageLine::default());
    let ok = validate_plan(&d).unwrap();
    assert!(ok.benefits.copays.is_empty());
    assert_eq!(ok.benefits.coverage.len(), 2);
}
