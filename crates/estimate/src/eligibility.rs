//! Step 7: exclusions, coverage start, waiting periods and frequency limits. A procedure that fails
//! one gets estimate 0 with the reason as a note; its deductible is then not taken either (nothing is
//! paid on it) and it does not count toward later frequency limits.
use crate::codes::Code;
use crate::engine::{Explain, Tally, Work};
use crate::model::{FrequencyPeriod, FrequencyRule, HistoryItem, Plan, YearStart};
use crate::money::Cents;
use chrono::{Datelike, Months, NaiveDate};

/// The first day of the benefit year containing `date`.
pub fn benefit_year_start(date: NaiveDate, start: YearStart) -> NaiveDate {
    let this_year = NaiveDate::from_ymd_opt(date.year(), start.month, start.day)
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(date.year(), 1, 1).expect("January 1"));
    if this_year <= date {
        this_year
    } else {
        NaiveDate::from_ymd_opt(date.year() - 1, start.month, start.day).unwrap_or(this_year)
    }
}

/// Whether a procedure done on `done` counts toward `rule` for a procedure on `date`.
pub fn in_window(
    rule: &FrequencyRule,
    year_start: YearStart,
    done: NaiveDate,
    date: NaiveDate,
) -> bool {
    if done > date {
        return false;
    }
    match rule.per {
        FrequencyPeriod::Lifetime => true,
        FrequencyPeriod::BenefitYear => done >= benefit_year_start(date, year_start),
        FrequencyPeriod::CalendarYear => done.year() == date.year(),
        FrequencyPeriod::Months(m) => date
            .checked_sub_months(Months::new(m))
            .is_none_or(|from| done > from),
    }
}

/// Per frequency rule of the plan: how many completed procedures already count.
pub fn history_counts(plan: &Plan, history: &[HistoryItem], date: NaiveDate) -> Vec<u32> {
    plan.frequency
        .iter()
        .map(|rule| {
            history
                .iter()
                .filter(|h| {
                    rule.codes.contains(h.code)
                        && in_window(rule, plan.benefit_year_start, h.date, date)
                })
                .count() as u32
        })
        .collect()
}

/// Counts an eligible planned procedure toward the plan's frequency limits.
pub fn record(plan: &Plan, counts: &mut [u32], code: Code, units: u32) {
    for (rule, n) in plan.frequency.iter().zip(counts.iter_mut()) {
        if rule.codes.contains(code) {
            *n += units;
        }
    }
}

fn period_text(per: FrequencyPeriod) -> String {
    match per {
        FrequencyPeriod::BenefitYear => "per benefit year".into(),
        FrequencyPeriod::CalendarYear => "per calendar year".into(),
        FrequencyPeriod::Months(m) => format!("per {m} months"),
        FrequencyPeriod::Lifetime => "per lifetime".into(),
    }
}

/// Why the plan pays nothing on this procedure, if it does not.
pub fn reason(w: &Work, tally: &Tally, date: NaiveDate) -> Option<String> {
    let (plan, code) = (w.plan, w.code());
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
    for (rule, &done) in plan.frequency.iter().zip(&tally.frequency) {
        if rule.codes.contains(code) && done + w.procedure.units > rule.times {
            return Some(format!(
                "frequency limit: {} {} {}, {done} already",
                rule.times,
                if rule.times == 1 { "time" } else { "times" },
                period_text(rule.per)
            ));
        }
    }
    None
}

pub fn apply(w: &mut Work, tally: &Tally, date: NaiveDate, ex: &mut Explain) {
    if let Some(why) = reason(w, tally, date) {
        w.eligible = false;
        w.estimate = Cents::ZERO;
        w.deductible = Cents::ZERO;
        ex.line(|| format!("{}: {why}, so the plan pays nothing", w.name()));
        w.notes.push(why);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::CodeSet;
    use crate::model::{PlanType, Procedure, WaitingPeriod};

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
        });
        p.frequency.push(FrequencyRule {
            codes: CodeSet::parse("D0274").unwrap(),
            times: 1,
            per: FrequencyPeriod::Months(12),
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
                Some("1 time per 12 months, 1 already"),
            ),
        ];
        let plan = plan();
        for (code, date, planned, want) in cases {
            let code = Code::parse(code).unwrap();
            let mut counts = history_counts(&plan, &history, d(date));
            for _ in 0..planned {
                record(&plan, &mut counts, code, 1);
            }
            let tally = Tally {
                frequency: counts,
                ..Tally::default()
            };
            let proc = Procedure {
                code,
                fee: Cents(10_000),
                units: 1,
            };
            let mut w = Work::new(&plan, 0, &proc);
            w.estimate = Cents(5_000);
            w.deductible = Cents(1_000);
            apply(&mut w, &tally, d(date), &mut Explain::on());
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
