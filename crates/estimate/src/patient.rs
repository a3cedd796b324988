//! Step 10: the patient portion = fee × units − Σ insurance estimates − Σ write-offs.
use crate::engine::{Earlier, Explain};
use crate::money::Cents;

pub fn portion(fee: Cents, plans: &Earlier, ex: &mut Explain) -> Cents {
    let patient = fee.saturating_sub(plans.estimates + plans.write_offs);
    ex.line(|| {
        let mut s = format!("Patient portion: {fee}");
        if !plans.estimates.is_zero() {
            s += &format!(" − {} insurance", plans.estimates);
        }
        if !plans.write_offs.is_zero() {
            s += &format!(" − {} write-off", plans.write_offs);
        }
        s + &format!(" = {patient}")
    });
    patient
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases = [
            (
                20_000,
                14_000,
                5_000,
                1_000,
                "Patient portion: $200.00 − $140.00 insurance − $50.00 write-off = $10.00",
            ),
            (
                12_000,
                12_000,
                0,
                0,
                "Patient portion: $120.00 − $120.00 insurance = $0.00",
            ),
            (
                110_000,
                0,
                0,
                110_000,
                "Patient portion: $1,100.00 = $1,100.00",
            ),
        ];
        for (fee, est, wo, want, line) in cases {
            let mut ex = Explain::on();
            let earlier = Earlier {
                estimates: Cents(est),
                write_offs: Cents(wo),
                write_off_by: None,
            };
            assert_eq!(portion(Cents(fee), &earlier, &mut ex), Cents(want));
            assert_eq!(ex.take(), vec![line.to_string()]);
        }
    }
}
