//! Step 6: coordination of benefits. For a secondary (or later) plan, `normal` is what it would pay
//! alone (after its own deductible, percentage and limits):
//! - basic: min(normal, secondary allowed − Σ earlier estimates), never below 0;
//! - standard: min(normal, fee − Σ earlier estimates − Σ earlier write-offs), never below 0;
//! - carve-out: max(0, normal − Σ earlier estimates).
//!
//! A secondary without a `cob` method coordinates by `standard`. Whatever the method, no plan pays
//! more than what is still open on the procedure (fee − earlier estimates − earlier write-offs), so
//! the patient portion never goes negative.
use crate::engine::{Earlier, Explain, Work};
use crate::model::CobMethod;

pub fn apply(w: &mut Work, earlier: &Earlier, ex: &mut Explain) {
    let open = w.fee.saturating_sub(earlier.estimates + earlier.write_offs);
    if w.ordinal > 0 {
        let method = w.plan.cob.unwrap_or(CobMethod::Standard);
        let normal = w.estimate;
        w.estimate = match method {
            CobMethod::Basic => normal.min(w.allowed.saturating_sub(earlier.estimates)),
            CobMethod::Standard => normal.min(open),
            CobMethod::CarveOut => normal.saturating_sub(earlier.estimates),
        };
        if w.estimate != normal || !earlier.estimates.is_zero() {
            ex.line(|| {
                let (name, m, est, paid) = (w.name(), method.name(), w.estimate, earlier.estimates);
                match method {
                    CobMethod::Basic => format!(
                        "{name} ({m} COB): pays the lesser of {normal} and allowed {} − {paid} paid by earlier plans = {est}",
                        w.allowed
                    ),
                    CobMethod::Standard => format!(
                        "{name} ({m} COB): pays the lesser of {normal} and the {open} still open after earlier plans = {est}"
                    ),
                    CobMethod::CarveOut => {
                        format!("{name} ({m} COB): {normal} it would pay alone − {paid} paid by earlier plans = {est}")
                    }
                }
            });
        }
    }
    if w.estimate > open {
        w.estimate = open;
        w.notes
            .push("limited to the balance left after earlier plans".into());
        ex.line(|| {
            format!(
                "{}: only {open} is left open on the procedure → {open}",
                w.name()
            )
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Code;
    use crate::model::{Plan, PlanType, Procedure};
    use crate::money::Cents;

    #[test]
    fn table() {
        // (method, ordinal, fee, own allowed, normal, earlier estimates, earlier write-offs, want)
        let cases = [
            (
                Some(CobMethod::CarveOut),
                1,
                20_000,
                20_000,
                14_000,
                12_000,
                5_000,
                2_000,
            ), // shared example
            (
                Some(CobMethod::CarveOut),
                1,
                20_000,
                20_000,
                10_000,
                12_000,
                5_000,
                0,
            ),
            (
                Some(CobMethod::CarveOut),
                1,
                20_000,
                20_000,
                16_000,
                2_000,
                5_000,
                13_000,
            ), // capped at the open 130
            (
                Some(CobMethod::Standard),
                1,
                20_000,
                20_000,
                14_000,
                12_000,
                5_000,
                3_000,
            ),
            (
                Some(CobMethod::Standard),
                1,
                20_000,
                20_000,
                2_000,
                12_000,
                5_000,
                2_000,
            ),
            (None, 1, 20_000, 20_000, 14_000, 12_000, 5_000, 3_000), // default: standard
            (
                Some(CobMethod::Basic),
                1,
                20_000,
                15_000,
                14_000,
                12_000,
                0,
                3_000,
            ),
            (
                Some(CobMethod::Basic),
                1,
                20_000,
                15_000,
                14_000,
                16_000,
                0,
                0,
            ),
            (
                Some(CobMethod::Basic),
                1,
                20_000,
                20_000,
                14_000,
                2_000,
                15_000,
                3_000,
            ), // open balance guard
            (None, 0, 20_000, 15_000, 12_000, 0, 0, 12_000), // primary: unchanged
        ];
        for (i, (method, ordinal, fee, allowed, normal, est, wo, want)) in
            cases.into_iter().enumerate()
        {
            let mut plan = Plan::new("S", PlanType::Percentage);
            plan.cob = method;
            let proc = Procedure {
                code: Code::parse("D2392").unwrap(),
                fee: Cents(fee),
                units: 1,
                tooth: None,
            };
            let mut w = Work::new(&plan, ordinal, &proc);
            w.allowed = Cents(allowed);
            w.estimate = Cents(normal);
            let earlier = Earlier {
                estimates: Cents(est),
                write_offs: Cents(wo),
                write_off_by: None,
            };
            apply(&mut w, &earlier, &mut Explain::on());
            assert_eq!(w.estimate, Cents(want), "case {i}");
        }
    }
}
