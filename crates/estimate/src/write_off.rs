//! Step 9: the PPO write-off, fee − allowed. It is taken once, by the first PPO plan that has one.
//! When the max leaves nothing to pay, the write-off still applies unless the plan says
//! `write_off_when_max_reached: false`. It never exceeds what is still open on the procedure.
use crate::engine::{Earlier, Explain, Work};
use crate::model::{PlanType, Scenario};
use crate::money::Cents;

pub fn apply(w: &mut Work, earlier: &Earlier, scenario: &Scenario, ex: &mut Explain) {
    w.write_off = Cents::ZERO;
    if w.plan.plan_type != PlanType::Ppo {
        return;
    }
    let difference = w.fee.saturating_sub(w.allowed);
    if difference.is_zero() {
        return;
    }
    if let Some(by) = earlier.write_off_by {
        ex.line(|| {
            format!(
                "{}: no write-off, {} already wrote off the difference",
                w.name(),
                scenario.plans[by].name
            )
        });
        return;
    }
    if w.max_left_nothing && !w.plan.write_off_when_max_reached {
        w.notes.push("no write-off once the max is reached".into());
        ex.line(|| {
            format!(
                "{}: max reached and the office bills the full fee, so no write-off",
                w.name()
            )
        });
        return;
    }
    let open = w
        .fee
        .saturating_sub(earlier.estimates + earlier.write_offs + w.estimate);
    w.write_off = difference.min(open);
    ex.line(|| {
        if w.write_off == difference {
            format!(
                "{}: write-off {difference} (office fee {} − allowed {})",
                w.name(),
                w.fee,
                w.allowed
            )
        } else {
            format!(
                "{}: write-off {difference} limited to the {open} still open → {open}",
                w.name()
            )
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Code;
    use crate::model::{Plan, Procedure};
    use chrono::NaiveDate;

    #[test]
    fn table() {
        // (type, fee, allowed, own estimate, max left nothing, write off when max reached,
        //  earlier estimates, earlier write-off by, want)
        let cases = [
            (
                PlanType::Ppo,
                20_000,
                15_000,
                12_000,
                false,
                true,
                0,
                None,
                5_000,
            ),
            (
                PlanType::Percentage,
                20_000,
                20_000,
                16_000,
                false,
                true,
                0,
                None,
                0,
            ),
            (
                PlanType::Ppo,
                20_000,
                20_000,
                16_000,
                false,
                true,
                0,
                None,
                0,
            ),
            (PlanType::Ppo, 20_000, 15_000, 0, true, true, 0, None, 5_000),
            (PlanType::Ppo, 20_000, 15_000, 0, true, false, 0, None, 0),
            (
                PlanType::Ppo,
                20_000,
                15_000,
                3_000,
                false,
                true,
                12_000,
                Some(0),
                0,
            ), // taken once
            (
                PlanType::Ppo,
                20_000,
                15_000,
                0,
                false,
                true,
                20_000,
                None,
                0,
            ), // nothing open
            (
                PlanType::Ppo,
                20_000,
                15_000,
                0,
                false,
                true,
                17_000,
                None,
                3_000,
            ),
        ];
        let scenario = Scenario {
            date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            plans: vec![Plan::new("First", PlanType::Ppo)],
            history: vec![],
            procedures: vec![],
            birth_date: None,
            fees: Default::default(),
        };
        for (i, (ty, fee, allowed, est, nothing, flag, earlier_est, by, want)) in
            cases.into_iter().enumerate()
        {
            let mut plan = Plan::new("P", ty);
            plan.write_off_when_max_reached = flag;
            let proc = Procedure {
                code: Code::parse("D2392").unwrap(),
                fee: Cents(fee),
                units: 1,
                tooth: None,
            };
            let mut w = Work::new(&plan, 1, &proc);
            w.allowed = Cents(allowed);
            w.estimate = Cents(est);
            w.max_left_nothing = nothing;
            let earlier = Earlier {
                estimates: Cents(earlier_est),
                write_offs: Cents::ZERO,
                write_off_by: by,
            };
            apply(&mut w, &earlier, &scenario, &mut Explain::on());
            assert_eq!(w.write_off, Cents(want), "case {i}");
        }
    }
}
