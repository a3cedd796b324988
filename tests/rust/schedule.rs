//! The schedule on the encrypted database: booking through the rules, a conflict refused naming
//! the other appointment (nothing written), two windows racing for one slot, moves and the visit's
//! steps, daylight-saving gaps on the clinic's clock, and a new office's set-up (hours, providers,
//! rooms, devices, types, holidays, blockouts, recall types).
use frontdesk_acceptance::schedule_fixture::{filling, office, type_id};
use frontdesk_acceptance::{config, memory_config, new_patient, ready};
use frontdesk_app::schedule::appointments::{AppointmentAction, AppointmentDraft};
use frontdesk_app::ErrorCode;
use frontdesk_scheduling::AppointmentStatus;

#[tokio::test]
async fn a_booking_conflict_is_refused_naming_the_appointment_and_writes_nothing() {
    let (_dir, app, _keychain) = office().await;
    let ada = new_patient(&app, "Okafor", "Ada", "1980-02-03").await;
    let ben = new_patient(&app, "Lee", "Ben", "1975-06-07").await;
    let filling_type = type_id(&app, "Filling").await;

    let first = app
        .book_appointment(&filling(filling_type, ada, "11/25/2026", "9:00"))
        .await
        .unwrap();
    assert_eq!((first.local_time.as_str(), first.minutes), ("09:00", 60));
    assert_eq!(first.type_name, "Filling");

    let e = app
        .book_appointment(&filling(filling_type, ben, "2026-11-25", "09:30"))
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::ScheduleConflict);
    assert!(
        e.message.contains(&format!("appointment {}", first.id)),
        "{}",
        e.message
    );
    let e = app
        .book_appointment(&filling(filling_type, ben, "2026-11-25", "12:30"))
        .await
        .unwrap_err();
    assert!(e.message.contains("working hours"), "lunch: {}", e.message);
    let e = app
        .book_appointment(&filling(filling_type, ben, "2026-11-25", "25:00"))
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "time");
    let e = app
        .book_appointment(&filling(filling_type, ben, "2026-11-31", "09:00"))
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "date");
    for (field, draft) in [
        (
            "minutes",
            AppointmentDraft {
                minutes: Some(7),
                ..filling(filling_type, ben, "2026-11-25", "11:00")
            },
        ),
        (
            "minutes",
            AppointmentDraft {
                minutes: Some(0),
                ..filling(filling_type, ben, "2026-11-25", "11:00")
            },
        ),
        (
            "provider",
            AppointmentDraft {
                provider: 999,
                ..filling(filling_type, ben, "2026-11-25", "11:00")
            },
        ),
        (
            "operatory",
            AppointmentDraft {
                operatory: 999,
                ..filling(filling_type, ben, "2026-11-25", "11:00")
            },
        ),
    ] {
        let e = app.book_appointment(&draft).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation, "{field}");
        assert!(
            e.fields.iter().any(|f| f.field == field),
            "{field}: {:?}",
            e.fields
        );
    }
    let e = app
        .book_appointment(&filling(filling_type, 4242, "2026-11-25", "11:00"))
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound, "a patient who does not exist");
    let day = app.day_schedule("2026-11-25").await.unwrap();
    assert_eq!(day.appointments.len(), 1, "refused bookings wrote nothing");

    // Two bookings racing for the same provider and time: exactly one wins.
    let (da, db) = (
        filling(filling_type, ada, "2026-11-26", "14:00"),
        filling(filling_type, ben, "2026-11-26", "14:00"),
    );
    let (a, b) = tokio::join!(app.book_appointment(&da), app.book_appointment(&db));
    assert!(a.is_ok() != b.is_ok(), "one booking wins: {a:?} / {b:?}");
    assert_eq!(
        app.day_schedule("2026-11-26")
            .await
            .unwrap()
            .appointments
            .len(),
        1
    );

    // Two windows (two connections to the same encrypted file) racing for one slot: one wins.
    let second_window = ready(config(_dir.path(), std::sync::Arc::new(_keychain.clone()))).await;
    let (dc, dd) = (
        filling(filling_type, ada, "2026-11-27", "10:00"),
        filling(filling_type, ben, "2026-11-27", "10:00"),
    );
    let (c, d) = tokio::join!(
        app.book_appointment(&dc),
        second_window.book_appointment(&dd)
    );
    assert!(c.is_ok() != d.is_ok(), "one window wins: {c:?} / {d:?}");
    let loser = c.err().or(d.err()).unwrap();
    assert_eq!(
        loser.code,
        ErrorCode::ScheduleConflict,
        "the other waits its turn and is refused: {loser:?}"
    );
    second_window.close().await;
    assert_eq!(
        app.day_schedule("2026-11-27")
            .await
            .unwrap()
            .appointments
            .len(),
        1
    );

    // Moving the first appointment to the afternoon, then the visit.
    let moved = app
        .move_appointment(first.id, &filling(filling_type, ada, "2026-11-25", "15:00"))
        .await
        .unwrap();
    assert_eq!(moved.local_time, "15:00");
    let e = app
        .appointment_action(first.id, &AppointmentAction::CheckOut)
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "status", "not seated yet");
    for step in [
        AppointmentAction::Confirm,
        AppointmentAction::CheckIn,
        AppointmentAction::Seat,
        AppointmentAction::CheckOut,
    ] {
        app.appointment_action(first.id, &step).await.unwrap();
    }
    assert_eq!(
        app.appointment(first.id).await.unwrap().status,
        AppointmentStatus::Completed
    );
    let history: Vec<String> = app
        .appointment_history(first.id)
        .await
        .unwrap()
        .into_iter()
        .map(|h| format!("{} {}", h.action, h.fields.join(",")))
        .collect();
    assert_eq!(
        history,
        [
            "appointment.status status:completed",
            "appointment.status status:seated",
            "appointment.status status:arrived",
            "appointment.status status:confirmed",
            "appointment.move patient:1",
            "appointment.book patient:1",
        ]
    );
    app.close().await;
}

