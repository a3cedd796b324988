use super::*;
use crate::fixture::*;
use crate::hours::TimeRange;
use crate::status::AppointmentStatus;
use chrono::{TimeZone, Utc};

/// Tuesday 2026-07-07: appointment 10 = Dr. Lee, op 1, crown 09:00–10:00;
/// appointment 11 = Kim, op 2, prophy 10:00–11:00 with the laser.
fn tuesday() -> Vec<Appointment> {
    let mut eleven = appt(11, at(7, 7, 10, 0), 60, KIM, 2, PROPHY);
    eleven.devices = vec![LASER];
    vec![appt(10, at(7, 7, 9, 0), 60, LEE, 1, CROWN), eleven]
}

fn with_laser(mut b: Booking) -> Booking {
    b.devices = vec![LASER];
    b
}

fn first(b: &Booking, existing: &[Appointment]) -> Result<(), BookingError> {
    check_booking(b, existing, &office())
}

#[test]
fn each_kind_of_conflict_names_what_it_clashes_with() {
    let existing = tuesday();
    let cases: Vec<(&str, Booking, Option<Conflict>)> = vec![
        (
            "free time",
            booking(at(7, 7, 11, 0), 60, LEE, 1, CROWN),
            None,
        ),
        (
            "same provider",
            booking(at(7, 7, 9, 30), 30, LEE, 2, CROWN),
            Some(Conflict::Provider { with: 10 }),
        ),
        (
            "same operatory",
            booking(at(7, 7, 9, 0), 60, KIM, 1, PROPHY),
            Some(Conflict::Operatory { with: 10 }),
        ),
        (
            "same device in another room",
            with_laser(booking(at(7, 7, 10, 30), 60, LEE, 1, CROWN)),
            Some(Conflict::Device {
                device: LASER,
                with: 11,
            }),
        ),
        (
            "back to back is fine",
            booking(at(7, 7, 10, 0), 60, LEE, 1, CROWN),
            None,
        ),
        (
            "across lunch",
            booking(at(7, 7, 11, 30), 60, LEE, 1, CROWN),
            Some(Conflict::OutsideProviderHours),
        ),
        (
            "up to lunch",
            booking(at(7, 7, 11, 0), 60, LEE, 2, CROWN),
            None,
        ),
        (
            "right after lunch",
            booking(at(7, 7, 13, 0), 60, LEE, 1, CROWN),
            None,
        ),
        (
            "before the provider starts",
            booking(at(7, 7, 7, 30), 30, LEE, 1, CROWN),
            Some(Conflict::OutsideProviderHours),
        ),
        (
            "provider's day off",
            booking(at(7, 10, 9, 0), 60, KIM, 1, PROPHY),
            Some(Conflict::OutsideProviderHours),
        ),
        (
            "holiday",
            booking(at(7, 3, 9, 0), 60, LEE, 1, CROWN),
            Some(Conflict::Holiday {
                date: date(7, 3),
                name: "Independence Day (observed)".into(),
            }),
        ),
        (
            "weekly provider blockout",
            booking(at(7, 6, 8, 0), 60, LEE, 1, CROWN),
            Some(Conflict::Blockout {
                id: 1,
                reason: "Emergencies only".into(),
            }),
        ),
        (
            "weekly blockout, overlapping its last quarter hour",
            booking(at(7, 6, 8, 45), 60, LEE, 1, CROWN),
            Some(Conflict::Blockout {
                id: 1,
                reason: "Emergencies only".into(),
            }),
        ),
        (
            "weekly blockout lets emergencies in",
            booking(at(7, 6, 8, 0), 30, LEE, 1, EMERGENCY),
            None,
        ),
        (
            "weekly blockout is over at 9",
            booking(at(7, 6, 9, 0), 60, LEE, 1, CROWN),
            None,
        ),
        (
            "weekly blockout of another provider",
            booking(at(7, 6, 8, 0), 60, KIM, 1, PROPHY),
            None,
        ),
        (
            "weekly blockout on another weekday",
            booking(at(7, 7, 8, 0), 60, LEE, 1, CROWN),
            None,
        ),
        (
            "one-off office blockout",
            booking(at(7, 8, 14, 30), 60, KIM, 2, PROPHY),
            Some(Conflict::Blockout {
                id: 2,
                reason: "Staff meeting".into(),
            }),
        ),
        (
            "ending as the one-off starts",
            booking(at(7, 8, 14, 0), 60, KIM, 2, PROPHY),
            None,
        ),
        (
            "operatory blockout",
            booking(at(7, 7, 13, 0), 60, KIM, 3, PROPHY),
            Some(Conflict::Blockout {
                id: 3,
                reason: "Op 3 closed".into(),
            }),
        ),
        (
            "operatory blockout, another weekday",
            booking(at(7, 8, 13, 0), 60, KIM, 3, PROPHY),
            None,
        ),
    ];
    for (name, b, want) in cases {
        let got = first(&b, &existing);
        assert_eq!(got, want.map_or(Ok(()), |c| Err(c.into())), "{name}");
    }
}

