//! A patient's scheduling wishes: mornings only (the visit ends by 12:00 local), afternoons only
//! (it starts at 12:00 or later), and weekdays they cannot come.
use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::hours::DayOfWeek;
use crate::local_time::{boundary_to_utc, day_bounds, local_date};
use crate::span::Span;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum TimeOfDay {
    #[default]
    Any,
    /// Over by noon.
    MorningsOnly,
    /// From noon on.
    AfternoonsOnly,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct Preferences {
    pub time_of_day: TimeOfDay,
    /// Weekdays the patient cannot come.
    pub not_on: Vec<DayOfWeek>,
}

impl Preferences {
    /// The patient may come on `date`.
    pub fn allows_date(&self, date: NaiveDate) -> bool {
        !self.not_on.contains(&DayOfWeek::of(date))
    }

    /// The part of local `date` the patient accepts (within `day`, that date's real span).
    pub fn window(&self, tz: Tz, date: NaiveDate, day: Span) -> Option<Span> {
        if !self.allows_date(date) {
            return None;
        }
        let noon = boundary_to_utc(tz, date.and_time(NOON));
        Some(match self.time_of_day {
            TimeOfDay::Any => day,
            TimeOfDay::MorningsOnly => Span::new(day.start, noon),
            TimeOfDay::AfternoonsOnly => Span::new(noon, day.end),
        })
    }

    /// The patient accepts a visit over `span` (judged on the local date it starts).
    pub fn allows(&self, tz: Tz, span: &Span) -> bool {
        let date = local_date(tz, span.start);
        let day = day_bounds(tz, date);
        self.window(tz, date, day).is_some_and(|w| w.contains(span))
    }
}

const NOON: NaiveTime = match NaiveTime::from_hms_opt(12, 0, 0) {
    Some(t) => t,
    None => panic!("noon exists"),
};

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, TimeZone, Utc};
    use chrono_tz::America::Chicago;

    fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        // July: Chicago is UTC-5.
        Utc.with_ymd_and_hms(2026, 7, d, h + 5, m, 0).unwrap()
    }

    #[test]
    fn time_of_day_and_weekdays() {
        let mornings = Preferences {
            time_of_day: TimeOfDay::MorningsOnly,
            not_on: vec![DayOfWeek::Friday],
        };
        let afternoons = Preferences {
            time_of_day: TimeOfDay::AfternoonsOnly,
            not_on: vec![],
        };
        let any = Preferences::default();
        // 2026-07-01 is a Wednesday, 07-03 a Friday.
        for (span, m, a, n) in [
            (Span::minutes(at(1, 11, 0), 60), true, false, true),
            (Span::minutes(at(1, 11, 30), 60), false, false, true),
            (Span::minutes(at(1, 12, 0), 60), false, true, true),
            (Span::minutes(at(3, 9, 0), 60), false, false, true),
            (Span::minutes(at(3, 13, 0), 60), false, true, true),
        ] {
            assert_eq!(mornings.allows(Chicago, &span), m, "{span:?}");
            assert_eq!(afternoons.allows(Chicago, &span), a, "{span:?}");
            assert_eq!(any.allows(Chicago, &span), n, "{span:?}");
        }
    }
}
