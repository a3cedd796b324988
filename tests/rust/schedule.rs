//! The schedule on the encrypted database: booking through the rules, a conflict refused naming
//! the other appointment (nothing written), two bookings racing for one slot, check-in/out, and the
//! eligibility worklist of coverages to verify before upcoming appointments.
use frontdesk_acceptance::{config, draft, memory_config, new_patient, ready, MemoryKeychain};
use frontdesk_app::schedule::{AppointmentAction, AppointmentDraft};
use frontdesk_app::{App, ErrorCode};
use frontdesk_domain::Relationship;
use frontdesk_insurance::verification::VerificationDraft;
use frontdesk_insurance::{CoverageDraft, Rank};
use frontdesk_scheduling::AppointmentStatus;

/// Demo set-up without demo patients: providers 1–5 (8–12, 13–17 weekdays), operatories 1–6,
/// appointment types; the fixed clock is Tuesday 2026-11-24 15:00 UTC.
async fn office() -> (tempfile::TempDir, App, MemoryKeychain) {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, keychain) = memory_config(dir.path());
    let app = ready(cfg).await;
    app.load_demo(0, 1).await.unwrap();
    (dir, app, keychain)
}

fn filling(app_type: i64, patient: i64, date: &str, time: &str) -> AppointmentDraft {
    AppointmentDraft {
        patient_id: patient,
        date: date.into(),
        time: time.into(),
        type_id: app_type,
        provider: 1,
        operatory: 1,
        ..Default::default()
    }
}

async fn type_id(app: &App, name: &str) -> i64 {
    let setup = app.schedule_setup().await.unwrap();
    setup.types.iter().find(|t| t.name == name).unwrap().id
}

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
async fn coverages_to_verify_before_upcoming_appointments() {
    let (_dir, app, _keychain) = office().await;
    let ada = new_patient(&app, "Okafor", "Ada", "1980-02-03").await;
    let plan = app.plans().await.unwrap()[0].id;
    let coverage = app
        .save_coverage(
            ada,
            None,
            &CoverageDraft {
                plan_id: plan,
                subscriber_id: ada,
                member_id: "M-1".into(),
                relationship: Relationship::SelfGuarantor,
                rank: Rank::Primary,
                effective: "2026-01-01".into(),
                termination: String::new(),
            },
        )
        .await
        .unwrap()[0]
        .id;
    assert!(
        app.eligibility_worklist().await.unwrap().is_empty(),
        "no appointment yet"
    );

    app.book_appointment(&filling(
        type_id(&app, "Filling").await,
        ada,
        "2026-11-27",
        "10:00",
    ))
    .await
    .unwrap();
    let due = app.eligibility_worklist().await.unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!((due[0].patient.id, due[0].coverage.id), (ada, coverage));
    assert_eq!(due[0].reason, "never verified");
    assert_eq!(due[0].appointment, "2026-11-27 10:00");

    // Verified long ago: still due; verified now: off the list.
    let verify = |on: &str| VerificationDraft {
        verified_on: on.into(),
        ..Default::default()
    };
    app.verify_coverage(ada, coverage, &verify("2026-09-01"))
        .await
        .unwrap();
    assert_eq!(
        app.eligibility_worklist().await.unwrap()[0].reason,
        "last verified 2026-09-01"
    );
    app.verify_coverage(ada, coverage, &verify("2026-11-24"))
        .await
        .unwrap();
    assert!(app.eligibility_worklist().await.unwrap().is_empty());

    // Outside the look-ahead (7 days) an appointment does not put the patient on the list.
    let ben = new_patient(&app, "Lee", "Ben", "1975-06-07").await;
    app.save_coverage(
        ben,
        None,
        &CoverageDraft {
            plan_id: plan,
            subscriber_id: ben,
            member_id: "M-2".into(),
            relationship: Relationship::SelfGuarantor,
            rank: Rank::Primary,
            effective: "2026-01-01".into(),
            termination: String::new(),
        },
    )
    .await
    .unwrap();
    app.book_appointment(&filling(
        type_id(&app, "Filling").await,
        ben,
        "2026-12-09",
        "10:00",
    ))
    .await
    .unwrap();
    assert!(app.eligibility_worklist().await.unwrap().is_empty());
    app.close().await;
}

