//! The table: every gated use-case on `App`, the permission it needs (`None`: any signed-in
//! user) and one plausible call. `use_cases!` makes both `CASE_NAMES` (read by the source scan)
//! and `run_all` (one call per row, with the audit entries each call appended).
use std::path::PathBuf;

use chrono::{Duration, TimeZone, Utc};
use frontdesk_acceptance::{draft, new_patient, TEST_PASSWORD};
use frontdesk_app::admin::backup_schedule::BackupSchedule;
use frontdesk_app::admin::worklist_limits::WorklistLimits;
use frontdesk_app::documents::claim_form::PracticeInfo;
use frontdesk_app::documents::document_settings::DocumentSettings;
use frontdesk_app::documents::preview_print_save::DocumentRequest;
use frontdesk_app::documents::printers::{DocumentKind, PrintOptions};
use frontdesk_app::insurance::claims::ClaimWorklist;
use frontdesk_app::money::ledger_postings::{AdjustmentDraft, PaymentDraft};
use frontdesk_app::money::payment_plans::PaymentPlanDraft;
use frontdesk_app::money::statements::RunOptions;
use frontdesk_app::reports::csv_export::{ReportKind, ReportRequest};
use frontdesk_app::schedule::appointments::{AppointmentAction, AppointmentDraft, ScheduleSetup};
use frontdesk_app::schedule::asap::AsapDraft;
use frontdesk_app::users::audit_log::AuditQuery;
use frontdesk_app::users::security_settings::SecuritySettings;
use frontdesk_app::users::user_admin::{NewUserInput, UserAction};
use frontdesk_app::users::{Permission, Permission::*, Role};
use frontdesk_app::{App, AppError};
use frontdesk_domain::contact_log::{ContactDraft, ContactMethodUsed, ContactOutcome};
use frontdesk_domain::Relationship;
use frontdesk_insurance::preauth::PreauthAction;
use frontdesk_insurance::verification::VerificationDraft;
use frontdesk_insurance::{
    CarrierDraft, ClaimAction, CoverageDraft, PlanDraft, TreatmentItemDraft, TreatmentStatus,
};
use frontdesk_ledger::{AdjustmentKind, PaymentMethod};
use frontdesk_scheduling::{
    AppointmentStatus, Blockout, BlockoutScope, BlockoutTime, Device, Preferences, RecallType,
    SlotRequest,
};
use frontdesk_store::{audit, AuditEntry};

/// The user that the user-management rows act on (never one of the role users).
pub const TARGET: &str = "t_target";
const PW: &str = TEST_PASSWORD;

/// Ids and values of demo records, read once as the administrator.
pub struct Fx {
    /// Where this role's files go (backups, saved PDFs, CSVs).
    pub dir: PathBuf,
    pub today: String,
    pub tz: String,
    /// A demo patient with a coverage (and, when the demo made one, a claim).
    pub patient: i64,
    pub coverage: i64,
    pub coverage_draft: CoverageDraft,
    pub item: i64,
    pub claim: i64,
    pub entry: i64,
    pub appt: i64,
    pub preauth: i64,
    pub statement: i64,
    pub run: i64,
    pub asap: i64,
    pub package: i64,
    pub sale: i64,
    pub pay_plan: i64,
    /// Patients made for the edits: `spare` is edited, archived, linked under `head`.
    pub spare: i64,
    pub spare_version: i64,
    pub spare_item: i64,
    pub head: i64,
    pub carrier: (Option<i64>, CarrierDraft),
    pub plan: (Option<i64>, PlanDraft),
    pub setup: ScheduleSetup,
    pub device: Device,
    pub blockout: Blockout,
    pub recall_type: RecallType,
    pub booking: AppointmentDraft,
    pub practice: PracticeInfo,
    pub docs: DocumentSettings,
    pub limits: WorklistLimits,
    pub security: SecuritySettings,
    pub backups: BackupSchedule,
}