#[tokio::test]
async fn a_time_the_clocks_skip_is_refused_on_the_clinics_clock() {
    let (_dir, mut app, _keychain) = office().await;
    let e = app.set_clinic_timezone("Mars/Olympus").await.unwrap_err();
    assert_eq!(e.fields[0].field, "timezone");
    app.set_clinic_timezone("America/Chicago").await.unwrap();
    assert_eq!(app.clinic_timezone().name(), "America/Chicago");
    let ada = new_patient(&app, "Okafor", "Ada", "1980-02-03").await;
    let kind = type_id(&app, "Filling").await;
    // 2026-03-08: clocks jump from 2:00 to 3:00 in Chicago.
    let e = app
        .book_appointment(&filling(kind, ada, "2026-03-08", "02:30"))
        .await
        .unwrap_err();
    assert_eq!(
        (e.code, e.fields[0].field.as_str()),
        (ErrorCode::Validation, "time")
    );
    assert!(
        e.fields[0].problem.contains("does not exist"),
        "{}",
        e.fields[0].problem
    );
    // A weekday in summer time: 9:00 local is 14:00 UTC.
    let a = app
        .book_appointment(&filling(kind, ada, "2026-03-10", "09:00"))
        .await
        .unwrap();
    assert_eq!(a.start, "2026-03-10T14:00:00+00:00");
    assert_eq!(a.local_time, "09:00");
    app.close().await;
}

