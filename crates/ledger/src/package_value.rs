//! What a prepaid package still holds: the sessions not yet redeemed, at the price paid per
//! session, rounded down to the cent once (so the value of the last session carries the
//! remainder of an uneven split and the values of all sessions add up to the price).
use frontdesk_domain::money::Cents;

/// Sessions left of `sessions` after `redeemed` (never below zero).
pub fn remaining_sessions(sessions: i64, redeemed: i64) -> i64 {
    (sessions - redeemed).max(0)
}

/// The value of the sessions left, in cents.
pub fn remaining_value(price: Cents, sessions: i64, redeemed: i64) -> Cents {
    Cents(price.0 * remaining_sessions(sessions, redeemed) / sessions.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unredeemed_sessions_at_the_price_per_session() {
        assert_eq!(remaining_value(Cents(100_000), 4, 1), Cents(75_000));
        assert_eq!(remaining_value(Cents(100_000), 3, 0), Cents(100_000));
        // $1,000 over 3 sessions: two left are worth $666.66 (rounded down once, not per session).
        assert_eq!(remaining_value(Cents(100_000), 3, 1), Cents(66_666));
        assert_eq!(remaining_value(Cents(100_000), 3, 3), Cents(0));
        assert_eq!(remaining_value(Cents(100_000), 3, 5), Cents(0));
        assert_eq!(remaining_sessions(3, 5), 0);
    }
}
