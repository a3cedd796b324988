//! Holidays (the whole office is closed that local date) and blockouts (blocked time for the
//! office, one provider or one operatory).
//!
//! A blockout is either one-off — a real span, e.g. a provider's vacation or a staff meeting — or
//! weekly — a weekday and a local `[start, end)` period on the clinic's clock, from a first date
//! to an optional last date (both inclusive), e.g. "emergencies only, Mondays 8–9". A blockout
//! may still let some appointment types in (`allowed_types`, e.g. the emergency exam type);
//! with none listed nothing may be booked in it.
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use frontdesk_domain::{FieldError, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::hours::{DayOfWeek, TimeRange};
use crate::local_time::{day_bounds, local_date};
use crate::model::{AppointmentTypeId, OperatoryId, ProviderId};
use crate::span::Span;

pub type BlockoutId = i64;

/// The office is closed on `date` (local).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
}

/// The holiday on `date`, if any.
pub fn holiday_on(holidays: &[Holiday], date: NaiveDate) -> Option<&Holiday> {
    holidays.iter().find(|h| h.date == date)
}

/// Whose time a blockout blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockoutScope {
    /// Every provider and operatory.
    Office,
    Provider {
        provider: ProviderId,
    },
    Operatory {
        operatory: OperatoryId,
    },
}

/// When a blockout blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "repeat", rename_all = "snake_case")]
pub enum BlockoutTime {
    /// A real span, stored in UTC.
    OneOff {
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    },
    /// Every `day` from `from` to `until` (inclusive local dates; no `until` = for good), local
    /// `[start, end)` on the clinic's clock.
    Weekly {
        day: DayOfWeek,
        start: NaiveTime,
        end: NaiveTime,
        from: NaiveDate,
        until: Option<NaiveDate>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Blockout {
    pub id: BlockoutId,
    pub scope: BlockoutScope,
    pub time: BlockoutTime,
    /// Shown to the coordinator, e.g. "Emergencies only", "Staff meeting".
    pub reason: String,
    /// Appointment types that may still be booked in it; empty = none.
    #[serde(default)]
    pub allowed_types: Vec<AppointmentTypeId>,
}

impl Blockout {
    /// It blocks this provider's or this operatory's time.
    pub fn applies_to(&self, provider: ProviderId, operatory: OperatoryId) -> bool {
        match self.scope {
            BlockoutScope::Office => true,
            BlockoutScope::Provider { provider: p } => p == provider,
            BlockoutScope::Operatory { operatory: o } => o == operatory,
        }
    }

    /// This appointment type may be booked inside it.
    pub fn lets_in(&self, type_id: AppointmentTypeId) -> bool {
        self.allowed_types.contains(&type_id)
    }

    /// Its blocked span touching local `date`, if any (a one-off span is returned whole).
    pub fn span_on(&self, tz: Tz, date: NaiveDate) -> Option<Span> {
        match self.time {
            BlockoutTime::OneOff { start, end } => {
                let span = Span::new(start, end);
                span.overlaps(&day_bounds(tz, date)).then_some(span)
            }
            BlockoutTime::Weekly {
                day,
                start,
                end,
                from,
                until,
            } => {
                let on =
                    DayOfWeek::of(date) == day && from <= date && until.is_none_or(|u| date <= u);
                let span = TimeRange::new(start, end).span_on(tz, date);
                (on && !span.is_empty()).then_some(span)
            }
        }
    }

    /// It blocks some of `span`.
    pub fn overlaps(&self, tz: Tz, span: &Span) -> bool {
        match self.time {
            BlockoutTime::OneOff { start, end } => Span::new(start, end).overlaps(span),
            BlockoutTime::Weekly { .. } => dates_of(tz, span)
                .into_iter()
                .filter_map(|d| self.span_on(tz, d))
                .any(|b| b.overlaps(span)),
        }
    }

    /// `reason` is required (at most 200 characters); `end` after `start`; `until` not before
    /// `from`.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut problems = Vec::new();
        let reason = self.reason.trim();
        if reason.is_empty() {
            problems.push(FieldError::new("reason", "is required"));
        } else if reason.chars().count() > 200 {
            problems.push(FieldError::new("reason", "is longer than 200 characters"));
        }
        let ends_after = match self.time {
            BlockoutTime::OneOff { start, end } => end > start,
            BlockoutTime::Weekly {
                start,
                end,
                from,
                until,
                ..
            } => {
                if until.is_some_and(|u| u < from) {
                    problems.push(FieldError::new(
                        "until",
                        "must not be before the first date",
                    ));
                }
                end > start
            }
        };
        if !ends_after {
            problems.push(FieldError::new("end", "must be after the start"));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(problems))
        }
    }
}

