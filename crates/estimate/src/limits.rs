//! Step 8: the annual maximum (individual) and the family maximum, after what was used this benefit
//! year and what earlier procedures of this treatment plan consume.
use crate::engine::{Explain, Tally, Work};
use crate::money::Cents;

/// What is left of the individual and family maximums before this procedure (`None`: no maximum).
pub fn remaining(w: &Work, tally: &Tally) -> (Option<Cents>, Option<Cents>) {
    let plan = w.plan;
    let annual = plan
        .annual_max
        .map(|m| m.saturating_sub(plan.used.annual + tally.benefits));
    let family = plan
        .family_max
        .map(|m| m.saturating_sub(plan.used.family + tally.benefits));
    (annual, family)
}

pub fn apply(w: &mut Work, tally: &Tally, ex: &mut Explain) {
    let (annual, family) = remaining(w, tally);
    let before = w.estimate;
    for (left, which) in [(annual, "annual max"), (family, "family max")] {
        let Some(left) = left else { continue };
        if w.estimate > left {
            w.estimate = left;
            ex.line(|| format!("{}: {which} leaves {left} → {left}", w.name()));
            if left.is_zero() {
                w.notes.push(format!("{which} reached"));
            }
        }
    }
    w.max_left_nothing = before > Cents::ZERO && w.estimate.is_zero();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Code;
    use crate::model::{Plan, PlanType, Procedure};

    #[test]
    fn table() {
        // (annual max, used annual, family max, used family, earlier benefits, estimate, want, nothing left)
        let cases = [
            (None, 0, None, 0, 0, 55_000, 55_000, false),
            (Some(150_000), 120_000, None, 0, 0, 55_000, 30_000, false),
            (
                Some(150_000),
                120_000,
                None,
                0,
                24_800,
                55_000,
                5_200,
                false,
            ),
            (Some(150_000), 150_000, None, 0, 0, 55_000, 0, true),
            (Some(150_000), 160_000, None, 0, 0, 55_000, 0, true), // over-used counts as nothing left
            (
                Some(150_000),
                0,
                Some(250_000),
                240_000,
                0,
                55_000,
                10_000,
                false,
            ),
            (
                Some(150_000),
                0,
                Some(250_000),
                200_000,
                45_000,
                55_000,
                5_000,
                false,
            ),
            (None, 0, Some(250_000), 250_000, 0, 0, 0, false), // nothing to pay anyway
        ];
        for (i, (amax, aused, fmax, fused, earlier, est, want, nothing)) in
            cases.into_iter().enumerate()
        {
            let mut plan = Plan::new("P", PlanType::Percentage);
            plan.annual_max = amax.map(Cents);
            plan.family_max = fmax.map(Cents);
            plan.used.annual = Cents(aused);
            plan.used.family = Cents(fused);
            let proc = Procedure {
                code: Code::parse("D2740").unwrap(),
                fee: Cents(110_000),
                units: 1,
                tooth: None,
            };
            let mut w = Work::new(&plan, 0, &proc);
            w.estimate = Cents(est);
            let tally = Tally {
                benefits: Cents(earlier),
                ..Tally::default()
            };
            apply(&mut w, &tally, &mut Explain::on());
            assert_eq!(
                (w.estimate, w.max_left_nothing),
                (Cents(want), nothing),
                "case {i}"
            );
        }
    }
}
