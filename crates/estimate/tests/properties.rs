//! Properties of every estimate, over generated plans and treatment plans.
use chrono::NaiveDate;
use frontdesk_estimate::*;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

const CODES: &[&str] = &[
    "D0120", "D0150", "D0274", "D0330", "D1110", "D2391", "D2740", "D2950", "D4341", "D9972",
    "D2392", "D2150", "D1206",
];
const RANGES: &[&str] = &[
    "D0000-D1999",
    "D2000-D2999",
    "D2700-D2799",
    "D2740",
    "D4000-D4999",
    "D0000-D9999",
    "D2391-D2394",
    "D1206",
];
const TEETH: &[&str] = &["3", "14", "30", "8", "A", "E"];

fn tooth() -> impl Strategy<Value = Option<Tooth>> {
    proptest::option::weighted(
        0.8,
        (0..TEETH.len()).prop_map(|i| Tooth::parse(TEETH[i]).unwrap()),
    )
}

fn code(i: usize) -> Code {
    Code::parse(CODES[i % CODES.len()]).unwrap()
}

fn date(days: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Duration::days(days)
}

fn cents(max_dollars: i64) -> impl Strategy<Value = Cents> {
    (0..=max_dollars * 100).prop_map(Cents)
}

fn code_map(max_dollars: i64) -> impl Strategy<Value = std::collections::BTreeMap<Code, Cents>> {
    proptest::collection::btree_map((0..CODES.len()).prop_map(code), cents(max_dollars), 0..8)
}

fn code_set() -> impl Strategy<Value = CodeSet> {
    proptest::collection::vec(0..RANGES.len(), 0..3).prop_map(|v| {
        CodeSet(
            v.into_iter()
                .flat_map(|i| CodeSet::parse(RANGES[i]).unwrap().0)
                .collect(),
        )
    })
}

fn nonempty_code_set() -> impl Strategy<Value = CodeSet> {
    code_set().prop_filter("non-empty", |s| !s.is_empty())
}

