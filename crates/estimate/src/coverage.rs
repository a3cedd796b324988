//! Step 5: the coverage percentage of the code's category → the insurance estimate,
//! (allowed − copay − deductible) × percent, rounded once to the cent. When several ranges contain a
//! code the narrowest wins (so `D2740` at 50 % overrides `D2000-D2999` at 80 %); a code in no range has
//! no benefit.
use crate::codes::Code;
use crate::engine::{Explain, Work};
use crate::model::Plan;
use crate::money::Percent;

pub fn percent_for(plan: &Plan, code: Code) -> Option<Percent> {
    let mut best: Option<(u32, Percent)> = None;
    for rule in &plan.coverage {
        if let Some(width) = rule.codes.narrowest(code) {
            if best.is_none_or(|(w, _)| width < w) {
                best = Some((width, rule.percent));
            }
        }
    }
    best.map(|(_, p)| p)
}

pub fn apply(w: &mut Work, ex: &mut Explain) {
    let Some(percent) = w.percent else {
        w.estimate = crate::money::Cents::ZERO;
        w.notes
            .push(format!("{} is not covered by this plan", w.code()));
        ex.line(|| {
            format!(
                "{}: {} is not in any covered category, so the plan pays nothing",
                w.name(),
                w.code()
            )
        });
        return;
    };
    let payable = w.base().saturating_sub(w.deductible);
    w.estimate = percent.of(payable);
    ex.line(|| {
        format!(
            "{}: plan pays {percent} of {payable} = {}",
            w.name(),
            w.estimate
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::CodeSet;
    use crate::model::{CoverageRule, PlanType, Procedure};
    use crate::money::Cents;

    fn plan() -> Plan {
        let mut p = Plan::new("P", PlanType::Percentage);
        for (codes, pct) in [
            ("D0000-D1999", 100),
            ("D2000-D2999", 80),
            ("D2740,D2750", 50),
            ("D4000-D4999", 0),
        ] {
            p.coverage.push(CoverageRule {
                codes: CodeSet::parse(codes).unwrap(),
                percent: Percent::from_whole(pct).unwrap(),
            });
        }
        p
    }

    #[test]
    fn table() {
        // (code, allowed, copay, deductible, percent, estimate)
        let cases = [
            ("D1110", 12_000, 0, 0, Some(100), 12_000),
            ("D2391", 21_000, 0, 5_000, Some(80), 12_800),
            ("D2740", 110_000, 0, 0, Some(50), 55_000), // narrowest range wins
            ("D2391", 21_000, 1_000, 5_000, Some(80), 12_000),
            ("D2391", 3_333, 0, 0, Some(80), 2_666), // 26.664 → 26.66
            ("D2750", 3_335, 0, 0, Some(50), 1_668), // 16.675 → 16.68, half up
            ("D4341", 20_000, 0, 0, Some(0), 0),
            ("D9972", 40_000, 0, 0, None, 0),
        ];
        let plan = plan();
        for (code, allowed, copay, ded, pct, want) in cases {
            let code = Code::parse(code).unwrap();
            let proc = Procedure {
                code,
                fee: Cents(allowed),
                units: 1,
                tooth: None,
            };
            let mut w = Work::new(&plan, 0, &proc);
            w.percent = percent_for(&plan, code);
            assert_eq!(w.percent.map(|p| p.basis_points() / 100), pct, "{code}");
            w.copay = Cents(copay);
            w.deductible = Cents(ded);
            apply(&mut w, &mut Explain::on());
            assert_eq!(w.estimate, Cents(want), "{code} {allowed}");
            assert_eq!(w.notes.is_empty(), pct.is_some());
        }
    }
}
