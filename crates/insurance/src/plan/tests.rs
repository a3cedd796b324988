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
        ..Default::default()
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

#[test]
fn alternate_benefits_age_limits_and_max_exempt_name_their_row() {
    let downgrade = |from: &str, to: &str| DowngradeLine {
        from: from.into(),
        to: to.into(),
        posterior_only: true,
    };
    // A PPO's `to` needs an allowed fee.
    let mut d = ppo();
    d.benefits.downgrades = vec![
        downgrade("D2740", "D2740"),
        downgrade("d2391-d2394", "d2150"),
    ];
    let (field, problem) = first_error(&d);
    assert_eq!(field, "benefits.downgrades[1].to");
    assert!(problem.contains("no allowed fee for D2150"), "{problem}");
    d.benefits.allowed.push(CodeAmount {
        code: "D2150".into(),
        amount: "110.00".into(),
    });
    let ok = validate_plan(&d).unwrap();
    assert_eq!(ok.benefits.downgrades[1].from, "D2391-D2394");
    let plan = engine_plan(&ok, "Acme", 0, None, Used::default()).unwrap();
    assert_eq!(plan.downgrades.len(), 2);
    assert!(plan.downgrades[1].posterior_only);

    let mut bad = ok.clone();
    bad.benefits.downgrades[0].from = "D2394-D2391".into();
    assert_eq!(first_error(&bad).0, "benefits.downgrades[0].from");
    let mut bad = ok.clone();
    bad.benefits.downgrades[0].to = "amalgam".into();
    assert_eq!(first_error(&bad).0, "benefits.downgrades[0].to");

    let age = |codes: &str, min_age, max_age| AgeLimitLine {
        codes: codes.into(),
        min_age,
        max_age,
    };
    let mut d = ok.clone();
    d.benefits.age_limits = vec![age("D1206,D1208", 0, 18), age("D1351", 16, 15)];
    let (field, problem) = first_error(&d);
    assert_eq!(field, "benefits.age_limits[1].min_age");
    assert!(problem.contains("above max_age"), "{problem}");
    d.benefits.age_limits[1] = age("D1351", -1, 15);
    assert_eq!(first_error(&d).0, "benefits.age_limits[1].min_age");
    d.benefits.age_limits[1] = age("D13", 6, 15);
    assert_eq!(first_error(&d).0, "benefits.age_limits[1].codes");
    d.benefits.age_limits[1] = AgeLimitLine::default();
    let ok = validate_plan(&d).unwrap();
    assert_eq!(ok.benefits.age_limits.len(), 1, "a blank row is dropped");
    let plan = engine_plan(&ok, "Acme", 0, None, Used::default()).unwrap();
    assert_eq!(plan.age_limits[0].max_age, 18);

    let mut d = ok.clone();
    d.benefits.max_exempt = "D0000-D1999,D99".into();
    assert_eq!(first_error(&d).0, "benefits.max_exempt");
    d.benefits.max_exempt = " D0000-D1999 ".into();
    let ok = validate_plan(&d).unwrap();
    let plan = engine_plan(&ok, "Acme", 0, None, Used::default()).unwrap();
    assert_eq!(plan.max_exempt.to_string(), "D0000-D1999");
}

#[test]
fn frequency_rows_over_months_and_per_tooth() {
    let row = |per: &str, months, per_tooth| FrequencyLine {
        codes: "D2740".into(),
        times: 1,
        per: per.into(),
        months,
        per_tooth,
    };
    let mut d = ppo();
    d.benefits.frequency = vec![row("benefit_year", 0, false), row("months", 0, true)];
    let (field, problem) = first_error(&d);
    assert_eq!(field, "benefits.frequency[1].months");
    assert!(problem.contains("out of range"), "{problem}");
    d.benefits.frequency[1].months = -6;
    assert_eq!(first_error(&d).0, "benefits.frequency[1].months");
    d.benefits.frequency[1].months = 60;
    // Months typed on another period are dropped, not refused.
    d.benefits.frequency[0].months = 12;
    let ok = validate_plan(&d).unwrap();
    assert_eq!(ok.benefits.frequency[0].months, 0);
    let plan = engine_plan(&ok, "Acme", 0, None, Used::default()).unwrap();
    assert_eq!(
        plan.frequency[1].per,
        frontdesk_estimate::FrequencyPeriod::Months(60)
    );
    assert!(plan.frequency[1].per_tooth && !plan.frequency[0].per_tooth);
    // The older spelling is kept readable, and saved in the new one.
    d.benefits.frequency = vec![row("24_months", 0, false)];
    let ok = validate_plan(&d).unwrap();
    assert_eq!(
        (
            ok.benefits.frequency[0].per.as_str(),
            ok.benefits.frequency[0].months
        ),
        ("months", 24)
    );
}

#[test]
fn a_percentage_plans_alternate_benefit_needs_an_office_fee() {
    let mut d = ppo();
    d.plan_type = PlanType::Percentage;
    d.benefits.allowed.clear();
    d.benefits.downgrades = vec![DowngradeLine {
        from: "D2392".into(),
        to: "D2150".into(),
        posterior_only: false,
    }];
    let d = validate_plan(&d).unwrap();
    let e = check_alternate_fees(&d, |code| code == "D2140").unwrap_err();
    assert_eq!(e.0[0].field, "benefits.downgrades[0].to");
    assert!(e.0[0].problem.contains("no office fee for D2150"));
    check_alternate_fees(&d, |code| code == "D2150").unwrap();
    // A PPO's are its allowed fees, checked by validate_plan.
    let mut p = d.clone();
    p.plan_type = PlanType::Ppo;
    check_alternate_fees(&p, |_| false).unwrap();
}