/// Reads (and where the demo has none, makes) the records the table's calls name.
pub async fn fixtures(app: &App, dir: PathBuf) -> Fx {
    let today = app.today().to_string();
    let mut covered = None;
    for pid in 1..=40 {
        let Ok(cov) = app.coverages(pid).await else {
            continue;
        };
        let Some(c) = cov.first() else { continue };
        let claim = app.patient_claims(pid).await.unwrap().first().map(|c| c.id);
        if claim.is_some() || covered.is_none() {
            covered = Some((pid, c.clone(), claim));
        }
        if claim.is_some() {
            break;
        }
    }
    let (patient, coverage, claim) = covered.expect("the demo has a covered patient");
    let items = app.treatment_plan(patient).await.unwrap().items;
    let first = |s: TreatmentStatus| items.iter().find(|i| i.status == s).map(|i| i.id);
    let (item, done) = (
        first(TreatmentStatus::Planned),
        first(TreatmentStatus::Completed),
    );
    let crown = TreatmentItemDraft {
        code: "D2740".into(),
        tooth: "3".into(),
        ..Default::default()
    };
    let item = match item {
        Some(i) => i,
        None => {
            app.add_treatment(patient, &crown)
                .await
                .unwrap()
                .items
                .iter()
                .rfind(|i| i.status == TreatmentStatus::Planned)
                .unwrap()
                .id
        }
    };
    let claim = match (claim, done) {
        (Some(c), _) => Some(c),
        (None, Some(d)) => app
            .create_claim(patient, coverage.id, &today, &[d])
            .await
            .ok()
            .map(|c| c.summary.id),
        (None, None) => None,
    };
    let entry = app
        .account(patient)
        .await
        .unwrap()
        .lines
        .first()
        .map(|l| l.id);
    let day = app.day_schedule(&today).await.unwrap();
    let booked = |s: AppointmentStatus| day.appointments.iter().find(|a| a.status == s);
    let appt = booked(AppointmentStatus::Scheduled)
        .or(booked(AppointmentStatus::Confirmed))
        .or(day.appointments.first())
        .expect("the demo books today")
        .id;
    let mut setup = app.schedule_setup().await.unwrap();
    if setup.blockouts.is_empty() {
        setup = app.add_blockout(&staff_meeting()).await.unwrap();
    }
    let (type_id, provider) = (setup.types[0].id, setup.providers[0].id);
    let asap_draft = asap(type_id);
    let asap = app.add_asap(patient, &asap_draft).await.unwrap();
    let preauth = app.create_preauth(patient, coverage.id, &[item]).await;
    let statement = app.issue_statement(patient).await.map(|s| s.0).unwrap_or(1);
    let run = app.statement_runs().await.unwrap().first().map(|r| r.id);
    let package = app.packages().await.unwrap().first().map(|p| p.id);
    let (mut sale, mut pay_plan) = (None, None);
    for pid in 1..=40 {
        if let Ok(b) = app.package_balances(pid).await {
            sale = sale.or(b.first().map(|s| s.sale_id));
        }
        if let Ok(Some(p)) = app.payment_plan(pid).await {
            pay_plan = pay_plan.or(Some(p.id));
        }
    }
    let spare = new_patient(app, "Gatekeeper", "Spare", "1980-02-02").await;
    let head = new_patient(app, "Gatekeeper", "Head", "1970-03-03").await;
    let card = app.patient_card(spare).await.unwrap();
    let code = TreatmentItemDraft {
        code: "D1110".into(),
        ..Default::default()
    };
    let spare_item = app.add_treatment(spare, &code).await.unwrap().items[0].id;
    let carrier = app
        .carriers()
        .await
        .unwrap()
        .first()
        .map(|c| (Some(c.id), c.details.clone()));
    let plan = app
        .plans()
        .await
        .unwrap()
        .first()
        .map(|p| (Some(p.id), p.details.clone()));
    let week = (app.today() + Duration::days(7)).to_string();
    let op = setup.operatories[0].id;
    let device = setup.devices.first().cloned();
    let blockout = setup.blockouts.first().cloned();
    let recall_type = setup.recall_types.first().cloned();
    Fx {
        dir,
        tz: app.clinic_timezone().name().to_string(),
        patient,
        coverage: coverage.id,
        coverage_draft: coverage.details.clone(),
        item,
        claim: claim.unwrap_or(1),
        entry: entry.unwrap_or(1),
        appt,
        preauth: preauth.map(|p| p.id).unwrap_or(1),
        statement,
        run: run.unwrap_or(1),
        asap: asap.last().map(|a| a.id).unwrap_or(1),
        package: package.unwrap_or(1),
        sale: sale.unwrap_or(1),
        pay_plan: pay_plan.unwrap_or(1),
        spare,
        spare_version: card.patient.meta.version,
        spare_item,
        head,
        carrier: carrier.unwrap_or_default(),
        plan: plan.unwrap_or_default(),
        device: device.unwrap_or(Device {
            id: 0,
            name: "Laser".into(),
            operatories: vec![op],
        }),
        blockout: blockout.unwrap_or_else(staff_meeting),
        recall_type: recall_type.unwrap_or(RecallType {
            id: 0,
            name: "Hygiene".into(),
            interval_months: 6,
            procedure_codes: vec!["D1110".into()],
        }),
        booking: AppointmentDraft {
            patient_id: patient,
            date: week,
            time: "10:00".into(),
            type_id,
            provider,
            operatory: op,
            ..Default::default()
        },
        practice: app.practice_info().await.unwrap(),
        docs: app.document_settings().await.unwrap(),
        limits: app.worklist_limits().await.unwrap(),
        security: app.security_settings().await.unwrap(),
        backups: app.backup_schedule().await.unwrap(),
        today,
        setup,
    }
}

