use super::*;
use crate::conflicts::check_booking;
use crate::fixture::*;
use crate::hours::{DayOfWeek, TimeRange};
use crate::local_time::local_datetime;
use crate::preferences::TimeOfDay;
use chrono::{Duration, TimeZone, Timelike};

fn request(type_id: AppointmentTypeId, provider: ProviderId) -> SlotRequest {
    SlotRequest {
        type_id,
        provider,
        minutes: None,
        operatories: vec![],
        devices: vec![],
        preferences: Preferences::default(),
        moving: None,
    }
}

fn find(
    req: &SlotRequest,
    existing: &[Appointment],
    from: DateTime<Utc>,
    n: usize,
) -> Vec<(DateTime<Utc>, OperatoryId)> {
    let o = office();
    let got = first_available(req, existing, &o, from, SEARCH_DAYS, n).unwrap();
    for opening in &got {
        assert_eq!(
            check_booking(&req.booking(opening), existing, &o),
            Ok(()),
            "{opening:?}"
        );
    }
    got.into_iter().map(|o| (o.start, o.operatory)).collect()
}

#[test]
fn an_empty_day_from_the_providers_first_hour() {
    let got = find(&request(CROWN, LEE), &[], at(7, 7, 7, 0), 3);
    assert_eq!(
        got,
        vec![
            (at(7, 7, 8, 0), 1),
            (at(7, 7, 8, 15), 1),
            (at(7, 7, 8, 30), 1)
        ]
    );
    let o = office();
    let first = first_available(&request(CROWN, LEE), &[], &o, at(7, 7, 7, 0), 90, 1).unwrap();
    assert_eq!(first[0].minutes, 60, "the type's length");
    // Not before `from`, on the grid.
    let got = find(&request(CROWN, LEE), &[], at(7, 7, 9, 5), 1);
    assert_eq!(got, vec![(at(7, 7, 9, 15), 1)]);
}

#[test]
fn skips_booked_time_and_takes_another_room() {
    let lee_busy = vec![appt(10, at(7, 7, 8, 0), 120, LEE, 1, CROWN)];
    assert_eq!(
        find(&request(CROWN, LEE), &lee_busy, at(7, 7, 7, 0), 1),
        vec![(at(7, 7, 10, 0), 1)]
    );
    let room_busy = vec![appt(10, at(7, 7, 8, 0), 60, KIM, 1, PROPHY)];
    assert_eq!(
        find(&request(CROWN, LEE), &room_busy, at(7, 7, 7, 0), 1),
        vec![(at(7, 7, 8, 0), 2)]
    );
    // The request's own order of operatories.
    let mut req = request(CROWN, LEE);
    req.operatories = vec![3, 1];
    assert_eq!(
        find(&req, &[], at(7, 8, 7, 0), 1),
        vec![(at(7, 8, 8, 0), 3)]
    );
    // Cancelled appointments hold no time.
    let mut cancelled = lee_busy.clone();
    cancelled[0].status = crate::status::AppointmentStatus::Cancelled;
    assert_eq!(
        find(&request(CROWN, LEE), &cancelled, at(7, 7, 7, 0), 1),
        vec![(at(7, 7, 8, 0), 1)]
    );
}

#[test]
fn does_not_run_into_lunch() {
    let got = find(&request(CROWN, LEE), &[], at(7, 7, 10, 45), 3);
    assert_eq!(
        got.iter().map(|g| g.0).collect::<Vec<_>>(),
        vec![at(7, 7, 10, 45), at(7, 7, 11, 0), at(7, 7, 13, 0)]
    );
}

