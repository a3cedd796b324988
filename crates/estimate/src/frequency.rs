//! Frequency limits (part of step 7): at most `times` procedures of the rule's codes per benefit
//! year, calendar year, rolling window of N months or lifetime. Completed procedures (history)
//! count when they fall in the window; earlier procedures of the same treatment plan always count
//! (they are done on the date of service or before it).
//!
//! A rolling window counts a prior procedure when its date is after the date of service minus N
//! months (chrono's month arithmetic: the 31st minus one month is the last day of the shorter
//! month), so one done exactly N months before no longer counts. A per-tooth rule counts only
//! procedures on the same tooth; a procedure or history entry without a tooth matches every tooth
//! (the estimate then counts what the plan might count, never less).
use crate::codes::Code;
use crate::eligibility::benefit_year_start;
use crate::model::{FrequencyPeriod, FrequencyRule, HistoryItem, Plan, Procedure, YearStart};
use crate::tooth::Tooth;
use chrono::{Datelike, Months, NaiveDate};

/// The most recent procedure counted toward a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Last {
    pub code: Code,
    pub tooth: Option<Tooth>,
    /// `None`: an earlier procedure of this treatment plan.
    pub on: Option<NaiveDate>,
}

impl Last {
    /// Planned procedures (on the date of service) are later than any history.
    fn later_than(&self, other: &Last) -> bool {
        match (self.on, other.on) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => a > b,
        }
    }
}

/// Procedures counted toward one rule on one tooth (`None`: no tooth, or a rule not per tooth).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct OnTooth {
    tooth: Option<Tooth>,
    times: u32,
    last: Last,
}

/// What counts toward one frequency rule so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleCount {
    teeth: Vec<OnTooth>,
}

impl RuleCount {
    fn add(&mut self, rule: &FrequencyRule, times: u32, last: Last) {
        let key = if rule.per_tooth { last.tooth } else { None };
        match self.teeth.iter_mut().find(|t| t.tooth == key) {
            Some(t) => {
                t.times += times;
                if last.later_than(&t.last) {
                    t.last = last;
                }
            }
            None => self.teeth.push(OnTooth {
                tooth: key,
                times,
                last,
            }),
        }
    }

