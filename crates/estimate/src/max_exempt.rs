//! Step 8a: codes exempt from the maximum (often preventive and diagnostic). Their estimates are
//! neither limited by the individual annual maximum or the family maximum nor counted toward them;
//! the deductible and the percentage still apply.
use crate::engine::{Explain, Work};

/// Whether the plan's maximums leave this procedure alone; says so when the plan has one.
pub fn apply(w: &mut Work, ex: &mut Explain) -> bool {
    if !w.plan.max_exempt.contains(w.code()) {
        return false;
    }
    w.max_exempt = true;
    let has_max = w.plan.annual_max.is_some() || w.plan.family_max.is_some();
    if has_max && w.eligible && !w.estimate.is_zero() {
        ex.line(|| format!("{}: {} not counted against the maximum", w.name(), w.code()));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::{Code, CodeSet};
    use crate::engine::Tally;
    use crate::model::{Plan, PlanType, Procedure};
    use crate::money::Cents;

    #[test]
    fn table() {
        // (code, annual max, used, estimate, want, line)
        let cases = [
            ("D1110", Some(100_000), 100_000, 12_000, 12_000, true), // max used up: still paid
            ("D0150", Some(100_000), 0, 9_000, 9_000, true),
            ("D1110", None, 0, 12_000, 12_000, false), // no max: nothing to say
            ("D2391", Some(100_000), 100_000, 12_000, 0, false), // not exempt: limited
            ("D1110", Some(100_000), 0, 0, 0, false),
        ];
        for (i, (code, max, used, est, want, line)) in cases.into_iter().enumerate() {
            let mut plan = Plan::new("P", PlanType::Percentage);
            plan.max_exempt = CodeSet::parse("D0000-D1999").unwrap();
            plan.annual_max = max.map(Cents);
            plan.used.annual = Cents(used);
            let proc = Procedure {
                code: Code::parse(code).unwrap(),
                fee: Cents(est),
                units: 1,
                tooth: None,
            };
            let mut w = Work::new(&plan, 0, &proc);
            w.estimate = Cents(est);
            let mut ex = Explain::on();
            if !apply(&mut w, &mut ex) {
                crate::limits::apply(&mut w, &Tally::default(), &mut ex);
            }
            assert_eq!(w.estimate, Cents(want), "case {i}");
            let said = ex
                .take()
                .iter()
                .any(|l| l == &format!("P: {code} not counted against the maximum"));
            assert_eq!(said, line, "case {i}");
        }
    }
}