#[test]
fn honours_blockouts() {
    // Monday 8–9 is for emergencies only.
    assert_eq!(
        find(&request(CROWN, LEE), &[], at(7, 6, 7, 0), 1),
        vec![(at(7, 6, 9, 0), 1)]
    );
    assert_eq!(
        find(&request(EMERGENCY, LEE), &[], at(7, 6, 7, 0), 1),
        vec![(at(7, 6, 8, 0), 1)]
    );
    // Kim is not blocked on Monday mornings.
    assert_eq!(
        find(&request(PROPHY, KIM), &[], at(7, 6, 7, 0), 1),
        vec![(at(7, 6, 8, 0), 1)]
    );
    // The one-off staff meeting, Wednesday 15–16.
    let got = find(&request(CROWN, LEE), &[], at(7, 8, 14, 0), 2);
    assert_eq!(
        got.iter().map(|g| g.0).collect::<Vec<_>>(),
        vec![at(7, 8, 14, 0), at(7, 8, 16, 0)]
    );
    // Op 3 is closed on Tuesdays.
    let mut req = request(CROWN, LEE);
    req.operatories = vec![3];
    assert_eq!(
        find(&req, &[], at(7, 7, 7, 0), 1),
        vec![(at(7, 8, 8, 0), 3)]
    );
}

#[test]
fn skips_holidays_and_days_off() {
    // Friday 07-03 is a holiday, then the weekend, then Monday's emergencies-only hour.
    assert_eq!(
        find(&request(CROWN, LEE), &[], at(7, 3, 7, 0), 1),
        vec![(at(7, 6, 9, 0), 1)]
    );
    // Kim does not work Fridays.
    assert_eq!(
        find(&request(PROPHY, KIM), &[], at(7, 10, 7, 0), 1),
        vec![(at(7, 13, 8, 0), 1)]
    );
}

#[test]
fn honours_patient_preferences() {
    let mut req = request(CROWN, LEE);
    req.preferences = Preferences {
        time_of_day: TimeOfDay::MorningsOnly,
        not_on: vec![DayOfWeek::Friday],
    };
    // Thursday 07-09 from 10:45: 10:45 and 11:00 end by noon; Friday is out; Monday from 9.
    let got = find(&req, &[], at(7, 9, 10, 45), 3);
    assert_eq!(
        got.iter().map(|g| g.0).collect::<Vec<_>>(),
        vec![at(7, 9, 10, 45), at(7, 9, 11, 0), at(7, 13, 9, 0)]
    );
    for g in find(&req, &[], at(7, 9, 7, 0), 40) {
        let local = local_datetime(office().tz, g.0);
        assert!(local.hour() < 12, "{local}");
        assert_ne!(DayOfWeek::of(local.date()), DayOfWeek::Friday, "{local}");
    }
    req.preferences.time_of_day = TimeOfDay::AfternoonsOnly;
    assert_eq!(
        find(&req, &[], at(7, 7, 7, 0), 1),
        vec![(at(7, 7, 13, 0), 1)]
    );
}

#[test]
fn shared_devices_and_their_rooms() {
    let mut lee_laser = appt(10, at(7, 7, 9, 0), 60, LEE, 2, CROWN);
    lee_laser.devices = vec![LASER];
    let mut req = request(PROPHY, KIM);
    req.devices = vec![LASER];
    // Kim is free at 9 in op 1, but the laser is in use until 10.
    assert_eq!(
        find(&req, &[lee_laser.clone()], at(7, 7, 9, 0), 1),
        vec![(at(7, 7, 10, 0), 1)]
    );
    // Ops 1 and 2 busy: op 3 has no laser, so nothing at 9 or 9:15.
    let op1 = appt(11, at(7, 8, 9, 0), 60, LEE, 1, CROWN);
    let op2 = appt(12, at(7, 8, 9, 0), 30, LEE, 2, EXAM);
    assert_eq!(
        find(&req, &[op1, op2], at(7, 8, 9, 0), 1),
        vec![(at(7, 8, 9, 30), 2)]
    );
    // Without the laser, op 3 would do.
    let op1 = appt(11, at(7, 8, 9, 0), 60, LEE, 1, CROWN);
    let op2 = appt(12, at(7, 8, 9, 0), 30, LEE, 2, EXAM);
    assert_eq!(
        find(&request(PROPHY, KIM), &[op1, op2], at(7, 8, 9, 0), 1),
        vec![(at(7, 8, 9, 0), 3)]
    );
}

