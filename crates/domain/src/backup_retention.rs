//! Which automatic backups to keep: the newest of each of the last N days that have one (daily,
//! default 14) and the newest of each of the last M months that have one (monthly, default 12).
//! Everything else made by the schedule may be removed. Pure: the backups' local dates are given.
use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDateTime};

pub const DEFAULT_KEEP_DAILY: u32 = 14;
pub const DEFAULT_KEEP_MONTHLY: u32 = 12;

/// Indexes (into `taken`) of the backups to keep. `taken` are the local times the backups were
/// made, in any order.
pub fn backups_to_keep(
    taken: &[NaiveDateTime],
    keep_daily: u32,
    keep_monthly: u32,
) -> BTreeSet<usize> {
    let mut order: Vec<usize> = (0..taken.len()).collect();
    // Newest first; equal times by index, so the choice is stable.
    order.sort_by(|a, b| taken[*b].cmp(&taken[*a]).then(a.cmp(b)));
    let mut keep = BTreeSet::new();
    let mut days = BTreeSet::new();
    let mut months = BTreeSet::new();
    for i in order {
        let t = taken[i];
        let day = t.date();
        let month = (t.year(), t.month());
        if !days.contains(&day) && days.len() < keep_daily as usize {
            days.insert(day);
            keep.insert(i);
        }
        if !months.contains(&month) && months.len() < keep_monthly as usize {
            months.insert(month);
            keep.insert(i);
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate};

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn keeps_the_newest_per_day_and_per_month() {
        // Two a day (noon and evening) for 400 days.
        let start = at(2025, 10, 1, 12);
        let mut taken = vec![];
        for d in 0..400 {
            taken.push(start + Duration::days(d));
            taken.push(start + Duration::days(d) + Duration::hours(6));
        }
        let keep = backups_to_keep(&taken, 14, 12);
        let kept: Vec<NaiveDateTime> = keep.iter().map(|i| taken[*i]).collect();
        let last = *taken.iter().max().unwrap();
        // The 14 newest days, each by its evening backup.
        for d in 0..14 {
            assert!(kept.contains(&(last - Duration::days(d))), "day {d}");
            assert!(!kept.contains(&(last - Duration::days(d) - Duration::hours(6))));
        }
        // Plus one per month for 12 months (the month's newest), counted with the daily ones.
        let months: BTreeSet<(i32, u32)> = kept.iter().map(|t| (t.year(), t.month())).collect();
        assert_eq!(months.len(), 12);
        assert!(kept.len() <= 14 + 12);
        assert!(!kept.contains(&start), "the oldest goes");
    }

    #[test]
    fn nothing_to_keep_from_nothing_and_everything_when_few() {
        assert!(backups_to_keep(&[], 14, 12).is_empty());
        let taken = [at(2026, 1, 1, 9), at(2026, 1, 2, 9)];
        assert_eq!(backups_to_keep(&taken, 14, 12).len(), 2);
        assert_eq!(backups_to_keep(&taken, 1, 0).len(), 1);
    }
}
