//! Step 2b: alternate benefits (downgrades). A plan may pay a procedure as if it were a cheaper
//! one — a posterior composite (`D2392`) as an amalgam (`D2150`). The amount the plan's percentage
//! applies to is then, per unit:
//! - PPO: the plan's allowed fee for the `to` code, capped at the allowed amount of the
//!   procedure's own code;
//! - percentage plan: the office fee of the `to` code (the scenario's `fees`), capped at the
//!   procedure's fee.
//!
//! Everything else follows the procedure's own code: coverage percentage, copay, deductible,
//! frequency, limits and the PPO write-off (fee − the allowed fee of the procedure's own code); the
//! patient pays the rest. A `posterior_only` downgrade applies on posterior teeth; a procedure
//! without a tooth is taken as posterior (the estimate then pays what the plan might pay, never
//! more). When several downgrades contain the code, the narrowest `from` wins (the first of equals).
use std::collections::BTreeMap;

use crate::codes::Code;
use crate::engine::{Explain, Work};
use crate::model::{Downgrade, Plan, PlanType, Procedure};
use crate::money::Cents;

/// The plan's downgrade for this procedure, if one applies.
pub fn find<'a>(plan: &'a Plan, proc: &Procedure) -> Option<&'a Downgrade> {
    let mut best: Option<(u32, &Downgrade)> = None;
    for d in &plan.downgrades {
        if d.posterior_only && proc.tooth.is_some_and(|t| !t.is_posterior()) {
            continue;
        }
        if let Some(width) = d.from.narrowest(proc.code) {
            if best.is_none_or(|(w, _)| width < w) {
                best = Some((width, d));
            }
        }
    }
    best.map(|(_, d)| d)
}

/// The per-unit fee the plan pays the `to` code on: its allowed fee (PPO) or the office fee.
pub fn to_fee(plan: &Plan, fees: &BTreeMap<Code, Cents>, to: Code) -> Option<Cents> {
    match plan.plan_type {
        PlanType::Ppo => plan.allowed.get(&to).copied(),
        PlanType::Percentage => fees.get(&to).copied(),
    }
}