#[test]
fn an_overlapping_type_may_double_book_the_provider() {
    let busy = vec![appt(10, at(7, 7, 8, 0), 240, LEE, 1, CROWN)];
    assert_eq!(
        find(&request(EXAM, LEE), &busy, at(7, 7, 8, 0), 1),
        vec![(at(7, 7, 8, 0), 2)]
    );
}

#[test]
fn moving_an_appointment_frees_its_own_time() {
    let existing = vec![appt(10, at(7, 7, 8, 0), 60, LEE, 1, CROWN)];
    let mut req = request(CROWN, LEE);
    req.moving = Some(10);
    assert_eq!(
        find(&req, &existing, at(7, 7, 7, 0), 1),
        vec![(at(7, 7, 8, 0), 1)]
    );
}

#[test]
fn bad_requests_name_the_field() {
    let o = office();
    let mut unknown = request(99, 98);
    unknown.operatories = vec![97];
    unknown.devices = vec![96];
    let mut odd = request(CROWN, LEE);
    odd.minutes = Some(50);
    let mut no_room = request(CROWN, LEE);
    no_room.operatories = vec![3];
    no_room.devices = vec![LASER];
    for (req, want) in [
        (
            unknown,
            vec!["type_id", "provider", "operatories", "devices"],
        ),
        (odd, vec!["minutes"]),
        (no_room, vec!["devices"]),
    ] {
        let got = first_available(&req, &[], &o, at(7, 7, 7, 0), 90, 1).unwrap_err();
        let fields: Vec<&str> = got.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, want);
    }
    assert!(
        first_available(&request(CROWN, LEE), &[], &o, at(7, 7, 7, 0), 90, 0)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_fully_booked_provider_has_no_openings_in_90_days() {
    let o = office();
    let mut existing = Vec::new();
    let mut id = 0;
    for date in date(7, 6).iter_days().take(91) {
        for span in o.providers[0].hours.spans(o.tz, date) {
            let mut t = span.start;
            while t < span.end {
                id += 1;
                existing.push(appt(id, t, 60, LEE, 1 + id % 3, CROWN));
                t += Duration::hours(1);
            }
        }
    }
    assert!(existing.len() > 500);
    let got = first_available(&request(CROWN, LEE), &existing, &o, at(7, 6, 0, 0), 90, 5).unwrap();
    assert!(got.is_empty(), "{got:?}");
    // Kim is still free.
    let got = first_available(&request(PROPHY, KIM), &existing, &o, at(7, 6, 0, 0), 90, 5).unwrap();
    assert_eq!(got.len(), 5);
}

/// Dr. Lee works Sunday nights 00:00–06:00 local, to cross the daylight-saving changes.
fn night_office() -> Office {
    let mut o = office();
    o.hours.sunday = vec![TimeRange::hm((0, 0), (6, 0))];
    o.providers[0].hours.sunday = vec![TimeRange::hm((0, 0), (6, 0))];
    o
}

#[test]
fn daylight_saving_nights() {
    let o = night_office();
    let req = request(CROWN, LEE);
    // Fall back: 7 real hours, so 25 hour-long openings on the 15-minute grid, each instant once.
    let fall = first_available(&req, &[], &o, at(11, 1, 0, 0), 1, 100).unwrap();
    assert_eq!(fall.len(), 25);
    assert!(fall
        .windows(2)
        .all(|w| w[1].start - w[0].start == Duration::minutes(15)));
    let one_am: Vec<_> = fall
        .iter()
        .filter(|g| local_datetime(o.tz, g.start).time() == time(1, 0))
        .map(|g| g.start)
        .collect();
    assert_eq!(
        one_am,
        vec![
            Utc.with_ymd_and_hms(2026, 11, 1, 6, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 11, 1, 7, 0, 0).unwrap()
        ]
    );
    // Spring forward: 5 real hours, no 02:xx.
    let spring = first_available(&req, &[], &o, at(3, 8, 0, 0), 1, 100).unwrap();
    assert_eq!(spring.len(), 17);
    assert!(spring
        .iter()
        .all(|g| local_datetime(o.tz, g.start).hour() != 2));
}