#[test]
fn outside_office_hours_while_the_provider_works() {
    let mut o = office();
    o.hours.tuesday = vec![TimeRange::hm((9, 0), (17, 0))];
    let b = booking(at(7, 7, 8, 0), 60, LEE, 1, CROWN);
    assert_eq!(
        check_booking(&b, &[], &o),
        Err(Conflict::OutsideOfficeHours.into())
    );
    assert_eq!(conflicts(&b, &[], &o), vec![Conflict::OutsideOfficeHours]);
}

#[test]
fn all_conflicts_are_listed_the_first_is_returned() {
    let b = with_laser(booking(at(7, 7, 9, 30), 60, LEE, 1, CROWN));
    assert_eq!(
        conflicts(&b, &tuesday(), &office()),
        vec![
            Conflict::Provider { with: 10 },
            Conflict::Operatory { with: 10 },
            Conflict::Device {
                device: LASER,
                with: 11
            },
        ]
    );
    assert_eq!(
        first(&b, &tuesday()),
        Err(Conflict::Provider { with: 10 }.into())
    );
    // Calendar conflicts come first.
    let lunch = with_laser(booking(at(7, 7, 9, 30), 180, LEE, 1, CROWN));
    assert_eq!(
        first(&lunch, &tuesday()),
        Err(Conflict::OutsideProviderHours.into())
    );
}

#[test]
fn a_type_that_may_overlap_the_provider_still_needs_its_own_room_and_device() {
    // Wednesday 2026-07-08: appointment 20 = Dr. Lee, op 1, crown 09:00–10:00 with the laser.
    let mut twenty = appt(20, at(7, 8, 9, 0), 60, LEE, 1, CROWN);
    twenty.devices = vec![LASER];
    let existing = vec![twenty];
    let exam = |op| booking(at(7, 8, 9, 30), 15, LEE, op, EXAM);
    assert_eq!(first(&exam(2), &existing), Ok(()));
    assert_eq!(
        first(&exam(1), &existing),
        Err(Conflict::Operatory { with: 20 }.into())
    );
    assert_eq!(
        first(&with_laser(exam(2)), &existing),
        Err(Conflict::Device {
            device: LASER,
            with: 20
        }
        .into())
    );
    // Two crowns for one provider do clash.
    assert_eq!(
        first(&booking(at(7, 8, 9, 30), 60, LEE, 3, CROWN), &existing),
        Err(Conflict::Provider { with: 20 }.into())
    );
    // The pair may overlap whichever was booked first: a crown over an existing exam.
    let exam_first = vec![appt(21, at(7, 8, 9, 30), 15, LEE, 2, EXAM)];
    assert_eq!(
        first(&booking(at(7, 8, 9, 0), 60, LEE, 1, CROWN), &exam_first),
        Ok(())
    );
}

#[test]
fn cancelled_and_broken_appointments_hold_no_time() {
    for (status, clashes) in [
        (AppointmentStatus::Scheduled, true),
        (AppointmentStatus::Confirmed, true),
        (AppointmentStatus::Arrived, true),
        (AppointmentStatus::Seated, true),
        (AppointmentStatus::Completed, true),
        (AppointmentStatus::Cancelled, false),
        (AppointmentStatus::Broken, false),
    ] {
        let mut existing = tuesday();
        existing[0].status = status;
        let b = booking(at(7, 7, 9, 0), 60, LEE, 1, CROWN);
        assert_eq!(first(&b, &existing).is_err(), clashes, "{status}");
    }
}

#[test]
fn a_moved_appointment_does_not_clash_with_itself() {
    let existing = tuesday();
    let mut moved = existing[0].to_booking();
    moved.start = at(7, 7, 9, 15);
    assert_eq!(first(&moved, &existing), Ok(()));
    // The same time as a new booking clashes with appointment 10.
    moved.moving = None;
    assert_eq!(
        first(&moved, &existing),
        Err(Conflict::Provider { with: 10 }.into())
    );
    // Moving it onto the other appointment's room and laser still clashes with that one.
    let mut onto = existing[0].to_booking();
    onto.start = at(7, 7, 10, 0);
    onto.operatory = 2;
    assert_eq!(
        first(&onto, &existing),
        Err(Conflict::Operatory { with: 11 }.into())
    );
}

