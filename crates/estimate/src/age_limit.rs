//! Age limits (part of step 7): a code in an age limit is covered only while the patient's age in
//! whole years on the date of service is from `min_age` to `max_age`, both included — `max_age`
//! 18 covers until the 19th birthday. Outside it the plan pays nothing on the procedure and takes
//! no deductible on it. A birthday is reached on its day; February 29 birthdays are reached on
//! March 1 in common years. Every age limit containing the code must be met.
use crate::codes::Code;
use crate::model::{AgeLimit, Plan};
use chrono::{Datelike, NaiveDate};

/// Age in whole years on `day` (0 for a day before the birth).
pub fn age_on(birth: NaiveDate, day: NaiveDate) -> u32 {
    if day <= birth {
        return 0;
    }
    let mut years = day.year() - birth.year();
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

fn covered_text(rule: &AgeLimit) -> String {
    if rule.min_age == 0 {
        format!("covered to age {}", rule.max_age)
    } else {
        format!("covered from age {} to {}", rule.min_age, rule.max_age)
    }
}

/// Why the plan's age limits leave nothing to pay on `code` on `date`, if they do.
pub fn reason(
    plan: &Plan,
    code: Code,
    birth: Option<NaiveDate>,
    date: NaiveDate,
) -> Option<String> {
    for rule in &plan.age_limits {
        if !rule.codes.contains(code) {
            continue;
        }
        let Some(birth) = birth else {
            return Some(format!(
                "{code} is age-limited ({}) and no birth date is on file",
                covered_text(rule)
            ));
        };
        let age = age_on(birth, date);
        if age < rule.min_age || age > rule.max_age {
            return Some(format!(
                "{code} not covered at age {age} ({})",
                covered_text(rule)
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::CodeSet;
    use crate::model::PlanType;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn age_table() {
        let cases = [
            ("2010-05-01", "2028-04-30", 17),
            ("2010-05-01", "2028-05-01", 18), // the birthday itself
            ("2010-05-01", "2029-04-30", 18),
            ("2010-05-01", "2029-05-01", 19),
            ("2008-02-29", "2026-02-28", 17), // leap-day birthday: reached on March 1
            ("2008-02-29", "2026-03-01", 18),
            ("2008-02-29", "2028-02-29", 20),
            ("2010-05-01", "2010-05-01", 0),
            ("2010-05-01", "2009-01-01", 0), // before the birth
        ];
        for (birth, day, want) in cases {
            assert_eq!(age_on(d(birth), d(day)), want, "{birth} on {day}");
        }
        assert!(age_on(NaiveDate::MIN, NaiveDate::MAX) > 500_000);
    }

    #[test]
    fn limit_table() {
        let mut plan = Plan::new("P", PlanType::Percentage);
        plan.age_limits = vec![
            AgeLimit {
                codes: CodeSet::parse("D1206,D1208").unwrap(),
                min_age: 0,
                max_age: 18,
            },
            AgeLimit {
                codes: CodeSet::parse("D1351").unwrap(),
                min_age: 6,
                max_age: 14,
            },
        ];
        let birth = Some(d("2010-05-01"));
        // (code, date of service, reason contains)
        let cases = [
            ("D1206", "2029-04-30", None),
            (
                "D1206",
                "2029-05-01",
                Some("D1206 not covered at age 19 (covered to age 18)"),
            ),
            ("D1208", "2028-05-01", None),
            ("D1110", "2040-01-01", None), // not age-limited
            (
                "D1351",
                "2016-04-30",
                Some("D1351 not covered at age 5 (covered from age 6 to 14)"),
            ),
            ("D1351", "2016-05-01", None),
            ("D1351", "2025-04-30", None),
            ("D1351", "2025-05-01", Some("not covered at age 15")),
        ];
        for (code, date, want) in cases {
            let why = reason(&plan, Code::parse(code).unwrap(), birth, d(date));
            match want {
                None => assert_eq!(why, None, "{code} {date}"),
                Some(w) => assert!(
                    why.as_deref().unwrap_or("").contains(w),
                    "{code} {date}: {why:?}"
                ),
            }
        }
        let why = reason(&plan, Code::parse("D1206").unwrap(), None, d("2026-01-01"));
        assert_eq!(
            why.as_deref(),
            Some("D1206 is age-limited (covered to age 18) and no birth date is on file")
        );
    }
}