fn staff_meeting() -> Blockout {
    Blockout {
        id: 0,
        scope: BlockoutScope::Office,
        time: BlockoutTime::OneOff {
            start: Utc.with_ymd_and_hms(2030, 1, 7, 17, 0, 0).unwrap(),
            end: Utc.with_ymd_and_hms(2030, 1, 7, 18, 0, 0).unwrap(),
        },
        reason: "Staff meeting".into(),
        allowed_types: vec![],
    }
}

fn asap(type_id: i64) -> AsapDraft {
    AsapDraft {
        type_id,
        provider: None,
        appointment: None,
        preferences: Preferences::default(),
        note: "any morning".into(),
    }
}

/// A printer that does not exist: print calls stop at the printer check, nothing is printed.
fn no_printer() -> PrintOptions {
    PrintOptions {
        printer: Some("frontdesk-test-no-such-printer".into()),
        copies: 1,
        duplex: false,
    }
}

fn contact() -> ContactDraft {
    ContactDraft {
        method: ContactMethodUsed::Call,
        outcome: ContactOutcome::LeftMessage,
        note: String::new(),
    }
}

fn slot(f: &Fx) -> SlotRequest {
    SlotRequest {
        type_id: f.booking.type_id,
        provider: f.booking.provider,
        minutes: None,
        operatories: vec![],
        devices: vec![],
        preferences: Preferences::default(),
        moving: None,
    }
}

const RUN: RunOptions = RunOptions {
    min_balance_cents: None,
    skip_days: None,
};

/// One row's call: its permission, its result and the audit entries it appended.
pub struct Outcome {
    pub name: &'static str,
    pub perm: Option<Permission>,
    pub result: Result<(), AppError>,
    pub appended: Vec<AuditEntry>,
}

macro_rules! use_cases {
    (|$app:ident, $f:ident| $($name:ident: $perm:expr => $call:expr;)*) => {
        /// Every row's name, in table order.
        pub const CASE_NAMES: &[&str] = &[$(stringify!($name)),*];

        /// Calls every row once as whoever is signed in.
        pub async fn run_all($app: &mut App, $f: &Fx) -> Vec<Outcome> {
            let mut out = Vec::new();
            $(
                let before = audit::all($app.db()).await.unwrap().len();
                let result = $call.await.map(|_| ());
                let appended = audit::all($app.db()).await.unwrap().split_off(before);
                out.push(Outcome { name: stringify!($name), perm: $perm, result, appended });
            )*
            out
        }
    };
}

