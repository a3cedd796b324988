//! Steps 1–2: the fee (× units) and the allowed amount. A PPO pays on its allowed-fee schedule, never
//! above the office fee; a percentage plan (or a code missing from the schedule) uses the fee.
use crate::engine::{Explain, Work};
use crate::model::{PlanType, Procedure};
use crate::money::Cents;

/// Step 1: fee × units, with its explanation line.
pub fn explain_fee(proc: &Procedure, ex: &mut Explain) -> Cents {
    let fee = proc.fee.times(proc.units);
    ex.line(|| {
        if proc.units == 1 {
            format!("{}: office fee {fee}", proc.code)
        } else {
            format!(
                "{}: office fee {} units × {} = {fee}",
                proc.code, proc.units, proc.fee
            )
        }
    });
    fee
}

/// The allowed amount per unit: `None` when the plan has no schedule entry (or is not a PPO).
pub fn allowed_per_unit(w: &Work) -> Option<Cents> {
    match w.plan.plan_type {
        PlanType::Percentage => None,
        PlanType::Ppo => w
            .plan
            .allowed
            .get(&w.code())
            .map(|a| (*a).min(w.procedure.fee)),
    }
}

/// Step 2.
pub fn apply(w: &mut Work, ex: &mut Explain) {
    w.allowed = w.fee;
    w.basis = w.fee;
    if w.plan.plan_type != PlanType::Ppo {
        return;
    }
    match w.plan.allowed.get(&w.code()) {
        None => {
            w.notes.push(format!(
                "no allowed fee on file for {}; the office fee is used",
                w.code()
            ));
            ex.line(|| {
                format!(
                    "{}: no allowed fee on file for {}, so the office fee {} is used",
                    w.name(),
                    w.code(),
                    w.fee
                )
            });
        }
        Some(&scheduled) => {
            let per_unit = scheduled.min(w.procedure.fee);
            w.allowed = per_unit.times(w.procedure.units);
            w.basis = w.allowed;
            if scheduled > w.procedure.fee {
                ex.line(|| {
                    format!(
                        "{}: allowed fee {scheduled} is above the office fee, so {} is allowed",
                        w.name(),
                        w.allowed
                    )
                });
            } else if w.allowed != w.fee {
                ex.line(|| {
                    format!(
                        "{}: allowed fee {} (office fee {})",
                        w.name(),
                        w.allowed,
                        w.fee
                    )
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Code;
    use crate::model::Plan;

    #[test]
    fn table() {
        let code = Code::parse("D2740").unwrap();
        // (plan type, schedule per unit, fee per unit, units, allowed total, has note)
        let cases = [
            (PlanType::Ppo, Some(90_000), 120_000, 1, 90_000, false),
            (PlanType::Ppo, Some(150_000), 120_000, 1, 120_000, false), // capped at the office fee
            (PlanType::Ppo, Some(5_000), 8_000, 3, 15_000, false),      // per unit
            (PlanType::Ppo, None, 120_000, 1, 120_000, true),           // not on the schedule
            (PlanType::Percentage, None, 120_000, 2, 240_000, false),
        ];
        for (ty, schedule, fee, units, want, note) in cases {
            let mut plan = Plan::new("P", ty);
            if let Some(a) = schedule {
                plan.allowed.insert(code, Cents(a));
            }
            let proc = Procedure {
                code,
                fee: Cents(fee),
                units,
                tooth: None,
            };
            let mut w = Work::new(&plan, 0, &proc);
            let mut ex = Explain::on();
            apply(&mut w, &mut ex);
            assert_eq!(
                w.allowed,
                Cents(want),
                "{ty:?} {schedule:?} {fee} × {units}"
            );
            assert_eq!(!w.notes.is_empty(), note);
            assert_eq!(
                ex.take().is_empty(),
                want == fee * i64::from(units) && !note && schedule.is_none()
            );
        }
    }

    #[test]
    fn fee_line() {
        let proc = Procedure {
            code: Code::parse("D9230").unwrap(),
            fee: Cents(4_000),
            units: 3,
            tooth: None,
        };
        let mut ex = Explain::on();
        assert_eq!(explain_fee(&proc, &mut ex), Cents(12_000));
        assert_eq!(
            ex.take(),
            vec!["D9230: office fee 3 units × $40.00 = $120.00".to_string()]
        );
    }
}