#[tokio::test]
async fn due_today_counts_the_procedures_todays_appointment_is_booked_for() {
    let (_dir, app, _keychain) = office().await;
    let ada = new_patient(&app, "Okafor", "Ada", "1980-02-03").await;
    let v = app
        .add_treatment(
            ada,
            &frontdesk_insurance::TreatmentItemDraft {
                code: "D2391".into(),
                tooth: "30".into(),
                surface: String::new(),
                units: 1,
            },
        )
        .await
        .unwrap();
    let fee = v.items[0].fee_cents;
    assert_eq!(
        app.due_today(ada).await.unwrap().totals.fee_cents,
        0,
        "nothing booked today"
    );

    // Today (Tuesday 2026-11-24, 15:00 UTC now): a Filling visit at 16:00.
    let booked = app
        .book_appointment(&filling(
            type_id(&app, "Filling").await,
            ada,
            "2026-11-24",
            "16:00",
        ))
        .await
        .unwrap();
    let due = app.due_today(ada).await.unwrap();
    assert_eq!(due.lines.len(), 1);
    assert_eq!(
        due.totals.patient_cents, fee,
        "no insurance: the patient pays the fee"
    );

    assert_eq!(
        booked.procedures,
        vec!["D2391".to_string()],
        "the type's procedures by default"
    );
    // A second visit today booked for a cleaning the plan does not have adds nothing to pay;
    // booked explicitly for the planned filling, it is the same filling (counted once).
    let mut explicit = filling(type_id(&app, "Emergency").await, ada, "2026-11-24", "16:00");
    explicit.provider = 2;
    explicit.operatory = 2;
    explicit.procedures = Some(vec![" d2391 ".into()]);
    let second = app.book_appointment(&explicit).await.unwrap();
    assert_eq!(second.procedures, vec!["D2391".to_string()]);
    assert_eq!(app.due_today(ada).await.unwrap().lines.len(), 1);
    app.appointment_action(
        second.id,
        &AppointmentAction::Cancel {
            reason: "double".into(),
        },
    )
    .await
    .unwrap();

    // A cancelled visit no longer counts.
    app.appointment_action(
        booked.id,
        &AppointmentAction::Cancel {
            reason: "patient is ill".into(),
        },
    )
    .await
    .unwrap();
    assert!(app.due_today(ada).await.unwrap().lines.is_empty());
    let seen = app.patient_appointments(ada).await.unwrap();
    assert_eq!((seen.cancellations, seen.no_shows), (2, 0));
    assert_eq!(
        seen.late_cancellations, 2,
        "both cancelled an hour before the visit"
    );
    assert_eq!(seen.upcoming[0].status, AppointmentStatus::Cancelled);
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
async fn recall_and_unscheduled_lists() {
    let (_dir, app, _keychain) = office().await;
    let ada = new_patient(&app, "Okafor", "Ada", "1980-02-03").await;
    let ben = new_patient(&app, "Lee", "Ben", "1975-06-07").await;
    // Ada's last cleaning was on 2026-05-20: the 6-month prophy recall fell due on 2026-11-20.
    let v = app
        .add_treatment(
            ada,
            &frontdesk_insurance::TreatmentItemDraft {
                code: "D1110".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    app.complete_treatment(ada, v.items[0].id, "2026-05-20")
        .await
        .unwrap();
    let list = app.recall_list("", "", true).await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(
        (
            list[0].patient.id,
            list[0].recall.as_str(),
            list[0].due.as_str(),
            list[0].overdue
        ),
        (ada, "Prophy (cleaning)", "2026-11-20", true)
    );
    assert!(
        app.recall_list("", "2026-11-19", false)
            .await
            .unwrap()
            .is_empty(),
        "not due by then"
    );

    // A filling visit does not satisfy the cleaning recall.
    let filling_visit = app
        .book_appointment(&filling(
            type_id(&app, "Filling").await,
            ada,
            "2026-11-27",
            "09:00",
        ))
        .await
        .unwrap();
    assert_eq!(app.recall_list("", "", true).await.unwrap().len(), 1);
    app.appointment_action(
        filling_visit.id,
        &AppointmentAction::Cancel {
            reason: "moved".into(),
        },
    )
    .await
    .unwrap();
    // Booked: off the unscheduled recall list, on the full one with the appointment.
    let kind = type_id(&app, "Exam & cleaning").await;
    let booked = app
        .book_appointment(&filling(kind, ada, "2026-11-30", "09:00"))
        .await
        .unwrap();
    assert!(app.recall_list("", "", true).await.unwrap().is_empty());
    assert_eq!(
        app.recall_list("", "", false).await.unwrap()[0]
            .next_appointment
            .as_deref(),
        Some("2026-11-30 09:00")
    );

    // Ben misses his visit and books nothing: he is on the unscheduled list until he rebooks.
    let missed = app
        .book_appointment(&filling(kind, ben, "2026-11-24", "16:00"))
        .await
        .unwrap();
    app.appointment_action(missed.id, &AppointmentAction::MarkBroken)
        .await
        .unwrap();
    app.appointment_action(
        booked.id,
        &AppointmentAction::Cancel {
            reason: "travel".into(),
        },
    )
    .await
    .unwrap();
    let ids: Vec<i64> = app
        .unscheduled_list()
        .await
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids, vec![booked.id, filling_visit.id, missed.id]);
    app.book_appointment(&filling(kind, ben, "2026-12-01", "09:00"))
        .await
        .unwrap();
    let ids: Vec<i64> = app
        .unscheduled_list()
        .await
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids, vec![booked.id, filling_visit.id]);
    app.close().await;
}

#[tokio::test]
async fn confirming_tomorrows_patients_is_logged_and_reminders_go_only_to_those_who_accept_them() {
    use frontdesk_app::confirmations::ConfirmationState;
    use frontdesk_domain::contact_log::{ContactDraft, ContactMethodUsed, ContactOutcome};
    let (_dir, app, _keychain) = office().await;
    let mut texter = draft("Okafor", "Ada", "1980-02-03");
    texter.phone_mobile = "(214) 555-0101".into();
    texter.contact.ok_text = true;
    texter.preferred_name = "Addie".into();
    let ada = app.create_patient(&texter).await.unwrap().patient.id;
    let ben = new_patient(&app, "Lee", "Ben", "1975-06-07").await;
    let kind = type_id(&app, "Filling").await;
    // Tomorrow is Wednesday 2026-11-25, the next business day.
    let a1 = app
        .book_appointment(&filling(kind, ada, "2026-11-25", "09:00"))
        .await
        .unwrap();
    let mut d = filling(kind, ben, "2026-11-25", "09:00");
    d.provider = 2;
    d.operatory = 2;
    let a2 = app.book_appointment(&d).await.unwrap();

    let list = app.confirmation_list(1).await.unwrap();
    assert_eq!(list.len(), 2);
    assert!(list
        .iter()
        .all(|c| c.state == ConfirmationState::Unconfirmed));
    assert_eq!(list[0].phone, "(214) 555-0101");

    let call = |outcome| ContactDraft {
        method: ContactMethodUsed::Call,
        outcome,
        note: " spoke to spouse ".into(),
    };
    let c = app
        .log_appointment_contact(a2.id, &call(ContactOutcome::LeftMessage))
        .await
        .unwrap();
    assert_eq!(c.state, ConfirmationState::LeftMessage);
    let c = app
        .log_appointment_contact(a1.id, &call(ContactOutcome::Confirmed))
        .await
        .unwrap();
    assert_eq!(c.state, ConfirmationState::Confirmed);
    assert_eq!(c.appointment.status, AppointmentStatus::Confirmed);
    let log = app.patient_contacts(ben).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].outcome, log[0].note.as_str()),
        (ContactOutcome::LeftMessage, "spoke to spouse")
    );

    // Only Ada accepts texts: she alone is in the reminder export, by her preferred name.
    let csv = app.reminders_csv("11/25/2026").await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "date,time,first_name,channel,to,with,where");
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(
        lines[1].starts_with("2026-11-25,09:00,Addie,text,2145550101,"),
        "{}",
        lines[1]
    );

    // The printed call list, read back as text.
    let path = app.save_call_list_pdf(1, Some(_dir.path())).await.unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Calls for Wednesday 11/25/2026"), "{text}");
    assert!(
        text.lines().any(|l| l.contains("09:00")
            && l.contains("Okafor, Ada")
            && l.contains("(214) 555-0101")
            && l.contains("confirmed")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("Lee, Ben") && l.contains("left message")),
        "{text}"
    );
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

