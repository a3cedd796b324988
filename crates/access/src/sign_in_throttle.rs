//! Failed sign-ins, per user: the first few are free, then each next attempt waits a growing delay
//! (1 s, 2 s, 4 s … from the last failure); the 10th failure locks the user out until an
//! administrator unlocks them. A good sign-in resets the count. All on the injected clock.
use chrono::{DateTime, Duration, Utc};

/// Failures before any delay.
pub const FREE_FAILURES: u32 = 3;
/// The failure that locks the user out.
pub const LOCK_AFTER: u32 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Attempts {
    pub failed: u32,
    pub last_failed_at: Option<DateTime<Utc>>,
    pub locked_out: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Open,
    /// Try again at this time (the password is not even checked before then).
    Wait(DateTime<Utc>),
    LockedOut,
}

/// The delay after `failed` failures.
pub fn delay_after(failed: u32) -> Duration {
    if failed < FREE_FAILURES {
        Duration::zero()
    } else {
        Duration::seconds(1i64 << (failed - FREE_FAILURES).min(16))
    }
}

pub fn gate(a: &Attempts, now: DateTime<Utc>) -> Gate {
    if a.locked_out {
        return Gate::LockedOut;
    }
    match a.last_failed_at {
        Some(last) if a.failed >= FREE_FAILURES => {
            let until = last + delay_after(a.failed);
            if now < until {
                Gate::Wait(until)
            } else {
                Gate::Open
            }
        }
        _ => Gate::Open,
    }
}

/// After a wrong password or PIN.
pub fn failed(a: &Attempts, now: DateTime<Utc>) -> Attempts {
    let failed = a.failed + 1;
    Attempts {
        failed,
        last_failed_at: Some(now),
        locked_out: a.locked_out || failed >= LOCK_AFTER,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn growing_delay_then_lock_out() {
        let t0 = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let mut a = Attempts::default();
        let mut now = t0;
        for i in 1..=FREE_FAILURES {
            assert_eq!(gate(&a, now), Gate::Open, "attempt {i}");
            a = failed(&a, now);
        }
        // After the 3rd failure: wait 1 s.
        assert_eq!(gate(&a, now), Gate::Wait(now + Duration::seconds(1)));
        now += Duration::seconds(1);
        assert_eq!(gate(&a, now), Gate::Open);
        a = failed(&a, now);
        assert_eq!(gate(&a, now), Gate::Wait(now + Duration::seconds(2)));
        while !a.locked_out {
            now += delay_after(a.failed);
            assert_eq!(gate(&a, now), Gate::Open);
            a = failed(&a, now);
        }
        assert_eq!(a.failed, LOCK_AFTER);
        assert_eq!(gate(&a, now + Duration::days(30)), Gate::LockedOut);
    }
}
