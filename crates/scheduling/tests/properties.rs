//! Properties of "find first available" over generated offices, calendars and bookings, across
//! daylight-saving changes: every opening passes `check_booking`, and the openings are exactly the
//! first slots a brute-force check of every slot would find.
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use frontdesk_scheduling::*;
use proptest::prelude::*;

const ZONES: [Tz; 5] = [
    chrono_tz::America::Chicago,
    chrono_tz::America::New_York,
    chrono_tz::Asia::Kathmandu,
    chrono_tz::Australia::Lord_Howe, // half-hour daylight saving
    chrono_tz::UTC,
];

/// First days of the generated windows: around both US changes, both Lord Howe changes, and an
/// ordinary week.
const BASES: [(u32, u32); 5] = [(3, 5), (10, 29), (4, 2), (10, 1), (7, 1)];

fn minute_of_day(m: u32) -> NaiveTime {
    NaiveTime::from_num_seconds_from_midnight_opt(m * 60, 0).unwrap()
}

/// A local period: start on a 5-minute mark, 15 minutes to 10 hours long, ending the same day.
fn period() -> impl Strategy<Value = TimeRange> {
    (0u32..270, 3u32..120).prop_map(|(s, len)| {
        let start = s * 5;
        let end = (start + len * 5).min(24 * 60 - 5);
        TimeRange::new(minute_of_day(start), minute_of_day(end.max(start + 5)))
    })
}

fn weekly_hours() -> impl Strategy<Value = WeeklyHours> {
    proptest::collection::vec(proptest::collection::vec(period(), 0..3), 7).prop_map(|days| {
        let mut h = WeeklyHours::default();
        for (day, mut periods) in DayOfWeek::ALL.into_iter().zip(days) {
            periods.sort_by_key(|p| p.start);
            // Keep periods apart so they validate; touching is allowed.
            let mut kept: Vec<TimeRange> = Vec::new();
            for p in periods {
                if kept.last().is_none_or(|l| p.start >= l.end) {
                    kept.push(p);
                }
            }
            *h.on_mut(day) = kept;
        }
        h
    })
}

fn every_day(periods: &[TimeRange]) -> WeeklyHours {
    let mut h = WeeklyHours::default();
    for day in DayOfWeek::ALL {
        *h.on_mut(day) = periods.to_vec();
    }
    h
}

#[derive(Debug, Clone)]
struct World {
    office: Office,
    existing: Vec<Appointment>,
    request: SlotRequest,
    from: DateTime<Utc>,
    days: u32,
    n: usize,
}

