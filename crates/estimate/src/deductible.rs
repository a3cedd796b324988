//! Step 4: the deductible. The most specific remaining deductible applies (a code-specific one before
//! the individual one); it reduces the insurance payment, not the allowed amount. A family deductible
//! caps what is left of the individual one: once the family has met it, nobody pays more. A code
//! without a coverage percentage (or at 0 %) gets no deductible, and a waived code range gets none.
use crate::engine::{Explain, Tally, Work};
use crate::money::Cents;

/// The individual deductible still to be met before this procedure, never more than what is left
/// of the family deductible.
pub fn individual_remaining(w: &Work, tally: &Tally) -> Option<Cents> {
    let individual = w
        .plan
        .deductible
        .map(|d| d.saturating_sub(w.plan.used.deductible + tally.deductible));
    let family = family_remaining(w, tally);
    match (individual, family) {
        (Some(i), Some(f)) => Some(i.min(f)),
        (i, None) => i,
        (None, f) => f,
    }
}

/// What is left of the family deductible before this procedure (this patient's earlier procedures
/// count toward it).
pub fn family_remaining(w: &Work, tally: &Tally) -> Option<Cents> {
    w.plan
        .family_deductible
        .map(|d| d.saturating_sub(w.plan.used.family_deductible + tally.deductible))
}

pub fn apply(w: &mut Work, tally: &Tally, ex: &mut Explain) {
    w.deductible = Cents::ZERO;
    let individual = individual_remaining(w, tally);
    if w.percent.is_none_or(|p| p.basis_points() == 0) {
        return;
    }
    let base = w.base();
    if let Some(&code_max) = w.plan.code_deductibles.get(&w.code()) {
        let code_left = code_max.saturating_sub(tally.code_deductible_used(w.code()));
        let mut applied = code_left.min(base);
        if let Some(ind) = individual {
            applied = applied.min(ind);
        }
        w.deductible = applied;
        if !applied.is_zero() {
            ex.line(|| {
                format!(
                    "{}: deductible for {} ({code_max} at most) {applied} applied",
                    w.name(),
                    w.code()
                )
            });
        }
        return;
    }
    let Some(left) = individual else {
        return;
    };
    if left.is_zero() {
        return;
    }
    if w.plan.deductible_waived.contains(w.code()) {
        ex.line(|| format!("{}: deductible waived for {}", w.name(), w.code()));
        return;
    }
    w.deductible = left.min(base);
    let family_left = family_remaining(w, tally).map(|f| f - w.deductible);
    ex.line(|| match family_left {
        Some(f) => format!(
            "{}: deductible {} applied ({} of it left this benefit year; family deductible {f} left)",
            w.name(),
            w.deductible,
            left - w.deductible
        ),
        None => format!(
            "{}: deductible {} applied ({} of it left this benefit year)",
            w.name(),
            w.deductible,
            left - w.deductible
        ),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::{Code, CodeSet};
    use crate::model::{Plan, PlanType, Procedure};
    use crate::money::Percent;

    struct Case {
        deductible: Option<i64>,
        used: i64,
        earlier: i64,
        code_deductible: Option<i64>,
        code_earlier: i64,
        waived: bool,
        percent: Option<u16>,
        base: i64,
        want: i64,
    }

    #[test]
    fn table() {
        let c = |deductible, used, earlier, code_deductible, waived, percent, base, want| Case {
            deductible,
            used,
            earlier,
            code_deductible,
            code_earlier: 0,
            waived,
            percent,
            base,
            want,
        };
        let mut cases = vec![
            c(Some(5_000), 0, 0, None, false, Some(80), 21_000, 5_000),
            c(Some(5_000), 2_000, 0, None, false, Some(80), 21_000, 3_000),
            c(Some(5_000), 2_000, 3_000, None, false, Some(80), 21_000, 0), // met by earlier procedures
            c(Some(5_000), 0, 0, None, false, Some(80), 3_000, 3_000), // never more than the base
            c(Some(5_000), 0, 0, None, true, Some(100), 12_000, 0),    // waived
            c(Some(5_000), 0, 0, None, false, None, 12_000, 0),        // no coverage, no deductible
            c(Some(5_000), 0, 0, None, false, Some(0), 12_000, 0),     // 0 %: same
            c(None, 0, 0, None, false, Some(80), 12_000, 0),           // no deductible
            c(
                Some(5_000),
                0,
                0,
                Some(4_500),
                false,
                Some(80),
                12_000,
                4_500,
            ), // code-specific
            c(
                Some(5_000),
                1_000,
                0,
                Some(4_500),
                false,
                Some(80),
                12_000,
                4_000,
            ), // …within the individual
            c(None, 0, 0, Some(4_500), false, Some(80), 12_000, 4_500), // code-specific alone
            c(
                Some(5_000),
                0,
                0,
                Some(4_500),
                true,
                Some(80),
                12_000,
                4_500,
            ), // more specific than the waiver
        ];
        let mut again = c(None, 0, 0, Some(4_500), false, Some(80), 12_000, 1_500);
        again.code_earlier = 3_000;
        cases.push(again);
        let code = Code::parse("D0330").unwrap();
        for (i, k) in cases.iter().enumerate() {
            run_case(i, k, code, None);
        }
    }

    /// Individual $50, family $150: the family's $130 already met leaves $20; this patient's own
    /// earlier procedures count toward the family too; no individual deductible, family only.
    #[test]
    fn the_family_deductible_caps_the_individual_one() {
        let code = Code::parse("D2391").unwrap();
        let k = |deductible, used, earlier, want| Case {
            deductible,
            used,
            earlier,
            code_deductible: None,
            code_earlier: 0,
            waived: false,
            percent: Some(80),
            base: 20_000,
            want,
        };
        for (i, (case, family_used)) in [
            (k(Some(5_000), 0, 0, 2_000), 13_000),
            (k(Some(5_000), 0, 1_000, 1_000), 13_000),
            (k(Some(5_000), 0, 0, 5_000), 0),
            (k(Some(5_000), 0, 0, 0), 15_000),
            (k(None, 0, 0, 15_000), 0),
        ]
        .iter()
        .enumerate()
        {
            run_case(i, case, code, Some((15_000, *family_used)));
        }
    }

    fn run_case(i: usize, k: &Case, code: Code, family: Option<(i64, i64)>) {
        {
            let mut plan = Plan::new("P", PlanType::Percentage);
            plan.deductible = k.deductible.map(Cents);
            if let Some((deductible, used)) = family {
                plan.family_deductible = Some(Cents(deductible));
                plan.used.family_deductible = Cents(used);
            }
            plan.used.deductible = Cents(k.used);
            if let Some(d) = k.code_deductible {
                plan.code_deductibles.insert(code, Cents(d));
            }
            if k.waived {
                plan.deductible_waived = CodeSet::parse("D0000-D1999,D0330").unwrap();
            }
            let mut tally = Tally {
                deductible: Cents(k.earlier),
                ..Tally::default()
            };
            if k.code_earlier > 0 {
                tally.code_deductibles.push((code, Cents(k.code_earlier)));
            }
            let proc = Procedure {
                code,
                fee: Cents(k.base),
                units: 1,
                tooth: None,
            };
            let mut w = Work::new(&plan, 0, &proc);
            w.percent = k.percent.map(|p| Percent::from_whole(p).unwrap());
            apply(&mut w, &tally, &mut Explain::on());
            assert_eq!(w.deductible, Cents(k.want), "case {i}");
        }
    }
}
