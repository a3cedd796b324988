//! No text a coordinator types (or that comes back from storage or the window as JSON) makes the
//! insurance crate's checks panic: plan benefits (every text field and row, checked through the
//! estimate engine's parser), the benefit year of a stored start, typed dates, carriers,
//! coverages, treatment items, verifications, claim and pre-authorization actions, payments, and
//! estimates of treatment with any codes. Bad input is refused with field errors.
use chrono::Datelike;
use chrono::NaiveDate;
use frontdesk_domain::fee_schedule::FeeEntry;
use frontdesk_domain::money::Cents;
use frontdesk_domain::{Address, Relationship};
use frontdesk_estimate::Used;
use frontdesk_insurance::benefit_year::benefit_year;
use frontdesk_insurance::carrier::{validate_carrier, CarrierDraft};
use frontdesk_insurance::claim::{check_payment, transition, ClaimAction, ClaimedLine};
use frontdesk_insurance::coverage::{validate_coverage, CoverageDraft};
use frontdesk_insurance::patient_estimate::{
    estimate_treatment, CoverageForEstimate, ProcedureToEstimate,
};
use frontdesk_insurance::patient_estimate::{PriorProcedure, TreatmentToEstimate};
use frontdesk_insurance::plan::{
    check_alternate_fees, engine_plan, validate_plan, AgeLimitLine, CodeAmount, CoverageLine,
    DowngradeLine, FrequencyLine, WaitingLine,
};
use frontdesk_insurance::preauth::{preauth_transition, ApprovedLine, PreauthAction};
use frontdesk_insurance::text::parse_typed_date;
use frontdesk_insurance::treatment::{area_code, validate_treatment_item, TreatmentItemDraft};
use frontdesk_insurance::verification::{validate_verification, VerificationDraft};
use frontdesk_insurance::{
    ClaimStatus, PaymentLine, PlanBenefits, PlanDraft, PlanType, TreatmentStatus,
};
use proptest::prelude::*;

/// Exactly ten bytes (the length of `YYYY-MM-DD`) with multi-byte characters among digits and
/// dashes.
fn ten_bytes() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        Just('0'),
        Just('7'),
        Just('-'),
        Just('é'),
        Just('€'),
        Just('𝟘'),
        any::<char>(),
    ];
    (proptest::collection::vec(ch, 0..10), 0usize..10).prop_map(|(chars, pad_at)| {
        let mut s = String::new();
        for c in chars {
            if s.len() + c.len_utf8() <= 10 {
                s.push(c);
            }
        }
        let mut at = pad_at.min(s.len());
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        while s.len() < 10 {
            s.insert(at, '0');
        }
        s
    })
}

/// Any text; short text from digits, separators, code letters and multi-byte characters;
/// `M-D`-shaped text with any numbers (`00-00`, `2-31`); ten-byte strings.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9D\\-/,. +$_a-zA-Z\u{e9}\u{20ac}\u{1d7d8}\u{0}\u{a0}]{0,14}",
        "[0-9]{1,4}-[0-9]{1,3}(-[0-9]{1,3})?",
        ten_bytes(),
    ]
}

/// Any day chrono can represent, the ends of its range included.
fn any_day() -> impl Strategy<Value = NaiveDate> {
    let (lo, hi) = (
        NaiveDate::MIN.num_days_from_ce(),
        NaiveDate::MAX.num_days_from_ce(),
    );
    prop_oneof![
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
        (lo..=hi).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
        (0i64..20_000)
            .prop_map(|n| NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Duration::days(n)),
    ]
}

/// A plan draft that fills in every benefit.
fn full_plan(plan_type: PlanType) -> PlanDraft {
    let row = |code: &str, amount: &str| CodeAmount {
        code: code.into(),
        amount: amount.into(),
    };
    PlanDraft {
        carrier_id: 1,
        group_name: "Acme PPO".into(),
        group_number: "G-1".into(),
        employer: "Acme".into(),
        plan_type,
        benefits: PlanBenefits {
            annual_max: "1500.00".into(),
            family_max: "3000.00".into(),
            deductible: "50".into(),
            family_deductible: "150".into(),
            benefit_year_start: "07-01".into(),
            deductible_waived: "D0000-D1999".into(),
            exclusions: "D9972".into(),
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
            frequency: vec![
                FrequencyLine {
                    codes: "D1110,D1120".into(),
                    times: 2,
                    per: "benefit_year".into(),
                    ..Default::default()
                },
                FrequencyLine {
                    codes: "D2740-D2799".into(),
                    times: 1,
                    per: "months".into(),
                    months: 60,
                    per_tooth: true,
                },
            ],
            downgrades: vec![DowngradeLine {
                from: "D2391-D2394".into(),
                to: "D2150".into(),
                posterior_only: true,
            }],
            age_limits: vec![AgeLimitLine {
                codes: "D1206,D1208".into(),
                min_age: 0,
                max_age: 18,
            }],
            max_exempt: "D0000-D1999".into(),
            waiting_periods: vec![WaitingLine {
                codes: "D2700-D2799".into(),
                months: 12,
            }],
            copays: vec![row("D0150", "5.00")],
            code_deductibles: vec![row("D0330", "45.00")],
            allowed: if plan_type == PlanType::Ppo {
                vec![row("D2740", "900.00"), row("D2150", "110.00")]
            } else {
                Vec::new()
            },
            ..Default::default()
        },
    }
}

