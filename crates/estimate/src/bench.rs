//! Estimates per second over a realistic mix: a PPO primary with a percentage or PPO secondary, and
//! six-procedure treatment plans on teeth, for children and adults — alternate benefits on
//! posterior composites, age limits on fluoride and sealants, preventive codes exempt from the
//! maximum and one crown per tooth per 60 months among the rules.
use crate::codes::{Code, CodeSet};
use crate::engine::estimate;
use crate::model::{
    AgeLimit, CobMethod, CoverageRule, Downgrade, FrequencyPeriod, FrequencyRule, HistoryItem,
    Plan, PlanType, Procedure, Scenario, WaitingPeriod,
};
use crate::money::{Cents, Percent};
use crate::tooth::Tooth;
use chrono::NaiveDate;
use std::time::Instant;

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct BenchFigures {
    pub procedures: usize,
    pub seconds: f64,
    pub estimates_per_second: f64,
}

fn code(s: &str) -> Code {
    Code::parse(s).expect("bench code")
}

fn set(s: &str) -> CodeSet {
    CodeSet::parse(s).expect("bench code set")
}

fn tooth(s: &str) -> Option<Tooth> {
    Tooth::parse(s).ok()
}

fn pct(p: u16) -> Percent {
    Percent::from_whole(p).expect("bench percent")
}

/// A typical plan: 100/80/50 coverage, $50 deductible waived for preventive, an annual max,
/// frequency limits on cleanings and bitewings, a waiting period on major work.
fn plan(name: &str, plan_type: PlanType, cob: Option<CobMethod>, max: i64, used: i64) -> Plan {
    let mut p = Plan::new(name, plan_type);
    p.cob = cob;
    p.annual_max = Some(Cents::new(max, 0));
    p.family_max = Some(Cents::new(max * 3, 0));
    p.deductible = Some(Cents::new(50, 0));
    p.deductible_waived = set("D0000-D1999");
    p.code_deductibles.insert(code("D0330"), Cents::new(45, 0));
    p.coverage = vec![
        CoverageRule {
            codes: set("D0000-D1999"),
            percent: pct(100),
        },
        CoverageRule {
            codes: set("D2000-D2699,D3000-D3999,D4000-D4999,D7000-D7999"),
            percent: pct(80),
        },
        CoverageRule {
            codes: set("D2700-D2999,D6000-D6999"),
            percent: pct(50),
        },
    ];
    if plan_type == PlanType::Ppo {
        for (c, a) in [
            ("D0120", 45),
            ("D0150", 70),
            ("D0274", 55),
            ("D1110", 85),
            ("D2391", 150),
            ("D2392", 170),
            ("D2150", 110),
            ("D1206", 30),
            ("D1351", 40),
        ] {
            p.allowed.insert(code(c), Cents::new(a, 0));
        }
        for (c, a) in [
            ("D2740", 900),
            ("D3330", 850),
            ("D4341", 180),
            ("D7140", 120),
            ("D2950", 210),
        ] {
            p.allowed.insert(code(c), Cents::new(a, 0));
        }
    }
    p.copay.insert(code("D0150"), Cents::new(5, 0));
    p.frequency = vec![
        FrequencyRule {
            codes: set("D1110,D1120"),
            times: 2,
            per: FrequencyPeriod::BenefitYear,
            per_tooth: false,
        },
        FrequencyRule {
            codes: set("D0272,D0274"),
            times: 1,
            per: FrequencyPeriod::Months(12),
            per_tooth: false,
        },
        FrequencyRule {
            codes: set("D2740-D2799"),
            times: 1,
            per: FrequencyPeriod::Months(60),
            per_tooth: true,
        },
    ];
    p.downgrades = vec![Downgrade {
        from: set("D2391-D2394"),
        to: code("D2150"),
        posterior_only: true,
    }];
    p.age_limits = vec![
        AgeLimit {
            codes: set("D1206,D1208"),
            min_age: 0,
            max_age: 18,
        },
        AgeLimit {
            codes: set("D1351"),
            min_age: 6,
            max_age: 15,
        },
    ];
    p.max_exempt = set("D0000-D1999");
    p.effective = NaiveDate::from_ymd_opt(2024, 1, 1);
    p.waiting_periods = vec![WaitingPeriod {
        codes: set("D2700-D2799"),
        months: 12,
    }];
    p.exclusions = set("D9972");
    p.used.annual = Cents::new(used, 0);
    p
}