use_cases! { |app, f|
    // admin/
    backup_to_folder: Some(BackupsRestore) => app.backup_to_folder(&f.dir);
    backup: Some(BackupsRestore) => app.backup(&f.dir.join("office.db"));
    rekey: Some(BackupsRestore) => app.rekey();
    approve_restore: Some(BackupsRestore) => app.approve_restore();
    backup_schedule: Some(BackupsRestore) => app.backup_schedule();
    set_backup_schedule: Some(BackupsRestore) => app.set_backup_schedule(&f.backups);
    backup_health: None => app.backup_health();
    set_backup_passphrase: Some(BackupsRestore) => app.set_backup_passphrase(None);
    backup_passphrase_is_set: None => app.backup_passphrase_is_set();
    set_clinic_timezone: Some(OfficeSetup) => app.set_clinic_timezone(&f.tz);
    recovery_kit: Some(ViewRecoveryKit) => app.recovery_kit(PW);
    acknowledge_recovery_kit: Some(ViewRecoveryKit) => app.acknowledge_recovery_kit();
    recovery_kit_pdf: Some(ViewRecoveryKit) => app.recovery_kit_pdf(PW);
    save_recovery_kit_pdf: Some(ViewRecoveryKit) => app.save_recovery_kit_pdf(Some(&f.dir), PW);
    worklist_limits: None => app.worklist_limits();
    set_worklist_limits: Some(OfficeSetup) => app.set_worklist_limits(&f.limits);
    // documents/
    checkin_packet_for: Some(PrintExportPhi) => app.checkin_packet_for(f.patient);
    checkin_packets_for_day: Some(PrintExportPhi) => app.checkin_packets_for_day(&f.today);
    practice_info: None => app.practice_info();
    set_practice_info: Some(OfficeSetup) => app.set_practice_info(&f.practice);
    claim_pdf: Some(PrintExportPhi) => app.claim_pdf(f.claim);
    save_claim_pdf: Some(PrintExportPhi) => app.save_claim_pdf(f.claim, Some(&f.dir));
    document_settings: None => app.document_settings();
    set_document_settings: Some(OfficeSetup) => app.set_document_settings(&f.docs);
    document_preview: Some(PrintExportPhi) =>
        app.document_preview(&DocumentRequest::Receipt { patient: f.patient });
    document_print: Some(PrintExportPhi) =>
        app.document_print(&DocumentRequest::Statement { patient: f.patient }, &no_printer());
    document_save: Some(PrintExportPhi) =>
        app.document_save(&DocumentRequest::CheckinPatient { patient: f.patient }, Some(&f.dir));
    printers: None => app.printers();
    printer_defaults: None => app.printer_defaults();
    set_default_printer: None => app.set_default_printer(DocumentKind::Receipt, "");
    print: Some(PrintExportPhi) =>
        app.print(DocumentKind::Receipt, b"%PDF-1.4\n".to_vec(), &no_printer());
    walkout_receipt: Some(PrintExportPhi) => app.walkout_receipt(f.patient);
    // insurance/
    save_carrier: Some(ManageInsurancePlans) => app.save_carrier(f.carrier.0, &f.carrier.1);
    carriers: Some(ViewPatients) => app.carriers();
    save_plan: Some(ManageInsurancePlans) => app.save_plan(f.plan.0, &f.plan.1);
    plans: Some(ViewPatients) => app.plans();
    create_claim: Some(WorkClaims) =>
        app.create_claim(f.patient, f.coverage, &f.today, &[f.item]);
    claim: Some(ViewPatients) => app.claim(f.claim);
    patient_claims: Some(ViewPatients) => app.patient_claims(f.patient);
    claim_action: Some(WorkClaims) => app.claim_action(f.claim, &ClaimAction::Receive);
    post_claim_payment: Some(WorkClaims) => app.post_claim_payment(f.claim, &f.today, &[]);
    claim_follow_up: Some(WorkClaims) => app.claim_follow_up(f.claim, &f.today, "called");
    claim_worklist: Some(ViewPatients) => app.claim_worklist(ClaimWorklist::Outstanding);
    save_coverage: Some(EditPatients) =>
        app.save_coverage(f.patient, Some(f.coverage), &f.coverage_draft);
    coverages: Some(ViewPatients) => app.coverages(f.patient);
    create_preauth: Some(WorkClaims) => app.create_preauth(f.patient, f.coverage, &[f.item]);
    preauth: Some(ViewPatients) => app.preauth(f.preauth);
    patient_preauths: Some(ViewPatients) => app.patient_preauths(f.patient);
    preauth_action: Some(WorkClaims) =>
        app.preauth_action(f.preauth, &PreauthAction::Send { on: f.today.clone() });
    preauth_worklist: Some(ViewPatients) => app.preauth_worklist();
    treatment_plan: Some(ViewPatients) => app.treatment_plan(f.patient);
    add_treatment: Some(EditTreatment) => app.add_treatment(
        f.spare, &TreatmentItemDraft { code: "D0120".into(), ..Default::default() });
    move_treatment: Some(EditTreatment) => app.move_treatment(f.patient, f.item, 1);
    complete_treatment: Some(EditTreatment) =>
        app.complete_treatment(f.spare, f.spare_item, &f.today);
    remove_treatment: Some(EditTreatment) => app.remove_treatment(f.spare, f.spare_item);
    due_today: Some(ViewPatients) => app.due_today(f.patient);
    eligibility_worklist: Some(ViewPatients) => app.eligibility_worklist();
    verify_coverage: Some(VerifyInsurance) => app.verify_coverage(f.patient, f.coverage,
        &VerificationDraft { verified_on: f.today.clone(), ..Default::default() });
    verifications: Some(ViewPatients) => app.verifications(f.coverage);
    // money/
    lock_ledger_through: Some(LockLedger) => app.lock_ledger_through("2001-01-31");
    account: Some(ViewPatients) => app.account(f.patient);
    day_sheet: Some(ViewReports) => app.day_sheet(&f.today);
    // reports/
    production_report: Some(ViewReports) => app.production_report(
        frontdesk_app::reports::Range::parse("2026-01-01", &f.today).unwrap());
    aging_report: Some(ViewReports) => app.aging_report();
    insurance_aging_report: Some(ViewReports) => app.insurance_aging_report();
    appointments_report: Some(ViewReports) => app.appointments_report(
        frontdesk_app::reports::Range::parse("2026-01-01", &f.today).unwrap(), None);
    recall_report: Some(ViewReports) => app.recall_report(
        frontdesk_app::reports::Range::parse("2026-01-01", &f.today).unwrap());
    new_patients_report: Some(ViewReports) => app.new_patients_report(
        frontdesk_app::reports::Range::parse("2026-01-01", &f.today).unwrap());
    referrals_report: Some(ViewReports) => app.referrals_report(
        frontdesk_app::reports::Range::parse("2026-01-01", &f.today).unwrap());
    unbilled_report: Some(ViewReports) => app.unbilled_report();
    report_csv: Some(PrintExportPhi) => app.report_csv(&ReportRequest {
        kind: ReportKind::Aging, from: String::new(), to: String::new(), provider: None });
    save_report_csv: Some(PrintExportPhi) => app.save_report_csv(&ReportRequest {
        kind: ReportKind::Unearned, from: String::new(), to: String::new(), provider: None },
        Some(&f.dir));
    unearned_report: Some(ViewReports) => app.unearned_report();
    import_fee_schedule: Some(OfficeSetup) => app.import_fee_schedule(frontdesk_demo::DEMO_FEES_CSV);
    fee_schedule: Some(ViewPatients) => app.fee_schedule();
    take_payment: Some(TakePayments) => app.take_payment(&PaymentDraft {
        patient_id: f.patient, date: String::new(), amount_cents: 100,
        method: PaymentMethod::Cash, note: String::new(), charges: vec![] });
    adjust_account: Some(AdjustLedger) => app.adjust_account(&AdjustmentDraft {
        patient_id: f.patient, date: String::new(), adjustment: AdjustmentKind::Discount,
        amount_cents: 100, note: "courtesy".into() });
    reverse_entry: Some(AdjustLedger) => app.reverse_entry(f.patient, f.entry, "posted twice");
    packages: Some(ViewPatients) => app.packages();
    add_package: Some(OfficeSetup) => app.add_package("Gate test — 3 visits", 3, 30_000);
    sell_package: Some(TakePayments) => app.sell_package(f.patient, f.package);
    redeem_session: Some(TakePayments) => app.redeem_session(f.sale, None);
    package_balances: Some(ViewPatients) => app.package_balances(f.patient);
    create_payment_plan: Some(TakePayments) => app.create_payment_plan(&PaymentPlanDraft {
        patient_id: f.head, total_cents: 10_000, count: 2, first_due: f.booking.date.clone(),
        every_months: 1, note: String::new() });
    payment_plan: Some(ViewPatients) => app.payment_plan(f.patient);
    close_payment_plan: Some(TakePayments) => app.close_payment_plan(f.pay_plan);
    overdue_plans: Some(ViewPatients) => app.overdue_plans();
    statement_preview: Some(PrintExportPhi) => app.statement_preview(f.patient);
    issue_statement: Some(PrintExportPhi) => app.issue_statement(f.patient);
    statement_copy: Some(PrintExportPhi) => app.statement_copy(f.statement);
    statements_sent: Some(ViewPatients) => app.statements_sent(f.patient);
    statement_candidates: Some(ViewPatients) => app.statement_candidates(&RUN);
    run_and_print_statements: Some(PrintExportPhi) =>
        app.run_and_print_statements(&RUN, false, Some(&no_printer()));
    run_statements: Some(PrintExportPhi) => app.run_statements(&RUN, true);
    statement_runs: Some(ViewPatients) => app.statement_runs();
    statements_of_run: Some(ViewPatients) => app.statements_of_run(f.run);
    // patients/
    search_patients: Some(ViewPatients) => app.search_patients("a", false);
    patient_card: Some(ViewPatients) => app.patient_card(f.patient);
    create_patient: Some(EditPatients) =>
        app.create_patient(&draft("Gatekeeper", "New", "1990-01-01"));
    update_patient: Some(EditPatients) =>
        app.update_patient(f.spare, f.spare_version, &draft("Gatekeeper", "Renamed", "1980-02-02"));
    link_family: Some(EditPatients) => app.link_family(f.spare, f.head, Relationship::Child);
    unlink_family: Some(EditPatients) => app.unlink_family(f.spare);
    archive_patient: Some(EditPatients) => app.archive_patient(f.head, 0);
    unarchive_patient: Some(EditPatients) => app.unarchive_patient(f.head, 0);
    patient_audit: Some(ViewAudit) => app.patient_audit(f.patient);
    patient_count: Some(ViewPatients) => app.patient_count();
    // schedule/
    schedule_setup: Some(ViewPatients) => app.schedule_setup();
    book_appointment: Some(Schedule) => app.book_appointment(&f.booking);
    move_appointment: Some(Schedule) => app.move_appointment(f.appt, &f.booking);
    appointment_action: Some(Schedule) => app.appointment_action(f.appt, &AppointmentAction::Confirm);
    appointment: Some(ViewPatients) => app.appointment(f.appt);
    first_available: Some(ViewPatients) => app.first_available(&slot(f), &f.today, 3);
    patient_appointments: Some(ViewPatients) => app.patient_appointments(f.patient);
    appointment_history: Some(ViewPatients) => app.appointment_history(f.appt);
    day_schedule: Some(ViewPatients) => app.day_schedule(&f.today);
    add_asap: Some(Schedule) => app.add_asap(f.head, &asap(f.booking.type_id));
    remove_asap: Some(Schedule) => app.remove_asap(f.asap);
    asap_list: Some(ViewPatients) => app.asap_list();
    asap_candidates: Some(ViewPatients) => app.asap_candidates(f.appt);
    fill_from_asap: Some(Schedule) => app.fill_from_asap(f.appt, f.asap);
    confirmation_list: Some(ViewPatients) => app.confirmation_list(2);
    log_appointment_contact: Some(Schedule) => app.log_appointment_contact(f.appt, &contact());
    log_contact: Some(EditPatients) => app.log_contact(f.patient, &contact());
    patient_contacts: Some(ViewPatients) => app.patient_contacts(f.patient);
    call_list_pdf: Some(PrintExportPhi) => app.call_list_pdf(2);
    save_call_list_pdf: Some(PrintExportPhi) => app.save_call_list_pdf(2, Some(&f.dir));
    save_reminders_csv: Some(PrintExportPhi) => app.save_reminders_csv(&f.today, Some(&f.dir));
    reminders_csv: Some(PrintExportPhi) => app.reminders_csv(&f.today);
    set_office_hours: Some(OfficeSetup) =>
        app.set_office_hours(f.setup.slot_minutes, &f.setup.office_hours);
    save_provider: Some(OfficeSetup) => app.save_provider(&f.setup.providers[0]);
    save_operatory: Some(OfficeSetup) => app.save_operatory(&f.setup.operatories[0]);
    save_device: Some(OfficeSetup) => app.save_device(&f.device);
    save_appointment_type: Some(OfficeSetup) => app.save_appointment_type(&f.setup.types[0]);
    add_holiday: Some(OfficeSetup) => app.add_holiday("2030-12-25", "Christmas Day");
    remove_holiday: Some(OfficeSetup) => app.remove_holiday("2030-12-25");
    add_blockout: Some(OfficeSetup) => app.add_blockout(&f.blockout);
    save_recall_type: Some(OfficeSetup) => app.save_recall_type(&f.recall_type);
    remove_blockout: Some(OfficeSetup) => app.remove_blockout(f.blockout.id);
    recall_list: Some(ViewPatients) => app.recall_list(&f.today, "2027-12-31", false);
    unscheduled_list: Some(ViewPatients) => app.unscheduled_list();
    // users/
    audit_list: Some(ViewAudit) => app.audit_list(&AuditQuery::default());
    audit_verify: Some(ViewAudit) => app.audit_verify();
    audit_head: Some(ViewAudit) => app.audit_head();
    audit_export_csv: Some(ViewAudit) =>
        app.audit_export_csv(&AuditQuery::default(), &f.dir.join("audit.csv"));
    save_audit_csv: Some(ViewAudit) => app.save_audit_csv(&AuditQuery::default(), Some(&f.dir));
    security_settings: None => app.security_settings();
    set_security_settings: Some(OfficeSetup) => app.set_security_settings(&f.security);
    list_users: Some(ManageUsers) => app.list_users();
    add_user: Some(ManageUsers) => app.add_user(&NewUserInput {
        username: "t_added".into(), full_name: "Added By Test".into(), role: Role::FrontDesk,
        grants: vec![], password: PW.into() });
    set_user_active: Some(ManageUsers) => app.set_user_active(TARGET, UserAction::Unlock);
    set_user_role: Some(ManageUsers) => app.set_user_role(TARGET, Role::Billing);
    set_user_permission: Some(ManageUsers) => app.set_user_permission(TARGET, ViewAudit, true);
    reset_user_password: Some(ManageUsers) => app.reset_user_password(TARGET, "another password 2");
}