const PLAN_TEXT_FIELDS: usize = 25;

/// Puts `s` in text field number `i` of the draft.
fn set_plan_text(d: &mut PlanDraft, i: usize, s: String) {
    let b = &mut d.benefits;
    match i {
        0 => d.group_name = s,
        1 => d.group_number = s,
        2 => d.employer = s,
        3 => b.annual_max = s,
        4 => b.family_max = s,
        5 => b.deductible = s,
        6 => b.family_deductible = s,
        7 => b.benefit_year_start = s,
        8 => b.deductible_waived = s,
        9 => b.exclusions = s,
        10 => b.coverage[1].codes = s,
        11 => b.frequency[0].codes = s,
        12 => b.frequency[0].per = s,
        13 => b.waiting_periods[0].codes = s,
        14 => b.copays[0].code = s,
        15 => b.copays[0].amount = s,
        16 => b.code_deductibles[0].code = s,
        17 => b.code_deductibles[0].amount = s,
        18 => b.frequency[1].per = s,
        19 => b.frequency[1].codes = s,
        20 => b.downgrades[0].from = s,
        21 => b.downgrades[0].to = s,
        22 => b.age_limits[0].codes = s,
        23 => b.max_exempt = s,
        _ => b.allowed.push(CodeAmount {
            code: s.clone(),
            amount: s,
        }),
    }
}