fn base_date(i: usize) -> NaiveDate {
    let (m, d) = BASES[i];
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn world() -> impl Strategy<Value = World> {
    let setup = (
        0..ZONES.len(),
        prop_oneof![Just(5u32), Just(10), Just(15)],
        0..BASES.len(),
        prop_oneof![
            Just(every_day(&[TimeRange::hm((0, 0), (23, 55))])),
            Just(WeeklyHours::weekdays(&[TimeRange::hm((6, 0), (21, 0))])),
            weekly_hours(),
        ],
        proptest::collection::vec(
            prop_oneof![
                1 => Just(every_day(&[TimeRange::hm((0, 30), (12, 0)), TimeRange::hm((13, 0), (23, 0))])),
                1 => Just(WeeklyHours::weekdays(&[TimeRange::hm((8, 0), (12, 0)), TimeRange::hm((13, 0), (17, 0))])),
                2 => weekly_hours(),
            ],
            2,
        ),
        proptest::collection::vec((1u32..10, any::<bool>()), 3),
        proptest::collection::vec(0u64..10, 0..2),
    );
    let calendar = (
        proptest::collection::vec(
            (
                0u8..3,
                any::<bool>(),
                0i64..10 * 24 * 12,
                1i64..48,
                0usize..7,
                period(),
                proptest::option::of(0usize..3),
            ),
            0..5,
        ),
        proptest::collection::vec(
            (
                0i64..10 * 24 * 12,
                1u32..48,
                0usize..2,
                1i64..=3,
                0usize..4,
                0usize..3,
                0u8..10,
            ),
            0..40,
        ),
    );
    let ask = (
        0usize..3,
        0usize..2,
        proptest::option::of(1u32..12),
        proptest::collection::vec(1i64..=3, 0..3),
        any::<bool>(),
        0u8..3,
        proptest::collection::vec(0usize..7, 0..3),
        0i64..2 * 24 * 12,
        2u32..15,
        1usize..40,
        proptest::option::of(0usize..40),
    );
    (setup, calendar, ask).prop_map(|(setup, calendar, ask)| {
        let (zone, unit, base, office_hours, provider_hours, types, holidays) = setup;
        let (blockouts, appointments) = calendar;
        let (
            type_i,
            provider_i,
            slots,
            rooms,
            laser,
            time_of_day,
            not_on,
            from_5min,
            days,
            n,
            moving,
        ) = ask;
        let tz = ZONES[zone];
        let unit = SlotUnit::from_minutes(unit).unwrap();
        let base = base_date(base);
        let origin = day_start(tz, base);
        let five = |k: i64| origin + Duration::minutes(5 * k);
        let office = Office {
            tz,
            slot: unit,
            hours: office_hours,
            providers: provider_hours
                .into_iter()
                .enumerate()
                .map(|(i, hours)| Provider {
                    id: i as i64 + 1,
                    name: format!("P{i}"),
                    kind: ProviderKind::Dentist,
                    colour: "#000000".into(),
                    hours,
                })
                .collect(),
            operatories: (1..=3)
                .map(|id| Operatory {
                    id,
                    name: format!("Op {id}"),
                })
                .collect(),
            devices: vec![
                Device {
                    id: 1,
                    name: "Laser".into(),
                    operatories: vec![1, 2],
                },
                Device {
                    id: 2,
                    name: "Scanner".into(),
                    operatories: vec![2, 3],
                },
            ],
            types: types
                .into_iter()
                .enumerate()
                .map(|(i, (slots, overlap))| AppointmentType {
                    id: i as i64 + 1,
                    name: format!("T{i}"),
                    slots,
                    colour: "#000000".into(),
                    procedure_codes: vec![],
                    may_overlap_provider: overlap,
                })
                .collect(),
            holidays: holidays
                .into_iter()
                .map(|d| Holiday {
                    date: base + chrono::Days::new(d),
                    name: format!("H{d}"),
                })
                .collect(),
            blockouts: blockouts
                .into_iter()
                .enumerate()
                .map(
                    |(i, (scope, weekly, start, len, day, local, allowed))| Blockout {
                        id: i as i64 + 1,
                        scope: match scope {
                            0 => BlockoutScope::Office,
                            1 => BlockoutScope::Provider {
                                provider: 1 + (start % 2),
                            },
                            _ => BlockoutScope::Operatory {
                                operatory: 1 + (start % 3),
                            },
                        },
                        time: if weekly {
                            BlockoutTime::Weekly {
                                day: DayOfWeek::ALL[day],
                                start: local.start,
                                end: local.end,
                                from: base,
                                until: (len % 3 == 0).then(|| base + chrono::Days::new(6)),
                            }
                        } else {
                            BlockoutTime::OneOff {
                                start: five(start),
                                end: five(start + len * 3),
                            }
                        },
                        reason: format!("B{i}"),
                        allowed_types: allowed.map(|t| vec![t as i64 + 1]).unwrap_or_default(),
                    },
                )
                .collect(),
        };
        let statuses = AppointmentStatus::ALL;
        let existing = appointments
            .into_iter()
            .enumerate()
            .map(
                |(i, (start, len, provider, operatory, devices, type_i, status))| Appointment {
                    id: i as i64 + 1,
                    start: five(start),
                    minutes: len * 5,
                    provider: provider as i64 + 1,
                    operatory,
                    devices: match devices {
                        0 => vec![],
                        1 => vec![1],
                        2 => vec![2],
                        _ => vec![1, 2],
                    },
                    type_id: type_i as i64 + 1,
                    status: statuses[usize::from(status) % statuses.len()],
                },
            )
            .collect::<Vec<_>>();
        let moving = moving.filter(|m| *m < existing.len()).map(|m| m as i64 + 1);
        let request = SlotRequest {
            type_id: type_i as i64 + 1,
            provider: provider_i as i64 + 1,
            minutes: slots.map(|s| s * unit.minutes()),
            operatories: rooms,
            devices: if laser { vec![1] } else { vec![] },
            preferences: Preferences {
                time_of_day: [
                    TimeOfDay::Any,
                    TimeOfDay::MorningsOnly,
                    TimeOfDay::AfternoonsOnly,
                ][usize::from(time_of_day)],
                not_on: not_on.into_iter().map(|d| DayOfWeek::ALL[d]).collect(),
            },
            moving,
        };
        World {
            office,
            existing,
            request,
            from: five(from_5min) + Duration::seconds(from_5min % 7),
            days,
            n,
        }
    })
}

fn day_start(tz: Tz, date: NaiveDate) -> DateTime<Utc> {
    day_bounds(tz, date).start
}

/// Every slot of every date, checked one by one with `check_booking`, in each usable room.
fn brute_force(w: &World) -> Vec<Opening> {
    let o = &w.office;
    let minutes = w.request.minutes.unwrap_or_else(|| {
        o.appointment_type(w.request.type_id)
            .unwrap()
            .minutes(o.slot)
    });
    let rooms: Vec<i64> = if w.request.operatories.is_empty() {
        o.operatories.iter().map(|r| r.id).collect()
    } else {
        w.request.operatories.clone()
    };
    let mut out = Vec::new();
    let first = local_date(o.tz, w.from);
    for date in first.iter_days().take(w.days as usize) {
        for start in day_slots(o.tz, date, o.slot) {
            if start < w.from {
                continue;
            }
            let span = Span::minutes(start, minutes);
            if !w.request.preferences.allows(o.tz, &span) {
                continue;
            }
            let opening = rooms.iter().find_map(|room| {
                let opening = Opening {
                    start,
                    minutes,
                    operatory: *room,
                };
                check_booking(&w.request.booking(&opening), &w.existing, o)
                    .is_ok()
                    .then_some(opening)
            });
            if let Some(opening) = opening {
                out.push(opening);
                if out.len() == w.n {
                    return out;
                }
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn openings_never_conflict_and_none_are_missed(w in world()) {
        let got = first_available(&w.request, &w.existing, &w.office, w.from, w.days, w.n);
        let Ok(got) = got else {
            // Only a request no operatory can take (the laser, ops 3 only) is refused.
            prop_assert!(w.request.devices == vec![1]
                && !w.request.operatories.is_empty()
                && w.request.operatories.iter().all(|r| *r == 3), "{got:?}");
            return Ok(());
        };
        prop_assert!(got.len() <= w.n);
        for o in &got {
            prop_assert!(o.start >= w.from);
            prop_assert_eq!(
                check_booking(&w.request.booking(o), &w.existing, &w.office),
                Ok(()),
                "{:?}",
                o
            );
            prop_assert!(w.request.preferences.allows(w.office.tz, &Span::minutes(o.start, o.minutes)));
        }
        prop_assert!(got.windows(2).all(|p| p[0].start < p[1].start));
        prop_assert_eq!(got, brute_force(&w));
    }

    #[test]
    fn typed_local_times_round_trip_or_are_refused(
        zone in 0..ZONES.len(),
        base in 0..BASES.len(),
        day in 0u64..40,
        minute in 0u32..24 * 60,
    ) {
        let tz = ZONES[zone];
        let date = base_date(base) + chrono::Days::new(day);
        let time = minute_of_day(minute);
        match to_utc(tz, date, time) {
            Ok(instant) => {
                let local = instant.with_timezone(&tz).naive_local();
                prop_assert_eq!(local, date.and_time(time));
                // The earlier instant: an hour (or half hour) before is not the same wall time.
                for back in [30, 60] {
                    let earlier = instant - Duration::minutes(back);
                    prop_assert_ne!(earlier.with_timezone(&tz).naive_local(), date.and_time(time));
                }
            }
            Err(LocalTimeError::Nonexistent { .. }) => {
                // No instant of that day shows that wall time.
                let day = day_bounds(tz, date);
                let mut t = day.start;
                while t < day.end {
                    prop_assert_ne!(t.with_timezone(&tz).naive_local(), date.and_time(time));
                    t += Duration::minutes(1);
                }
            }
        }
    }

    #[test]
    fn day_slots_are_distinct_instants_on_the_grid(
        zone in 0..ZONES.len(),
        base in 0..BASES.len(),
        day in 0u64..40,
        unit in prop_oneof![Just(5u32), Just(10), Just(15)],
    ) {
        let tz = ZONES[zone];
        let unit = SlotUnit::from_minutes(unit).unwrap();
        let date = base_date(base) + chrono::Days::new(day);
        let slots = day_slots(tz, date, unit);
        let bounds = day_bounds(tz, date);
        prop_assert!(slots.windows(2).all(|w| w[0] < w[1]));
        for s in &slots {
            prop_assert!(unit.is_boundary(tz, *s));
            prop_assert_eq!(local_date(tz, *s), date);
        }
        // One slot per `unit` minutes of real time in the day (all zones here keep the grid).
        let real_minutes = (bounds.end - bounds.start).num_minutes();
        prop_assert_eq!(slots.len() as i64, real_minutes / i64::from(unit.minutes()));
    }
}
