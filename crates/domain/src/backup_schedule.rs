//! When an automatic backup is due: once a day at the office's chosen local time (the first check
//! after that time, if the last good one is older), and when the app closes (if chosen). And when
//! the front desk must be warned: the last good backup is older than 2 days, or there is none.
use chrono::{DateTime, Duration, NaiveDateTime, NaiveTime, Utc};

pub const STALE_AFTER_DAYS: i64 = 2;

/// A "HH:MM" time of day.
pub fn parse_time_of_day(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M").ok()
}

/// `now_local` and `last_good_local` are on the clinic's clock.
pub fn daily_due(
    at: NaiveTime,
    now_local: NaiveDateTime,
    last_attempt_local: Option<NaiveDateTime>,
) -> bool {
    let today_slot = now_local.date().and_time(at);
    let slot = if now_local >= today_slot {
        today_slot
    } else {
        today_slot - Duration::days(1)
    };
    // Once per slot: an attempt (good or failed) after the slot waits for the next one, so a
    // failing target is not retried every minute; the banner says it failed.
    last_attempt_local.is_none_or(|t| t < slot)
}

/// True when the front desk should see the red banner.
pub fn backup_stale(last_good: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    match last_good {
        Some(t) => now - t > Duration::days(STALE_AFTER_DAYS),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn local(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn due_once_after_the_daily_time() {
        let at = parse_time_of_day("18:30").unwrap();
        assert!(daily_due(at, local(2, 18, 30), Some(local(1, 18, 31))));
        assert!(!daily_due(at, local(2, 18, 29), Some(local(1, 18, 31))));
        assert!(!daily_due(at, local(2, 19, 0), Some(local(2, 18, 31))));
        // The PC was off at 18:30: the next morning's first check catches up.
        assert!(daily_due(at, local(3, 8, 0), Some(local(1, 18, 31))));
        assert!(daily_due(at, local(3, 8, 0), None));
        assert_eq!(parse_time_of_day("25:00"), None);
        assert_eq!(parse_time_of_day("7pm"), None);
    }

    #[test]
    fn stale_after_two_days() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        assert!(backup_stale(None, now));
        assert!(!backup_stale(Some(now - Duration::hours(47)), now));
        assert!(backup_stale(Some(now - Duration::hours(49)), now));
    }
}