fn plan(ordinal: usize) -> impl Strategy<Value = Plan> {
    let money_parts = (
        proptest::option::of(cents(3000)),
        proptest::option::of(cents(6000)),
        proptest::option::of(cents(200)),
        code_map(100),
        code_map(2000),
        code_map(100),
        (cents(3000), cents(6000), cents(200)),
    );
    let rule_parts = (
        any::<bool>(),
        prop_oneof![
            Just(CobMethod::Basic),
            Just(CobMethod::Standard),
            Just(CobMethod::CarveOut)
        ],
        code_set(),
        proptest::collection::vec(
            (
                nonempty_code_set(),
                prop_oneof![0u16..=10_000, Just(10_000), Just(8_000)],
            ),
            1..4,
        ),
        proptest::collection::vec(
            (nonempty_code_set(), 0u32..4, 0usize..5, any::<bool>()),
            0..3,
        ),
        proptest::option::of((
            0i64..600,
            proptest::collection::vec((nonempty_code_set(), 0u32..24), 0..2),
        )),
        proptest::collection::vec(0..CODES.len(), 0..2)
            .prop_map(|v| CodeSet(v.into_iter().map(|i| CodeRange::single(code(i))).collect())),
        (any::<bool>(), 1u32..=12, any::<bool>()),
    );
    let new_rule_parts = (
        proptest::collection::vec(
            (
                nonempty_code_set(),
                0..CODES.len(),
                any::<bool>(),
                cents(300),
            ),
            0..3,
        ),
        proptest::collection::vec((nonempty_code_set(), 0u32..20, 0u32..30), 0..3),
        code_set(),
    );
    (money_parts, rule_parts, new_rule_parts).prop_map(
        move |(
            (annual_max, family_max, deductible, code_deductibles, allowed, copay, (ua, uf, ud)),
            (
                ppo,
                cob,
                waived,
                coverage,
                frequency,
                effective,
                exclusions,
                (write_off_flag, start_month, catch_all),
            ),
            (downgrades, age_limits, max_exempt),
        )| {
            let mut p = Plan::new(
                format!("Plan {ordinal}"),
                if ppo {
                    PlanType::Ppo
                } else {
                    PlanType::Percentage
                },
            );
            p.cob = (ordinal > 0).then_some(cob);
            p.annual_max = annual_max;
            p.family_max = family_max;
            p.deductible = deductible;
            p.deductible_waived = waived;
            p.code_deductibles = code_deductibles;
            p.coverage = coverage
                .into_iter()
                .map(|(codes, bp)| CoverageRule {
                    codes,
                    percent: Percent::from_basis_points(bp).unwrap(),
                })
                .collect();
            if catch_all {
                p.coverage.push(CoverageRule {
                    codes: CodeSet::parse("D0000-D9999").unwrap(),
                    percent: Percent::from_whole(50).unwrap(),
                });
            }
            if ppo {
                p.allowed = allowed;
            }
            p.copay = copay;
            p.frequency = frequency
                .into_iter()
                .map(|(codes, times, per, per_tooth)| FrequencyRule {
                    codes,
                    times,
                    per: [
                        FrequencyPeriod::BenefitYear,
                        FrequencyPeriod::CalendarYear,
                        FrequencyPeriod::Months(12),
                        FrequencyPeriod::Lifetime,
                        FrequencyPeriod::Months(60),
                    ][per],
                    per_tooth,
                })
                .collect();
            if let Some((days, waits)) = effective {
                p.effective = Some(date(days));
                p.waiting_periods = waits
                    .into_iter()
                    .map(|(codes, months)| WaitingPeriod { codes, months })
                    .collect();
            }
            p.exclusions = exclusions;
            // Alternate benefits: a PPO has an allowed fee for every `to` code (the scenario's
            // office fees cover every code for percentage plans).
            p.downgrades = downgrades
                .into_iter()
                .map(|(from, to, posterior_only, to_allowed)| {
                    if ppo {
                        p.allowed.entry(code(to)).or_insert(to_allowed);
                    }
                    Downgrade {
                        from,
                        to: code(to),
                        posterior_only,
                    }
                })
                .collect();
            p.age_limits = age_limits
                .into_iter()
                .map(|(codes, a, b)| AgeLimit {
                    codes,
                    min_age: a.min(b),
                    max_age: a.max(b),
                })
                .collect();
            p.max_exempt = max_exempt;
            // A family deductible of twice the individual one on some plans (when the catch-all
            // coverage is off), with part of it met by the family already.
            if !catch_all {
                p.family_deductible = deductible.map(|d| Cents(d.0 * 2));
            }
            p.used = Used {
                annual: ua,
                family: uf,
                deductible: ud,
                family_deductible: Cents(ud.0 + uf.0 / 4),
            };
            p.write_off_when_max_reached = write_off_flag;
            p.benefit_year_start = YearStart {
                month: start_month,
                day: 1,
            };
            p
        },
    )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        0usize..4,
        proptest::collection::vec((0..CODES.len(), -2000i64..600, tooth()), 0..6),
        proptest::collection::vec((0..CODES.len(), cents(3000), 1u32..4, tooth()), 0..9),
        300i64..700,
        (
            proptest::option::weighted(0.9, -9000i64..300),
            proptest::collection::vec(cents(1500), CODES.len()),
        ),
    )
        .prop_flat_map(|(n_plans, history, procedures, day, extra)| {
            let plans: Vec<_> = (0..n_plans).map(plan).collect();
            (
                plans,
                Just(history),
                Just(procedures),
                Just(day),
                Just(extra),
            )
        })
        .prop_map(
            |(plans, history, procedures, day, (birth, fees))| Scenario {
                date: date(day),
                plans,
                history: history
                    .into_iter()
                    .map(|(c, d, tooth)| HistoryItem {
                        code: code(c),
                        date: date(d),
                        tooth,
                    })
                    .collect(),
                procedures: procedures
                    .into_iter()
                    .map(|(c, fee, units, tooth)| Procedure {
                        code: code(c),
                        fee,
                        units,
                        tooth,
                    })
                    .collect(),
                birth_date: birth.map(date),
                fees: fees
                    .into_iter()
                    .enumerate()
                    .map(|(i, f)| (code(i), f))
                    .collect(),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn estimates_add_up_and_stay_within_limits(s in scenario()) {
        let result = estimate(&s, false);
        prop_assert_eq!(result.len(), s.procedures.len());
        let mut benefits = vec![Cents::ZERO; s.plans.len()];
        let mut deductibles = vec![Cents::ZERO; s.plans.len()];
        for (proc, r) in s.procedures.iter().zip(&result) {
            let fee = proc.fee.times(proc.units);
            prop_assert_eq!(r.fee, fee);
            prop_assert!(r.patient >= Cents::ZERO, "patient portion {:?} < 0", r.patient);
            let total: Cents = r.plans.iter().map(|p| p.estimate + p.write_off).sum::<Cents>() + r.patient;
            prop_assert_eq!(total, fee, "estimates + write-offs + patient != fee");
            prop_assert!(r.plans.iter().filter(|p| !p.write_off.is_zero()).count() <= 1, "write-off taken twice");
            for (i, p) in r.plans.iter().enumerate() {
                let plan = &s.plans[i];
                prop_assert!(p.estimate >= Cents::ZERO && p.write_off >= Cents::ZERO && p.deductible >= Cents::ZERO);
                prop_assert!(p.estimate <= p.allowed, "estimate {:?} above allowed {:?}", p.estimate, p.allowed);
                prop_assert!(p.allowed <= fee);
                let exempt = plan.max_exempt.contains(proc.code);
                if let Some(max) = plan.annual_max.filter(|_| !exempt) {
                    let left = max.saturating_sub(plan.used.annual + benefits[i]);
                    prop_assert!(p.estimate <= left, "estimate {:?} above the annual max left {:?}", p.estimate, left);
                }
                if let Some(max) = plan.family_max.filter(|_| !exempt) {
                    let left = max.saturating_sub(plan.used.family + benefits[i]);
                    prop_assert!(p.estimate <= left, "estimate {:?} above the family max left {:?}", p.estimate, left);
                }
                if plan.plan_type == PlanType::Percentage {
                    prop_assert!(p.write_off.is_zero());
                    prop_assert_eq!(p.allowed, fee);
                }
                if !exempt {
                    benefits[i] += p.estimate;
                }
                deductibles[i] += p.deductible;
            }
        }
        for (i, plan) in s.plans.iter().enumerate() {
            if plan.code_deductibles.is_empty() {
                let left = plan.deductible.map_or(Cents::ZERO, |d| d.saturating_sub(plan.used.deductible));
                prop_assert!(deductibles[i] <= left, "deductible {:?} over the {:?} left", deductibles[i], left);
            }
        }
    }

    #[test]
    fn explanations_do_not_change_the_figures(s in scenario()) {
        let quiet = estimate(&s, false);
        let told = estimate(&s, true);
        prop_assert_eq!(quiet.len(), told.len());
        for (q, t) in quiet.iter().zip(&told) {
            prop_assert_eq!((q.fee, q.patient, &q.plans), (t.fee, t.patient, &t.plans));
            prop_assert!(q.explanation.is_empty());
            prop_assert!(t.explanation.len() >= 2, "fee and patient lines at least");
        }
    }

    #[test]
    fn json_round_trip(s in scenario()) {
        let text = to_json(&s).to_string();
        let needs_birth_date = s.procedures.iter().any(|p| {
            s.plans.iter().any(|plan| plan.age_limits.iter().any(|a| a.codes.contains(p.code)))
        });
        if s.birth_date.is_none() && needs_birth_date {
            let e = parse_scenario(&text).expect_err("an age-limited code needs a birth date");
            prop_assert_eq!(e.path(), Some("patient.birth_date"));
            return Ok(());
        }
        if s.birth_date.is_some_and(|b| b > s.date) {
            let e = parse_scenario(&text).expect_err("born after the date of service");
            prop_assert_eq!(e.path(), Some("patient.birth_date"));
            return Ok(());
        }
        let parsed = parse_scenario(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&parsed, &s);
        let out: Value = serde_json::from_str(&run_scenario_json(&text, true).unwrap()).unwrap();
        let expected = estimate(&s, false);
        for (o, e) in out["procedures"].as_array().unwrap().iter().zip(&expected) {
            prop_assert_eq!(o["patient"].as_str().unwrap(), e.patient.to_plain());
        }
    }
}

fn money(c: Cents) -> Value {
    json!(c.to_plain())
}

fn map(m: &std::collections::BTreeMap<Code, Cents>) -> Value {
    Value::Object(
        m.iter()
            .map(|(c, a)| (c.to_string(), money(*a)))
            .collect::<Map<_, _>>(),
    )
}

/// The scenario in the shared JSON format.
fn to_json(s: &Scenario) -> Value {
    let plans: Vec<Value> = s
        .plans
        .iter()
        .map(|p| {
            let mut o = json!({
                "name": p.name,
                "type": if p.plan_type == PlanType::Ppo { "ppo" } else { "percentage" },
                "coverage": p.coverage.iter().map(|c| json!({
                    "codes": c.codes.to_string(),
                    "percent": f64::from(c.percent.basis_points()) / 100.0,
                })).collect::<Vec<_>>(),
                "deductible_waived": p.deductible_waived.0.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
                "exclusions": p.exclusions.0.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
                "code_deductibles": map(&p.code_deductibles),
                "copay": map(&p.copay),
                "frequency": p.frequency.iter().map(|f| {
                    let mut o = json!({
                        "codes": f.codes.to_string(),
                        "times": f.times,
                        "per": match f.per {
                            FrequencyPeriod::BenefitYear => "benefit_year",
                            FrequencyPeriod::CalendarYear => "calendar_year",
                            FrequencyPeriod::Months(_) => "months",
                            FrequencyPeriod::Lifetime => "lifetime",
                        },
                        "per_tooth": f.per_tooth,
                    });
                    if let FrequencyPeriod::Months(m) = f.per {
                        o["months"] = json!(m);
                    }
                    o
                }).collect::<Vec<_>>(),
                "downgrades": p.downgrades.iter().map(|d| json!({
                    "from": d.from.to_string(), "to": d.to.to_string(), "posterior_only": d.posterior_only,
                })).collect::<Vec<_>>(),
                "age_limits": p.age_limits.iter().map(|a| json!({
                    "codes": a.codes.to_string(), "min_age": a.min_age, "max_age": a.max_age,
                })).collect::<Vec<_>>(),
                "max_exempt": p.max_exempt.0.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
                "waiting_periods": p.waiting_periods.iter().map(|w| json!({"codes": w.codes.to_string(), "months": w.months})).collect::<Vec<_>>(),
                "used": {"annual": money(p.used.annual), "family": money(p.used.family), "deductible": money(p.used.deductible), "family_deductible": money(p.used.family_deductible)},
                "write_off_when_max_reached": p.write_off_when_max_reached,
                "benefit_year_start": format!("{:02}-{:02}", p.benefit_year_start.month, p.benefit_year_start.day),
            });
            let m = o.as_object_mut().unwrap();
            if p.plan_type == PlanType::Ppo {
                m.insert("allowed".into(), map(&p.allowed));
            }
            if let Some(cob) = p.cob {
                let name = match cob {
                    CobMethod::Basic => "basic",
                    CobMethod::Standard => "standard",
                    CobMethod::CarveOut => "carve_out",
                };
                m.insert("cob".into(), json!(name));
            }
            for (k, v) in [("annual_max", p.annual_max), ("family_max", p.family_max), ("deductible", p.deductible), ("family_deductible", p.family_deductible)] {
                if let Some(v) = v {
                    m.insert(k.into(), money(v));
                }
            }
            if let Some(e) = p.effective {
                m.insert("effective".into(), json!(e.to_string()));
            }
            o
        })
        .collect();
    let tooth = |t: Option<Tooth>| t.map_or(Value::Null, |t| json!(t.to_string()));
    let mut out = json!({
        "date": s.date.to_string(),
        "plans": plans,
        "history": s.history.iter().map(|h| json!({"code": h.code.to_string(), "date": h.date.to_string(), "tooth": tooth(h.tooth)})).collect::<Vec<_>>(),
        "procedures": s.procedures.iter().map(|p| json!({"code": p.code.to_string(), "fee": money(p.fee), "units": p.units, "tooth": tooth(p.tooth)})).collect::<Vec<_>>(),
        "fees": map(&s.fees),
    });
    if let Some(b) = s.birth_date {
        out["patient"] = json!({"birth_date": b.to_string()});
    }
    out
}
