//! The demo a newcomer starts with includes today: on the Today board some patients are still
//! due, one is waiting, one is in the chair, and one has checked out and paid.
use frontdesk_acceptance::{memory_config, ready};
use frontdesk_scheduling::AppointmentStatus;

#[tokio::test]
async fn the_demo_includes_today_at_every_step() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, _kc) = memory_config(dir.path());
    let app = ready(cfg).await;
    frontdesk_demo::load_demo(&app, 80, 2026).await.unwrap();
    let today = app.today().to_string();
    let day = app.day_schedule(&today).await.unwrap();
    let count = |s: AppointmentStatus| day.appointments.iter().filter(|a| a.status == s).count();
    assert_eq!(count(AppointmentStatus::Arrived), 1, "one waiting");
    assert_eq!(count(AppointmentStatus::Seated), 1, "one in the chair");
    assert_eq!(count(AppointmentStatus::Completed), 1, "one checked out");
    assert!(
        count(AppointmentStatus::Confirmed) + count(AppointmentStatus::Scheduled) >= 3,
        "the rest of the day still due"
    );
    let done = day
        .appointments
        .iter()
        .find(|a| a.status == AppointmentStatus::Completed)
        .unwrap();
    let sheet = app.day_sheet(&today).await.unwrap();
    let name = &done.patient.last_name;
    assert!(
        sheet
            .charges
            .iter()
            .any(|l| l.patient.contains(name.as_str()) && l.code == "D2391"),
        "the checked-out visit's filling is charged today"
    );
    assert!(
        sheet
            .payments
            .iter()
            .any(|l| l.patient.contains(name.as_str())),
        "and paid at the desk"
    );
    app.close().await;
}
