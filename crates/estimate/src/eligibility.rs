//! Step 7: exclusions, coverage start, waiting periods, age limits ([`crate::age_limit`]) and
//! frequency limits ([`crate::frequency`]). A procedure that fails one gets estimate 0 with the
//! reason as a note; its deductible is then not taken either (nothing is paid on it) and it does
//! not count toward later frequency limits. The engine asks for the [`reason`] before the amounts
//! (it depends on none of them) and skips the alternate benefit, copay, deductible and percentage
//! of a procedure that fails.
use crate::engine::{Explain, Tally, Work};
use crate::model::{Scenario, YearStart};
use crate::money::Cents;
use crate::{age_limit, frequency};
use chrono::{Months, NaiveDate};

/// The first day of the benefit year containing `date` ([`crate::benefit_year::benefit_year`]).
pub fn benefit_year_start(date: NaiveDate, start: YearStart) -> NaiveDate {
    crate::benefit_year::benefit_year(start, date).0
}

/// Why the plan pays nothing on this procedure, if it does not.
pub fn reason(w: &Work, tally: &Tally, scenario: &Scenario) -> Option<String> {
    let (plan, code, date) = (w.plan, w.code(), scenario.date);
    if plan.exclusions.contains(code) {
        return Some(format!("{code} is excluded by this plan"));
    }
    if let Some(effective) = plan.effective {
        if date < effective {
            return Some(format!("coverage starts {effective}"));
        }
        for wp in &plan.waiting_periods {
            if wp.codes.contains(code) {
                let ends = effective
                    .checked_add_months(Months::new(wp.months))
                    .unwrap_or(NaiveDate::MAX);
                if date < ends {
                    return Some(format!(
                        "{code} is in a {}-month waiting period until {ends}",
                        wp.months
                    ));
                }
            }
        }
    }
    age_limit::reason(plan, code, scenario.birth_date, date)
        .or_else(|| frequency::reason(plan, &tally.frequency, w.procedure))
}

/// The plan pays nothing on the procedure, for `why`.
pub fn apply(w: &mut Work, why: String, ex: &mut Explain) {
    w.eligible = false;
    w.estimate = Cents::ZERO;
    w.deductible = Cents::ZERO;
    ex.line(|| format!("{}: {why}, so the plan pays nothing", w.name()));
    w.notes.push(why);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::{Code, CodeSet};
    use crate::frequency::{history_counts, record};
    use crate::model::{
        AgeLimit, FrequencyPeriod, FrequencyRule, HistoryItem, Plan, PlanType, Procedure,
        WaitingPeriod,
    };
    use std::collections::BTreeMap;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn plan() -> Plan {
        let mut p = Plan::new("P", PlanType::Percentage);
        p.exclusions = CodeSet::parse("D9972").unwrap();
        p.effective = Some(d("2025-09-01"));
        p.waiting_periods.push(WaitingPeriod {
            codes: CodeSet::parse("D2700-D2799").unwrap(),
            months: 12,
        });
        p.frequency.push(FrequencyRule {
            codes: CodeSet::parse("D1110,D1120").unwrap(),
            times: 2,
            per: FrequencyPeriod::BenefitYear,
            per_tooth: false,
        });
        p.frequency.push(FrequencyRule {
            codes: CodeSet::parse("D0274").unwrap(),
            times: 1,
            per: FrequencyPeriod::Months(12),
            per_tooth: false,
        });
        p.age_limits.push(AgeLimit {
            codes: CodeSet::parse("D1206").unwrap(),
            min_age: 0,
            max_age: 18,
        });
        p
    }

    #[test]
    fn table() {
        let history = [
            ("D1110", "2025-12-20"), // previous benefit year
            ("D1110", "2026-01-15"),
            ("D0274", "2025-03-10"), // exactly 12 months before 2026-03-10: no longer counts
        ];
        let history: Vec<HistoryItem> = history
            .iter()
            .map(|(c, t)| HistoryItem {
                code: Code::parse(c).unwrap(),
                date: d(t),
                tooth: None,
            })
            .collect();
        // (code, date, planned earlier in the same plan, reason contains)
        let cases = [
            ("D9972", "2026-03-10", 0, Some("excluded")),
            ("D1110", "2025-08-01", 0, Some("coverage starts 2025-09-01")),
            (
                "D2740",
                "2026-03-10",
                0,
                Some("waiting period until 2026-09-01"),
            ),
            ("D2740", "2026-09-01", 0, None),
            ("D2391", "2026-03-10", 0, None),
            ("D1110", "2026-03-10", 0, None), // 1 of 2 this year
            (
                "D1120",
                "2026-03-10",
                1,
                Some("2 times per benefit year, 2 already"),
            ),
            ("D0274", "2026-03-10", 0, None),
            (
                "D0274",
                "2026-03-09",
                0,
                Some("last D0274 on 03/10/2025; one per 12 months"),
            ),
            ("D1206", "2026-03-10", 0, None), // born 2010-05-01: 15
            (
                "D1206",
                "2029-05-01",
                0,
                Some("D1206 not covered at age 19 (covered to age 18)"),
            ),
        ];
        let plan = plan();
        for (code, date, planned, want) in cases {
            let code = Code::parse(code).unwrap();
            let proc = Procedure {
                code,
                fee: Cents(10_000),
                units: 1,
                tooth: None,
            };
            let mut counts = history_counts(&plan, &history, d(date));
            for _ in 0..planned {
                record(&plan, &mut counts, &proc);
            }
            let tally = Tally {
                frequency: counts,
                ..Tally::default()
            };
            let scenario = Scenario {
                date: d(date),
                plans: vec![],
                history: vec![],
                procedures: vec![],
                birth_date: Some(d("2010-05-01")),
                fees: BTreeMap::new(),
            };
            let mut w = Work::new(&plan, 0, &proc);
            w.estimate = Cents(5_000);
            w.deductible = Cents(1_000);
            if let Some(why) = reason(&w, &tally, &scenario) {
                apply(&mut w, why, &mut Explain::on());
            }
            match want {
                None => assert!(
                    w.eligible && w.estimate == Cents(5_000) && w.notes.is_empty(),
                    "{code} {date}"
                ),
                Some(why) => {
                    assert!(
                        !w.eligible && w.estimate.is_zero() && w.deductible.is_zero(),
                        "{code} {date}"
                    );
                    assert!(w.notes[0].contains(why), "{code} {date}: {:?}", w.notes);
                }
            }
        }
    }

    #[test]
    fn benefit_year_table() {
        let july = YearStart { month: 7, day: 1 };
        let cases = [
            ("2026-03-10", YearStart::default(), "2026-01-01"),
            ("2026-03-10", july, "2025-07-01"),
            ("2026-07-01", july, "2026-07-01"),
            ("2026-12-31", july, "2026-07-01"),
        ];
        for (date, start, want) in cases {
            assert_eq!(benefit_year_start(d(date), start), d(want), "{date}");
        }
    }
}