/// Runs after the allowed amount is known: lowers what the percentage applies to.
pub fn apply(w: &mut Work, fees: &BTreeMap<Code, Cents>, ex: &mut Explain) {
    let Some(d) = find(w.plan, w.procedure) else {
        return;
    };
    let which = match w.plan.plan_type {
        PlanType::Ppo => "allowed fee",
        PlanType::Percentage => "office fee",
    };
    let Some(to_fee) = to_fee(w.plan, fees, d.to) else {
        w.notes.push(format!(
            "no {which} on file for {}; not paid as the alternate benefit",
            d.to
        ));
        ex.line(|| {
            format!(
                "{}: no {which} on file for {} (alternate benefit), so {} is paid as itself",
                w.name(),
                d.to,
                w.code()
            )
        });
        return;
    };
    // The allowed amount of the procedure's own code, per unit (never above the office fee).
    let own = w.allowed_per_unit();
    let per_unit = to_fee.min(own);
    w.basis = per_unit.times(w.procedure.units);
    w.paid_as = Some(d.to);
    w.notes
        .push(format!("paid as {} (alternate benefit)", d.to));
    let guess = if d.posterior_only && w.procedure.tooth.is_none() {
        " (no tooth given: taken as posterior)"
    } else {
        ""
    };
    ex.line(|| {
        let (name, to) = (w.name(), d.to);
        let amount = if w.procedure.units == 1 {
            format!("{}", w.basis)
        } else {
            format!("{} units × {per_unit} = {}", w.procedure.units, w.basis)
        };
        if to_fee < own {
            format!(
                "{name}: paid as {to} (alternate benefit){guess}: the plan pays on {to}'s {which} {amount} instead of {}",
                w.allowed
            )
        } else {
            format!(
                "{name}: paid as {to} (alternate benefit){guess}: {to}'s {which} {to_fee} is not below {own}, so {amount}"
            )
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::CodeSet;
    use crate::tooth::Tooth;

    fn c(s: &str) -> Code {
        Code::parse(s).unwrap()
    }

    fn plan(ty: PlanType) -> Plan {
        let mut p = Plan::new("P", ty);
        p.downgrades = vec![
            Downgrade {
                from: CodeSet::parse("D2391-D2394").unwrap(),
                to: c("D2150"),
                posterior_only: true,
            },
            Downgrade {
                from: CodeSet::parse("D2740").unwrap(),
                to: c("D2791"),
                posterior_only: false,
            },
        ];
        if ty == PlanType::Ppo {
            p.allowed.insert(c("D2392"), Cents(17_000));
            p.allowed.insert(c("D2150"), Cents(11_000));
            p.allowed.insert(c("D2740"), Cents(90_000));
            p.allowed.insert(c("D2791"), Cents(95_000)); // above the crown's own
        }
        p
    }

    #[test]
    fn table() {
        let fees: BTreeMap<Code, Cents> =
            [(c("D2150"), Cents(14_000)), (c("D2791"), Cents(80_000))]
                .into_iter()
                .collect();
        // (plan type, code, fee per unit, units, tooth, basis, paid as)
        let cases = [
            (
                PlanType::Ppo,
                "D2392",
                24_000,
                1,
                "30",
                11_000,
                Some("D2150"),
            ),
            (
                PlanType::Ppo,
                "D2392",
                24_000,
                2,
                "30",
                22_000,
                Some("D2150"),
            ), // per unit
            (PlanType::Ppo, "D2392", 24_000, 1, "8", 17_000, None), // anterior
            (PlanType::Ppo, "D2392", 24_000, 1, "", 11_000, Some("D2150")), // no tooth: posterior
            (
                PlanType::Ppo,
                "D2392",
                24_000,
                1,
                "A",
                11_000,
                Some("D2150"),
            ), // primary molar
            (PlanType::Ppo, "D2392", 24_000, 1, "E", 17_000, None), // primary canine
            (
                PlanType::Ppo,
                "D2392",
                10_000,
                1,
                "30",
                10_000,
                Some("D2150"),
            ), // fee below both
            (
                PlanType::Ppo,
                "D2740",
                120_000,
                1,
                "8",
                90_000,
                Some("D2791"),
            ), // capped at own
            (
                PlanType::Ppo,
                "D2391",
                20_000,
                1,
                "30",
                11_000,
                Some("D2150"),
            ), // own not on file: fee
            (PlanType::Ppo, "D2330", 20_000, 1, "8", 20_000, None),
            (
                PlanType::Percentage,
                "D2392",
                24_000,
                1,
                "30",
                14_000,
                Some("D2150"),
            ),
            (
                PlanType::Percentage,
                "D2392",
                12_000,
                1,
                "30",
                12_000,
                Some("D2150"),
            ), // capped at fee
            (
                PlanType::Percentage,
                "D2740",
                120_000,
                3,
                "3",
                240_000,
                Some("D2791"),
            ),
        ];
        for (i, (ty, code, fee, units, tooth, basis, paid_as)) in cases.into_iter().enumerate() {
            let plan = plan(ty);
            let proc = Procedure {
                code: c(code),
                fee: Cents(fee),
                units,
                tooth: (!tooth.is_empty()).then(|| Tooth::parse(tooth).unwrap()),
            };
            let mut w = Work::new(&plan, 0, &proc);
            let mut ex = Explain::on();
            crate::allowed_fee::apply(&mut w, &mut ex);
            let allowed = w.allowed;
            apply(&mut w, &fees, &mut ex);
            assert_eq!(w.basis, Cents(basis), "case {i}");
            assert_eq!(w.paid_as, paid_as.map(c), "case {i}");
            assert_eq!(
                w.allowed, allowed,
                "case {i}: the own allowed amount is kept"
            );
            let lines = ex.take();
            assert_eq!(
                lines.iter().any(|l| l.contains("(alternate benefit)")),
                paid_as.is_some(),
                "case {i}: {lines:?}"
            );
        }
    }

    #[test]
    fn a_to_code_without_a_fee_is_paid_as_itself() {
        let plan = plan(PlanType::Percentage);
        let proc = Procedure {
            code: c("D2392"),
            fee: Cents(24_000),
            units: 1,
            tooth: None,
        };
        let mut w = Work::new(&plan, 0, &proc);
        apply(&mut w, &BTreeMap::new(), &mut Explain::on());
        assert_eq!((w.basis, w.paid_as), (Cents(24_000), None));
        assert!(w.notes[0].contains("no office fee on file for D2150"));
    }
}