#[test]
fn bad_input_names_the_field() {
    let o = office();
    let ok = booking(at(7, 7, 11, 0), 60, LEE, 1, CROWN);
    let cases: Vec<(Booking, Vec<(&str, &str)>)> = vec![
        (
            Booking {
                minutes: 50,
                ..ok.clone()
            },
            vec![("minutes", "must be a whole number of 15-minute slots")],
        ),
        (
            Booking {
                minutes: 0,
                ..ok.clone()
            },
            vec![("minutes", "must be at least one 15-minute slot")],
        ),
        (
            Booking {
                minutes: 735,
                ..ok.clone()
            },
            vec![("minutes", "must be at most 12 hours")],
        ),
        (
            Booking {
                start: at(7, 7, 11, 5),
                ..ok.clone()
            },
            vec![("start", "must start on a 15-minute slot boundary")],
        ),
        (
            Booking {
                provider: 99,
                operatory: 99,
                type_id: 99,
                ..ok.clone()
            },
            vec![
                ("provider", "does not exist"),
                ("operatory", "does not exist"),
                ("type_id", "does not exist"),
            ],
        ),
        (
            Booking {
                devices: vec![9],
                ..ok.clone()
            },
            vec![("devices", "lists a device that does not exist")],
        ),
        (
            Booking {
                devices: vec![LASER],
                operatory: 3,
                ..ok.clone()
            },
            vec![(
                "devices",
                "lists a device that is not available in this operatory",
            )],
        ),
    ];
    for (b, want) in cases {
        let got = validate_booking(&b, &o).unwrap_err();
        let got: Vec<(&str, &str)> = got
            .0
            .iter()
            .map(|e| (e.field.as_str(), e.problem.as_str()))
            .collect();
        assert_eq!(got, want, "{b:?}");
        assert!(matches!(
            check_booking(&b, &tuesday(), &o),
            Err(BookingError::Invalid(_))
        ));
    }
    assert!(validate_booking(&ok, &o).is_ok());
}

#[test]
fn conflicts_read_well_and_serialize_with_a_kind() {
    assert_eq!(
        Conflict::Provider { with: 10 }.to_string(),
        "the provider is already booked in appointment 10"
    );
    assert_eq!(
        Conflict::Blockout {
            id: 1,
            reason: "Emergencies only".into()
        }
        .to_string(),
        "blocked: Emergencies only (blockout 1)"
    );
    assert_eq!(
        serde_json::to_string(&Conflict::Device {
            device: 1,
            with: 11
        })
        .unwrap(),
        r#"{"kind":"device","device":1,"with":11}"#
    );
    assert_eq!(
        serde_json::to_string(&Conflict::Holiday {
            date: date(7, 3),
            name: "July 4th".into()
        })
        .unwrap(),
        r#"{"kind":"holiday","date":"2026-07-03","name":"July 4th"}"#
    );
}

/// A Sunday-night clinic to exercise the daylight-saving days (hours on the local clock).
fn night_office() -> Office {
    let mut o = office();
    o.hours.sunday = vec![TimeRange::hm((0, 0), (6, 0))];
    o.providers[0].hours.sunday = vec![TimeRange::hm((0, 0), (6, 0))];
    o
}

#[test]
fn the_repeated_fall_back_hour_is_two_different_times() {
    let o = night_office();
    let utc = |h| Utc.with_ymd_and_hms(2026, 11, 1, h, 0, 0).unwrap();
    // 01:00 CDT = 06:00 UTC and 01:00 CST = 07:00 UTC.
    let existing = vec![appt(30, utc(6), 60, LEE, 1, CROWN)];
    let second_one_am = booking(utc(7), 60, LEE, 1, CROWN);
    assert_eq!(check_booking(&second_one_am, &existing, &o), Ok(()));
    let half_past = booking(utc(6) + chrono::Duration::minutes(30), 60, LEE, 1, CROWN);
    assert_eq!(
        check_booking(&half_past, &existing, &o),
        Err(Conflict::Provider { with: 30 }.into())
    );
    // 00:00–06:00 local is 7 real hours that day.
    assert_eq!(
        check_booking(&booking(utc(5), 420, LEE, 1, CROWN), &[], &o),
        Ok(())
    );
    assert_eq!(
        check_booking(&booking(utc(5), 435, LEE, 1, CROWN), &[], &o),
        Err(Conflict::OutsideOfficeHours.into())
    );
}

#[test]
fn the_spring_forward_night_is_an_hour_shorter() {
    let o = night_office();
    // 00:00 CST = 06:00 UTC; 06:00 CDT = 11:00 UTC: 5 real hours.
    let start = Utc.with_ymd_and_hms(2026, 3, 8, 6, 0, 0).unwrap();
    assert_eq!(
        check_booking(&booking(start, 300, LEE, 1, CROWN), &[], &o),
        Ok(())
    );
    assert_eq!(
        check_booking(&booking(start, 315, LEE, 1, CROWN), &[], &o),
        Err(Conflict::OutsideOfficeHours.into())
    );
}