/// The scenarios the bench cycles through (also handy for tests).
pub fn bench_scenarios() -> Vec<Scenario> {
    let fees = [
        ("D0120", 65),
        ("D0150", 95),
        ("D0274", 80),
        ("D1110", 120),
        ("D2391", 210),
        ("D2392", 240),
        ("D2740", 1200),
        ("D2950", 300),
        ("D3330", 1100),
        ("D4341", 250),
        ("D7140", 180),
        ("D9972", 400),
        ("D0330", 130),
        ("D1206", 45),
        ("D1351", 60),
    ];
    let teeth = [
        "3", "30", "8", "14", "19", "A", "K", "", "3", "29", "E", "31",
    ];
    let births = ["2012-05-01", "1980-02-03", "2008-03-10", "1995-07-20"];
    let secondaries = [
        (PlanType::Percentage, CobMethod::Standard),
        (PlanType::Percentage, CobMethod::CarveOut),
        (PlanType::Ppo, CobMethod::Basic),
        (PlanType::Percentage, CobMethod::Basic),
    ];
    (0..16)
        .map(|i| {
            let (sec_type, cob) = secondaries[i % secondaries.len()];
            let procedures = (0..6)
                .map(|k| {
                    let (c, fee) = fees[(i * 5 + k * 7) % fees.len()];
                    Procedure {
                        code: code(c),
                        fee: Cents::new(fee, 0),
                        units: 1 + u32::from(k == 5 && i % 3 == 0),
                        tooth: tooth(teeth[(i + k * 5) % teeth.len()]),
                    }
                })
                .collect();
            Scenario {
                date: NaiveDate::from_ymd_opt(2026, 3, 10).expect("date"),
                plans: vec![
                    plan(
                        "Primary PPO",
                        PlanType::Ppo,
                        None,
                        1500,
                        (i as i64 * 137) % 1400,
                    ),
                    plan(
                        "Secondary",
                        sec_type,
                        Some(cob),
                        1000,
                        (i as i64 * 71) % 900,
                    ),
                ],
                history: vec![
                    HistoryItem {
                        code: code("D1110"),
                        date: NaiveDate::from_ymd_opt(2026, 1, 15).expect("date"),
                        tooth: None,
                    },
                    HistoryItem {
                        code: code("D0274"),
                        date: NaiveDate::from_ymd_opt(2025, 6, 1).expect("date"),
                        tooth: None,
                    },
                    HistoryItem {
                        code: code("D2740"),
                        date: NaiveDate::from_ymd_opt(2022, 5, 1).expect("date"),
                        tooth: tooth("3"),
                    },
                    HistoryItem {
                        code: code("D2740"),
                        date: NaiveDate::from_ymd_opt(2019, 9, 12).expect("date"),
                        tooth: tooth("30"),
                    },
                ],
                procedures,
                birth_date: births[i % births.len()].parse().ok(),
                fees: fees
                    .iter()
                    .chain(&[("D2150", 140)])
                    .map(|&(c, f)| (code(c), Cents::new(f, 0)))
                    .collect(),
            }
        })
        .collect()
}

/// Estimates at least `procedures` procedures (whole treatment plans, no explanations) and reports
/// the rate.
pub fn bench(procedures: usize) -> BenchFigures {
    let scenarios = bench_scenarios();
    // Warm up.
    for s in &scenarios {
        std::hint::black_box(estimate(s, false));
    }
    let start = Instant::now();
    let mut done = 0usize;
    let mut i = 0usize;
    while done < procedures {
        let s = &scenarios[i % scenarios.len()];
        let r = estimate(std::hint::black_box(s), false);
        done += std::hint::black_box(r).len();
        i += 1;
    }
    let seconds = start.elapsed().as_secs_f64();
    BenchFigures {
        procedures: done,
        seconds,
        estimates_per_second: done as f64 / seconds.max(1e-9),
    }
}
