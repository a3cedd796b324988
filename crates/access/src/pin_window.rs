//! A PIN is a quick switch, not a sign-in: it is accepted only when the same user signed in with
//! their full password on this workstation within the last N hours (office setting).
use chrono::{DateTime, Duration, Utc};

pub const DEFAULT_PIN_WINDOW_HOURS: u32 = 12;
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 5;

pub fn pin_allowed(
    last_password_sign_in: Option<DateTime<Utc>>,
    window_hours: u32,
    now: DateTime<Utc>,
) -> bool {
    match last_password_sign_in {
        Some(at) => at <= now && now - at <= Duration::hours(window_hours as i64),
        None => false,
    }
}

/// True when the session has been idle for `minutes` or longer.
pub fn idle_expired(last_activity: DateTime<Utc>, minutes: u32, now: DateTime<Utc>) -> bool {
    now - last_activity >= Duration::minutes(minutes as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn window_edges() {
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 20, 0, 0).unwrap();
        assert!(!pin_allowed(None, 12, now));
        assert!(pin_allowed(Some(now - Duration::hours(12)), 12, now));
        assert!(!pin_allowed(
            Some(now - Duration::hours(12) - Duration::seconds(1)),
            12,
            now
        ));
        assert!(!pin_allowed(Some(now + Duration::minutes(1)), 12, now));
        assert!(idle_expired(now - Duration::minutes(5), 5, now));
        assert!(!idle_expired(now - Duration::seconds(299), 5, now));
    }
}