#[tokio::test]
async fn a_new_office_is_set_up_and_its_holidays_and_blockouts_are_kept() {
    use frontdesk_scheduling::{
        Blockout, BlockoutScope, BlockoutTime, DayOfWeek, Operatory, Provider, ProviderKind,
        TimeRange, WeeklyHours,
    };
    let dir = tempfile::tempdir().unwrap();
    let app = ready(memory_config(dir.path()).0).await;
    let ada = new_patient(&app, "Okafor", "Ada", "1980-02-03").await;
    let week = WeeklyHours::weekdays(&[
        TimeRange::hm((8, 0), (12, 0)),
        TimeRange::hm((13, 0), (17, 0)),
    ]);

    // Refused set-up changes nothing.
    assert_eq!(
        app.set_office_hours(7, &week).await.unwrap_err().fields[0].field,
        "slot_minutes"
    );
    let backwards = WeeklyHours::weekdays(&[TimeRange::hm((17, 0), (8, 0))]);
    assert_eq!(
        app.set_office_hours(15, &backwards).await.unwrap_err().code,
        ErrorCode::Validation
    );
    assert_eq!(
        app.schedule_setup().await.unwrap().slot_minutes,
        10,
        "the default still stands"
    );

    app.set_office_hours(15, &week).await.unwrap();
    let provider = Provider {
        id: 0,
        name: " Dr. Ines Moreau ".into(),
        kind: ProviderKind::Dentist,
        colour: "#2f6fdf".into(),
        hours: week.clone(),
    };
    let e = app
        .save_provider(&Provider {
            name: " ".into(),
            ..provider.clone()
        })
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "name");
    let setup = app.save_provider(&provider).await.unwrap();
    let dr = setup
        .providers
        .iter()
        .find(|p| p.name == "Dr. Ines Moreau")
        .unwrap()
        .id;
    let setup = app
        .save_operatory(&Operatory {
            id: 0,
            name: "Room A".into(),
        })
        .await
        .unwrap();
    let room = setup
        .operatories
        .iter()
        .find(|o| o.name == "Room A")
        .unwrap()
        .id;
    let setup = app
        .save_appointment_type(&frontdesk_scheduling::AppointmentType {
            id: 0,
            name: "Consult".into(),
            slots: 2,
            colour: "#123456".into(),
            procedure_codes: vec![" d0150 ".into()],
            may_overlap_provider: false,
        })
        .await
        .unwrap();
    let consult = setup.types.iter().find(|t| t.name == "Consult").unwrap();
    assert_eq!(consult.procedure_codes, vec!["D0150".to_string()]);

    // One laser serves Room A and a second room; it cannot be in two places at once.
    let setup = app
        .save_operatory(&Operatory {
            id: 0,
            name: "Room B".into(),
        })
        .await
        .unwrap();
    let room_b = setup
        .operatories
        .iter()
        .find(|o| o.name == "Room B")
        .unwrap()
        .id;
    let e = app
        .save_device(&frontdesk_scheduling::Device {
            id: 0,
            name: "Laser".into(),
            operatories: vec![],
        })
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "operatories");
    let setup = app
        .save_device(&frontdesk_scheduling::Device {
            id: 0,
            name: "Laser".into(),
            operatories: vec![room, room_b],
        })
        .await
        .unwrap();
    let laser = setup.devices[0].id;

    let booking = |date: &str, time: &str| AppointmentDraft {
        patient_id: ada,
        date: date.into(),
        time: time.into(),
        type_id: consult.id,
        provider: dr,
        operatory: room,
        ..Default::default()
    };
    let a = app
        .book_appointment(&booking("2026-11-30", "09:15"))
        .await
        .unwrap();
    assert_eq!(a.minutes, 30, "two 15-minute slots");
    let e = app
        .book_appointment(&booking("2026-11-30", "09:10"))
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "start", "not on the 15-minute grid");

    app.add_holiday("12/25/2026", "Christmas").await.unwrap();
    let e = app
        .book_appointment(&booking("2026-12-25", "09:00"))
        .await
        .unwrap_err();
    assert!(e.message.contains("Christmas"), "{}", e.message);
    let setup = app
        .add_blockout(&Blockout {
            id: 0,
            scope: BlockoutScope::Provider { provider: dr },
            time: BlockoutTime::Weekly {
                day: DayOfWeek::Tuesday,
                start: chrono::NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
                end: chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                from: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                until: None,
            },
            reason: "Emergencies only".into(),
            allowed_types: vec![],
        })
        .await
        .unwrap();
    let e = app
        .book_appointment(&booking("2026-12-01", "08:30"))
        .await
        .unwrap_err();
    assert!(e.message.contains("Emergencies only"), "{}", e.message);
    app.remove_blockout(setup.blockouts[0].id).await.unwrap();
    let with_laser = AppointmentDraft {
        devices: vec![laser],
        ..booking("2026-12-02", "10:00")
    };
    app.book_appointment(&with_laser).await.unwrap();
    // Another provider in the other room at the same time still cannot have the laser.
    let second = app
        .save_provider(&Provider {
            name: "Dr. Second".into(),
            ..provider.clone()
        })
        .await
        .unwrap();
    let p2 = second
        .providers
        .iter()
        .find(|p| p.name == "Dr. Second")
        .unwrap()
        .id;
    let e = app
        .book_appointment(&AppointmentDraft {
            provider: p2,
            operatory: room_b,
            ..with_laser.clone()
        })
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::ScheduleConflict);
    assert!(e.message.contains("device"), "{}", e.message);
    app.book_appointment(&AppointmentDraft {
        provider: p2,
        operatory: room_b,
        devices: vec![],
        ..with_laser.clone()
    })
    .await
    .unwrap();
    let bad = frontdesk_scheduling::RecallType {
        id: 0,
        name: "Botox".into(),
        interval_months: 0,
        procedure_codes: vec![],
    };
    let e = app.save_recall_type(&bad).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    let setup = app
        .save_recall_type(&frontdesk_scheduling::RecallType {
            interval_months: 4,
            procedure_codes: vec![" btx-unit ".into()],
            ..bad
        })
        .await
        .unwrap();
    assert_eq!(
        setup.recall_types[0].procedure_codes,
        vec!["BTX-UNIT".to_string()]
    );
    app.book_appointment(&booking("2026-12-01", "08:30"))
        .await
        .unwrap();
    app.close().await;
}
