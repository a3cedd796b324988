//! The front desk's lists on the encrypted database: coverages to verify before upcoming visits,
//! what is due today, recall, cancelled visits not rebooked, confirmations with the communication
//! log, reminders and the call list, and the ASAP list.
use frontdesk_acceptance::schedule_fixture::{filling, office, type_id};
use frontdesk_acceptance::{draft, new_patient};
use frontdesk_app::schedule::appointments::AppointmentAction;
use frontdesk_domain::Relationship;
use frontdesk_insurance::verification::VerificationDraft;
use frontdesk_insurance::{CoverageDraft, Rank};
use frontdesk_scheduling::AppointmentStatus;

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
    use frontdesk_app::schedule::confirmations::ConfirmationState;
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
async fn a_freed_time_is_offered_to_the_asap_patients_it_fits() {
    use frontdesk_app::schedule::asap::AsapDraft;
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