/// Checks the draft as the plan editor does, and as the estimate does (with a coverage start).
fn check_plan(d: &PlanDraft, effective: NaiveDate) {
    let _ = check_alternate_fees(d, |code| code == "D2150");
    let _ = d.benefits.max_exempt_codes();
    let valid = validate_plan(d).unwrap_or_else(|_| d.clone());
    for ordinal in [0, 1] {
        let _ = engine_plan(&valid, "Plan", ordinal, Some(effective), Used::default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn any_text_in_any_plan_field_is_refused_or_checked(
        ppo in any::<bool>(),
        field in 0..PLAN_TEXT_FIELDS,
        s in text(),
        effective in any_day(),
    ) {
        let mut d = full_plan(if ppo { PlanType::Ppo } else { PlanType::Percentage });
        set_plan_text(&mut d, field, s);
        check_plan(&d, effective);
    }

    #[test]
    fn any_numbers_in_plan_rows_are_refused_or_checked(
        percent in any::<f64>(),
        times in any::<i64>(),
        months in any::<i64>(),
        window in prop_oneof![any::<i64>(), -2i64..1300],
        ages in (prop_oneof![any::<i64>(), -2i64..200], prop_oneof![any::<i64>(), -2i64..200]),
        flags in (any::<bool>(), any::<bool>()),
    ) {
        let mut d = full_plan(PlanType::Ppo);
        d.benefits.coverage[0].percent = percent;
        d.benefits.frequency[0].times = times;
        d.benefits.waiting_periods[0].months = months;
        d.benefits.frequency[1].months = window;
        d.benefits.frequency[1].per_tooth = flags.0;
        d.benefits.downgrades[0].posterior_only = flags.1;
        d.benefits.age_limits[0].min_age = ages.0;
        d.benefits.age_limits[0].max_age = ages.1;
        check_plan(&d, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    }

    #[test]
    fn any_json_plan_draft_is_refused_or_checked(s in text()) {
        if let Ok(d) = serde_json::from_str::<PlanDraft>(&s) {
            check_plan(&d, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        }
    }

    #[test]
    fn the_benefit_year_of_any_stored_start_on_any_day_contains_the_day(
        start in text(),
        day in any_day(),
    ) {
        let (from, to) = benefit_year(&start, day);
        prop_assert!(from <= day, "{start:?} {day}: {from}..{to}");
        prop_assert!(day < to || to == NaiveDate::MAX, "{start:?} {day}: {from}..{to}");
    }

    #[test]
    fn typed_dates_are_read_or_refused(s in text()) {
        let _ = parse_typed_date(&s);
    }

    #[test]
    fn carriers_coverages_and_treatment_items_are_checked(
        texts in proptest::collection::vec(text(), 12),
        units in any::<i64>(),
        subscriber in -2i64..4,
    ) {
        let t = |i: usize| texts[i].clone();
        let _ = validate_carrier(&CarrierDraft {
            name: t(0),
            payer_id: t(1),
            phone: t(2),
            address: Address {
                line1: t(3),
                line2: t(4),
                city: t(5),
                state: t(6),
                postal_code: t(7),
                country: t(8),
            },
        });
        for relationship in [Relationship::SelfGuarantor, Relationship::Spouse] {
            let _ = validate_coverage(1, &CoverageDraft {
                plan_id: 1,
                subscriber_id: subscriber,
                member_id: t(9),
                relationship,
                effective: t(10),
                termination: t(11),
                ..Default::default()
            });
        }
        let _ = validate_treatment_item(&TreatmentItemDraft {
            code: t(0),
            tooth: t(1),
            surface: t(2),
            units,
        });
        let _ = area_code(&t(3));
        let _ = TreatmentStatus::parse(&t(4));
        let _ = ClaimStatus::parse(&t(5));
        let _ = PlanType::parse(&t(6));
    }

    #[test]
    fn verifications_are_checked(
        texts in proptest::collection::vec(text(), 8),
        today in any_day(),
        reverify_days in 0i64..400,
    ) {
        let t = |i: usize| texts[i].clone();
        let _ = validate_verification(
            &VerificationDraft {
                verified_on: t(0),
                reference: t(1),
                remaining_max: t(2),
                remaining_deductible: t(3),
                used_elsewhere: t(4),
                deductible_used_elsewhere: t(5),
                notes: t(6),
                next_due: t(7),
                ..Default::default()
            },
            today,
            reverify_days,
        );
    }

    #[test]
    fn claim_and_preauth_actions_and_payments_are_checked(
        texts in proptest::collection::vec(text(), 6),
        today in any_day(),
        fee in 0i64..100_000_000_000,
    ) {
        let t = |i: usize| texts[i].clone();
        for from in ClaimStatus::ALL {
            for action in [
                ClaimAction::Send { on: t(0) },
                ClaimAction::Receive,
                ClaimAction::Deny { reason: t(1), follow_up: t(2) },
                ClaimAction::Appeal { on: t(3), note: t(4) },
            ] {
                let _ = transition(from, &action, today);
            }
            let _ = check_payment(
                from,
                &[ClaimedLine { treatment_item_id: 1, fee: Cents(fee) }],
                &[PaymentLine {
                    treatment_item_id: 1,
                    paid: t(0),
                    write_off: t(1),
                    deductible: t(2),
                }],
            );
        }
        use frontdesk_insurance::preauth::PreauthStatus as P;
        for from in [P::Draft, P::Sent, P::Approved, P::Denied, P::Expired] {
            for action in [
                PreauthAction::Send { on: t(0) },
                PreauthAction::Approve {
                    expires: t(1),
                    lines: vec![ApprovedLine { treatment_item_id: 1, amount: t(2) }],
                },
                PreauthAction::Deny { reason: t(3) },
            ] {
                let _ = preauth_transition(from, &action, &[1], today);
            }
            let _ = P::parse(&t(5));
        }
    }

    #[test]
    fn treatment_with_any_codes_is_estimated(
        codes in proptest::collection::vec((text(), text()), 1..5),
        history in proptest::collection::vec((text(), text()), 0..3),
        field in 0..PLAN_TEXT_FIELDS,
        s in text(),
        day in (0i64..3_000).prop_map(|n| NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
            + chrono::Duration::days(n)),
        birth_date in proptest::option::of(any_day()),
        fees in proptest::collection::vec((text(), any::<i64>()), 0..4),
        percentage in any::<bool>(),
    ) {
        let mut plan = full_plan(if percentage { PlanType::Percentage } else { PlanType::Ppo });
        set_plan_text(&mut plan, field, s);
        let coverage = |id| CoverageForEstimate {
            coverage_id: id,
            label: format!("Plan {id}"),
            plan: plan.clone(),
            effective: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            used: Used::default(),
        };
        let procedures: Vec<ProcedureToEstimate> = codes
            .iter()
            .enumerate()
            .map(|(i, (code, tooth))| ProcedureToEstimate {
                item_id: i as i64,
                code: code.clone(),
                tooth: tooth.clone(),
                fee: Cents(12_000),
                units: 1,
                pending: i == 0,
            })
            .collect();
        let history: Vec<PriorProcedure> = history
            .into_iter()
            .map(|(code, tooth)| PriorProcedure { code, tooth, date: day - chrono::Duration::days(30) })
            .collect();
        let office_fees: Vec<FeeEntry> = fees
            .into_iter()
            .chain([("D2150".to_string(), 14_000)])
            .map(|(code, fee_cents)| FeeEntry { code, description: String::new(), fee_cents })
            .collect();
        let _ = estimate_treatment(&TreatmentToEstimate {
            date: day,
            birth_date,
            coverages: &[coverage(1), coverage(2)],
            history: &history,
            procedures: &procedures,
            approved: &[],
            office_fees: &office_fees,
        });
    }
}
