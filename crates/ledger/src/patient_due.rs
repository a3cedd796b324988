//! "Balance − estimated insurance = patient due", as on the statement and the remittance stub.
//!
//! Patient due is never shown below zero: when the pending insurance estimate is more than the
//! balance, or the account has a credit, the patient owes nothing now (a credit is shown on its own
//! on the statement, not as a negative amount due). A negative insurance estimate counts as none.
use frontdesk_domain::money::Cents;

/// `balance − estimated_insurance_pending`, never below zero.
pub fn patient_due(balance: Cents, estimated_insurance_pending: Cents) -> Cents {
    balance.saturating_sub(estimated_insurance_pending.max(Cents::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patient_due_table() {
        let cases = [
            (10_000, 6_000, 4_000),
            (10_000, 0, 10_000),
            (10_000, 10_000, 0),
            (5_000, 8_000, 0),
            (-2_000, 0, 0),
            (-2_000, 1_000, 0),
            (3_000, -500, 3_000),
        ];
        for (bal, ins, want) in cases {
            assert_eq!(
                patient_due(Cents(bal), Cents(ins)),
                Cents(want),
                "{bal} {ins}"
            );
        }
    }
}
