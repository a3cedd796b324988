//! Step 3: a fixed patient amount per unit, taken off the allowed amount before the percentage.
use crate::engine::{Explain, Work};

pub fn apply(w: &mut Work, ex: &mut Explain) {
    let Some(&per_unit) = w.plan.copay.get(&w.code()) else {
        return;
    };
    w.copay = per_unit.times(w.procedure.units).min(w.allowed);
    if !w.copay.is_zero() {
        ex.line(|| {
            format!(
                "{}: copay {} is the patient's; {} left for the plan",
                w.name(),
                w.copay,
                w.base()
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
        let code = Code::parse("D0150").unwrap();
        // (copay per unit, allowed total, units, copay, base)
        let cases = [
            (None, 9_000, 1, 0, 9_000),
            (Some(500), 9_000, 1, 500, 8_500),
            (Some(500), 9_000, 2, 1_000, 8_000),
            (Some(12_000), 9_000, 1, 9_000, 0), // never more than the allowed amount
        ];
        for (copay, allowed, units, want_copay, want_base) in cases {
            let mut plan = Plan::new("P", PlanType::Ppo);
            if let Some(c) = copay {
                plan.copay.insert(code, Cents(c));
            }
            let proc = Procedure {
                code,
                fee: Cents(10_000),
                units,
                tooth: None,
            };
            let mut w = Work::new(&plan, 0, &proc);
            w.allowed = Cents(allowed);
            w.basis = Cents(allowed);
            apply(&mut w, &mut Explain::on());
            assert_eq!(
                (w.copay, w.base()),
                (Cents(want_copay), Cents(want_base)),
                "{copay:?}"
            );
        }
    }
}