    /// How many count for a procedure on `tooth`, and the most recent of them.
    pub fn for_tooth(&self, rule: &FrequencyRule, tooth: Option<Tooth>) -> (u32, Option<Last>) {
        let mut times = 0;
        let mut last: Option<Last> = None;
        for t in &self.teeth {
            let same = !rule.per_tooth || t.tooth.is_none() || tooth.is_none() || t.tooth == tooth;
            if same {
                times += t.times;
                if last.is_none_or(|l| t.last.later_than(&l)) {
                    last = Some(t.last);
                }
            }
        }
        (times, last)
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

/// Per frequency rule of the plan: the completed procedures that already count.
pub fn history_counts(plan: &Plan, history: &[HistoryItem], date: NaiveDate) -> Vec<RuleCount> {
    plan.frequency
        .iter()
        .map(|rule| {
            let mut count = RuleCount::default();
            for h in history {
                if rule.codes.contains(h.code)
                    && in_window(rule, plan.benefit_year_start, h.date, date)
                {
                    let last = Last {
                        code: h.code,
                        tooth: h.tooth,
                        on: Some(h.date),
                    };
                    count.add(rule, 1, last);
                }
            }
            count
        })
        .collect()
}

/// Counts an eligible planned procedure toward the plan's frequency limits.
pub fn record(plan: &Plan, counts: &mut [RuleCount], proc: &Procedure) {
    for (rule, count) in plan.frequency.iter().zip(counts.iter_mut()) {
        if rule.codes.contains(proc.code) {
            let last = Last {
                code: proc.code,
                tooth: proc.tooth,
                on: None,
            };
            count.add(rule, proc.units, last);
        }
    }
}

/// `last D2740 on #3 on 05/01/2022; one per 60 months` (built in one string: estimates make a
/// note of it on every limited procedure).
fn limit_text(rule: &FrequencyRule, done: u32, last: Option<Last>) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(96);
    s.push_str("frequency limit: ");
    if let Some(l) = last {
        let _ = write!(s, "last {}", l.code);
        if let Some(t) = l.tooth {
            let _ = write!(s, " on #{t}");
        }
        match l.on {
            Some(on) => {
                let _ = write!(
                    s,
                    " on {:02}/{:02}/{:04}; ",
                    on.month(),
                    on.day(),
                    on.year()
                );
            }
            None => s.push_str(" earlier in this treatment plan; "),
        }
    }
    if rule.times == 1 {
        s.push_str("one ");
    } else {
        let _ = write!(s, "{} times ", rule.times);
    }
    match rule.per {
        FrequencyPeriod::BenefitYear => s.push_str("per benefit year"),
        FrequencyPeriod::CalendarYear => s.push_str("per calendar year"),
        FrequencyPeriod::Months(m) => {
            let _ = write!(s, "per {m} months");
        }
        FrequencyPeriod::Lifetime => s.push_str("per lifetime"),
    }
    if !(rule.times == 1 && done == 1) {
        let _ = write!(s, ", {done} already");
    }
    s
}

/// Why a frequency limit leaves the plan nothing to pay on `proc`, if one does.
pub fn reason(plan: &Plan, counts: &[RuleCount], proc: &Procedure) -> Option<String> {
    for (rule, count) in plan.frequency.iter().zip(counts) {
        if !rule.codes.contains(proc.code) {
            continue;
        }
        let (done, last) = count.for_tooth(rule, proc.tooth);
        if done.saturating_add(proc.units) > rule.times {
            return Some(limit_text(rule, done, last));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::CodeSet;
    use crate::model::PlanType;
    use crate::money::Cents;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn t(s: &str) -> Option<Tooth> {
        (!s.is_empty()).then(|| Tooth::parse(s).unwrap())
    }

    fn crowns(per_tooth: bool) -> Plan {
        let mut p = Plan::new("P", PlanType::Percentage);
        p.frequency.push(FrequencyRule {
            codes: CodeSet::parse("D2740-D2799").unwrap(),
            times: 1,
            per: FrequencyPeriod::Months(60),
            per_tooth,
        });
        p
    }

    fn proc(code: &str, tooth: &str) -> Procedure {
        Procedure {
            code: Code::parse(code).unwrap(),
            fee: Cents(120_000),
            units: 1,
            tooth: t(tooth),
        }
    }

    /// One crown per tooth per 60 months; prior crown on tooth 3.
    #[test]
    fn per_tooth_rolling_window_table() {
        // (history date, history tooth, per tooth, service date, planned tooth, limited?)
        let cases = [
            ("2022-05-01", "3", true, "2027-05-01", "3", false), // the window opens after 05/01/2022
            ("2022-05-02", "3", true, "2027-05-01", "3", true),  // the first day inside it
            ("2022-05-01", "3", true, "2027-04-30", "3", true),
            ("2022-05-02", "3", true, "2027-05-01", "14", false), // another tooth
            ("2022-05-02", "3", false, "2027-05-01", "14", true), // not per tooth: any tooth
            ("2022-05-02", "", true, "2027-05-01", "14", true),   // history without a tooth
            ("2022-05-02", "3", true, "2027-05-01", "", true),    // procedure without a tooth
            ("2027-05-02", "3", true, "2027-05-01", "3", false),  // after the date of service
            ("2022-02-28", "3", true, "2027-02-28", "3", false),
            ("2022-03-01", "3", true, "2027-03-31", "3", false), // 03/31 − 60 months = 03/31
            ("2022-04-01", "3", true, "2027-03-31", "3", true),
        ];
        for (i, (done, tooth, per_tooth, date, planned, limited)) in cases.into_iter().enumerate() {
            let plan = crowns(per_tooth);
            let history = [HistoryItem {
                code: Code::parse("D2740").unwrap(),
                date: d(done),
                tooth: t(tooth),
            }];
            let counts = history_counts(&plan, &history, d(date));
            let why = reason(&plan, &counts, &proc("D2750", planned));
            assert_eq!(why.is_some(), limited, "case {i}: {why:?}");
        }
    }

    #[test]
    fn the_reason_names_the_last_procedure_and_the_rule() {
        let plan = crowns(true);
        let history = [
            HistoryItem {
                code: Code::parse("D2740").unwrap(),
                date: d("2022-01-10"),
                tooth: t("3"),
            },
            HistoryItem {
                code: Code::parse("D2750").unwrap(),
                date: d("2022-05-01"),
                tooth: t("3"),
            },
            HistoryItem {
                code: Code::parse("D2740").unwrap(),
                date: d("2023-01-01"),
                tooth: t("14"),
            },
        ];
        let mut counts = history_counts(&plan, &history, d("2026-11-24"));
        assert_eq!(
            reason(&plan, &counts, &proc("D2740", "3")).unwrap(),
            "frequency limit: last D2750 on #3 on 05/01/2022; one per 60 months, 2 already"
        );
        assert_eq!(
            reason(&plan, &counts, &proc("D2740", "14")).unwrap(),
            "frequency limit: last D2740 on #14 on 01/01/2023; one per 60 months"
        );
        assert_eq!(reason(&plan, &counts, &proc("D2740", "30")), None);
        record(&plan, &mut counts, &proc("D2740", "30"));
        assert_eq!(
            reason(&plan, &counts, &proc("D2740", "30")).unwrap(),
            "frequency limit: last D2740 on #30 earlier in this treatment plan; one per 60 months"
        );
    }
}