#[tokio::test]
async fn a_freed_time_is_offered_to_the_asap_patients_it_fits() {
    use frontdesk_app::asap::AsapDraft;
    use frontdesk_scheduling::{Preferences, TimeOfDay};
    let (_dir, app, _keychain) = office().await;
    let ada = new_patient(&app, "Okafor", "Ada", "1980-02-03").await;
    let ben = new_patient(&app, "Lee", "Ben", "1975-06-07").await;
    let cy = new_patient(&app, "Ng", "Cy", "1990-01-01").await;
    let fill = type_id(&app, "Filling").await;
    let crown = type_id(&app, "Crown prep").await;
    // Ben has a filling in two weeks and wants it sooner; Cy wants a crown prep (too long for the
    // hour that frees up); Ada's morning filling is cancelled.
    let later = app
        .book_appointment(&filling(fill, ben, "2026-12-08", "14:00"))
        .await
        .unwrap();
    let mornings = Preferences {
        time_of_day: TimeOfDay::MorningsOnly,
        not_on: vec![],
    };
    app.add_asap(
        ben,
        &AsapDraft {
            type_id: fill,
            provider: None,
            appointment: Some(later.id),
            preferences: mornings,
            note: "any morning".into(),
        },
    )
    .await
    .unwrap();
    app.add_asap(
        cy,
        &AsapDraft {
            type_id: crown,
            provider: None,
            appointment: None,
            preferences: Preferences::default(),
            note: String::new(),
        },
    )
    .await
    .unwrap();
    assert_eq!(app.asap_list().await.unwrap().len(), 2);
    let e = app
        .add_asap(
            ada,
            &AsapDraft {
                type_id: -5,
                provider: None,
                appointment: Some(later.id),
                preferences: Preferences::default(),
                note: String::new(),
            },
        )
        .await
        .unwrap_err();
    assert_eq!(
        e.fields
            .iter()
            .map(|f| f.field.as_str())
            .collect::<Vec<_>>(),
        ["type_id"]
    );

    let gone = app
        .book_appointment(&filling(fill, ada, "2026-11-26", "09:00"))
        .await
        .unwrap();
    app.appointment_action(
        gone.id,
        &AppointmentAction::Cancel {
            reason: "sick".into(),
        },
    )
    .await
    .unwrap();
    let counts = app.patient_appointments(ada).await.unwrap();
    assert_eq!(
        (counts.cancellations, counts.late_cancellations),
        (1, 0),
        "cancelled two days ahead is not late"
    );
    let fits = app.asap_candidates(gone.id).await.unwrap();
    assert_eq!(
        fits.iter().map(|f| f.patient.id).collect::<Vec<_>>(),
        vec![ben]
    );

    let moved = app.fill_from_asap(gone.id, fits[0].id).await.unwrap();
    assert_eq!(
        (
            moved.id,
            moved.local_date.as_str(),
            moved.local_time.as_str()
        ),
        (later.id, "2026-11-26", "09:00")
    );
    assert_eq!(
        app.asap_list().await.unwrap().len(),
        1,
        "Ben is off the list"
    );
    app.close().await;
}