/// The local dates `span` touches (one, or two across midnight; more only for a long span).
pub fn dates_of(tz: Tz, span: &Span) -> Vec<NaiveDate> {
    let first = local_date(tz, span.start);
    let last = if span.is_empty() {
        first
    } else {
        local_date(tz, span.end - Duration::nanoseconds(1))
    };
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .collect::<Vec<_>>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::America::Chicago;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn t(h: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, 0, 0).unwrap()
    }

    fn utc(m: u32, day: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, m, day, h, min, 0).unwrap()
    }

    fn weekly_monday_8_to_9(until: Option<NaiveDate>) -> Blockout {
        Blockout {
            id: 4,
            scope: BlockoutScope::Provider { provider: 1 },
            time: BlockoutTime::Weekly {
                day: DayOfWeek::Monday,
                start: t(8),
                end: t(9),
                from: d(3, 2),
                until,
            },
            reason: "Emergencies only".into(),
            allowed_types: vec![9],
        }
    }

    #[test]
    fn weekly_blockouts_follow_the_local_clock_and_their_dates() {
        let b = weekly_monday_8_to_9(Some(d(11, 30)));
        for (date, want) in [
            (d(2, 23), None),                                      // before `from`
            (d(3, 2), Some((utc(3, 2, 14, 0), utc(3, 2, 15, 0)))), // CST
            (d(3, 9), Some((utc(3, 9, 13, 0), utc(3, 9, 14, 0)))), // CDT: still 8–9 local
            (d(3, 10), None),                                      // a Tuesday
            (d(11, 30), Some((utc(11, 30, 14, 0), utc(11, 30, 15, 0)))),
            (d(12, 7), None), // after `until`
        ] {
            assert_eq!(
                b.span_on(Chicago, date),
                want.map(|(s, e)| Span::new(s, e)),
                "{date}"
            );
        }
        assert!(b.overlaps(Chicago, &Span::new(utc(3, 9, 13, 45), utc(3, 9, 14, 15))));
        assert!(!b.overlaps(Chicago, &Span::new(utc(3, 9, 14, 0), utc(3, 9, 15, 0))));
        // Without `until` it goes on: Monday 2027-01-04.
        let later = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
        assert!(weekly_monday_8_to_9(None).span_on(Chicago, later).is_some());
    }

    #[test]
    fn scope_and_allowed_types() {
        let b = weekly_monday_8_to_9(None);
        assert!(b.applies_to(1, 5));
        assert!(!b.applies_to(2, 5));
        assert!(b.lets_in(9));
        assert!(!b.lets_in(1));
        let room = Blockout {
            scope: BlockoutScope::Operatory { operatory: 5 },
            ..b.clone()
        };
        assert!(room.applies_to(2, 5));
        assert!(!room.applies_to(1, 6));
        let office = Blockout {
            scope: BlockoutScope::Office,
            ..b
        };
        assert!(office.applies_to(7, 8));
    }

    #[test]
    fn one_off_blockouts_span_days() {
        let b = Blockout {
            id: 1,
            scope: BlockoutScope::Office,
            time: BlockoutTime::OneOff {
                start: utc(7, 1, 20, 0),
                end: utc(7, 3, 15, 0),
            },
            reason: "CE course".into(),
            allowed_types: vec![],
        };
        assert!(b.span_on(Chicago, d(6, 30)).is_none());
        assert!(b.span_on(Chicago, d(7, 2)).is_some());
        assert!(b.span_on(Chicago, d(7, 3)).is_some());
        assert!(b.overlaps(Chicago, &Span::new(utc(7, 3, 14, 0), utc(7, 3, 16, 0))));
        assert!(!b.overlaps(Chicago, &Span::new(utc(7, 3, 15, 0), utc(7, 3, 16, 0))));
    }

    #[test]
    fn validation_names_fields() {
        let mut b = weekly_monday_8_to_9(Some(d(3, 1)));
        b.reason = "  ".into();
        if let BlockoutTime::Weekly { end, .. } = &mut b.time {
            *end = t(8);
        }
        let fields: Vec<String> = b
            .validate()
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, vec!["reason", "until", "end"]);
        assert!(weekly_monday_8_to_9(None).validate().is_ok());
    }

    #[test]
    fn dates_a_span_touches() {
        let one = Span::new(utc(7, 1, 14, 0), utc(7, 1, 15, 0));
        assert_eq!(dates_of(Chicago, &one), vec![d(7, 1)]);
        // 23:00–01:00 local
        let across = Span::new(utc(7, 2, 4, 0), utc(7, 2, 6, 0));
        assert_eq!(dates_of(Chicago, &across), vec![d(7, 1), d(7, 2)]);
        // ending exactly at midnight stays on one date
        let to_midnight = Span::new(utc(7, 2, 4, 0), utc(7, 2, 5, 0));
        assert_eq!(dates_of(Chicago, &to_midnight), vec![d(7, 1)]);
    }
}
