//! Every command the UI may call, one declaration each: `app NAME(ARGS) -> T = |a| BODY;` runs
//! BODY with the unlocked app (`a`), `session NAME(ARGS) -> T = |s| BODY;` with the session. The
//! `tauri_commands!` macro (command_macro.rs) writes the Tauri command and the list the bindings come
//! from, so adding a command is one declaration here. Commands stay thin: parse (serde), call the
//! app crate, return its typed `{code, message, fields}` error.
use frontdesk_app::admin::backup_schedule::{BackupHealth, BackupSchedule};
use frontdesk_app::admin::recovery_kit::RecoveryKit;
use frontdesk_app::admin::worklist_limits::WorklistLimits;
use frontdesk_app::documents::claim_form::PracticeInfo;
use frontdesk_app::documents::document_settings::DocumentSettings;
use frontdesk_app::documents::preview_print_save::{DocumentPdf, DocumentPrinted, DocumentRequest};
use frontdesk_app::documents::printers::{DocumentKind, PrintOptions, PrinterDefault};
use frontdesk_app::insurance::claims::ClaimWorklist;
use frontdesk_app::insurance::treatment_plan::TreatmentPlanView;
use frontdesk_app::insurance::verification::EligibilityDue;
use frontdesk_app::money::account::AccountView;
use frontdesk_app::money::day_sheet::DaySheet;
use frontdesk_app::money::ledger_postings::{AdjustmentDraft, PaymentDraft, Posted};
use frontdesk_app::money::packages::{PackageBalance, PackageView};
use frontdesk_app::money::payment_plans::{PaymentPlanDraft, PaymentPlanView};
use frontdesk_app::money::statements::{RunOptions, RunSummary, StatementRunResult, StatementSent};
use frontdesk_app::patients::records::{AuditLine, PatientCard};
use frontdesk_app::reports::aging::AgingReport;
use frontdesk_app::reports::appointments::AppointmentsReport;
use frontdesk_app::reports::csv_export::ReportRequest;
use frontdesk_app::reports::insurance_aging::InsuranceAgingReport;
use frontdesk_app::reports::new_patients::NewPatientsReport;
use frontdesk_app::reports::production::ProductionReport;
use frontdesk_app::reports::recall::RecallReport;
use frontdesk_app::reports::unbilled::UnbilledReport;
use frontdesk_app::reports::unearned::UnearnedReport;
use frontdesk_app::reports::Range;
use frontdesk_app::schedule::appointments::{
    AppointmentAction, AppointmentDraft, AppointmentView, DaySchedule, FreeSlot,
    PatientAppointments, ScheduleSetup,
};
use frontdesk_app::schedule::asap::{AsapDraft, AsapEntry};
use frontdesk_app::schedule::confirmations::ConfirmationItem;
use frontdesk_app::schedule::recall::RecallDue;
use frontdesk_app::users::audit_log::{AuditCheck, AuditQuery, AuditRow};
use frontdesk_app::users::security_settings::SecuritySettings;
use frontdesk_app::users::sign_in::FirstAdmin;
use frontdesk_app::users::user_admin::{NewUserInput, UserAction, UserView};
use frontdesk_app::users::{Permission, Role, SessionUser};
use frontdesk_app::AppStatus;
use frontdesk_domain::contact_log::{ContactDraft, ContactEntry};
use frontdesk_domain::fee_schedule::{FeeEntry, FeeImport};
use frontdesk_domain::{PatientDraft, PatientSummary, Relationship};
use frontdesk_insurance::claim_view::{ClaimDetail, ClaimSummary};
use frontdesk_insurance::patient_estimate::TreatmentEstimate;
use frontdesk_insurance::preauth::{Preauth, PreauthAction};
use frontdesk_insurance::verification::{Verification, VerificationDraft};
use frontdesk_insurance::{
    Carrier, CarrierDraft, ClaimAction, Coverage, CoverageDraft, PaymentLine, Plan, PlanDraft,
    TreatmentItemDraft,
};
use frontdesk_printing::Printer;
use frontdesk_scheduling::{
    AppointmentType, Blockout, Device, Operatory, Provider, RecallType, SlotRequest, WeeklyHours,
};

tauri_commands! {
    // Start-up, patients, families and the fee schedule.
    session app_status() -> AppStatus = |s| s.status().await;
    session unlock_with_recovery_code(code: String) -> AppStatus = |s| s.unlock(&code).await;
    app recovery_kit(password: String) -> RecoveryKit = |a| a.recovery_kit(&password).await;
    app save_recovery_kit_pdf(password: String) -> String = |a|
        Ok(a.save_recovery_kit_pdf(None, &password).await?.display().to_string());

    // People: first administrator, sign-in, PIN, lock; users; the audit log.
    app first_admin_create(admin: FirstAdmin) -> SessionUser = |a| a.create_first_admin(&admin).await;
    app sign_in(username: String, password: String) -> SessionUser = |a|
        a.sign_in(&username, &password).await;
    app sign_in_pin(username: String, pin: String) -> SessionUser = |a|
        a.sign_in_with_pin(&username, &pin).await;
    app sign_out() -> () = |a| a.sign_out().await;
    app session_lock() -> () = |a| a.lock_session().await;
    app session_touch() -> () = |a| a.touch_session().await;
    app own_pin_set(password: String, pin: String) -> () = |a| a.set_own_pin(&password, &pin).await;
    app own_password_change(old_password: String, new_password: String) -> () = |a|
        a.change_own_password(&old_password, &new_password).await;
    app users_list() -> Vec<UserView> = |a| a.list_users().await;
    app user_add(user: NewUserInput) -> UserView = |a| a.add_user(&user).await;
    app user_set_active(username: String, action: UserAction) -> UserView = |a|
        a.set_user_active(&username, action).await;
    app user_set_role(username: String, role: Role) -> UserView = |a|
        a.set_user_role(&username, role).await;
    app user_set_permission(username: String, permission: Permission, allow: bool) -> UserView = |a|
        a.set_user_permission(&username, permission, allow).await;
    app user_reset_password(username: String, password: String) -> () = |a|
        a.reset_user_password(&username, &password).await;
    app audit_list(query: AuditQuery) -> Vec<AuditRow> = |a| a.audit_list(&query).await;
    app audit_verify() -> AuditCheck = |a| a.audit_verify().await;
    app audit_export(query: AuditQuery) -> String = |a|
        Ok(a.save_audit_csv(&query, None).await?.display().to_string());
    app backup_health() -> BackupHealth = |a| a.backup_health().await;
    app backup_schedule() -> BackupSchedule = |a| a.backup_schedule().await;
    app backup_schedule_set(schedule: BackupSchedule) -> () = |a|
        a.set_backup_schedule(&schedule).await;
    app security_settings() -> SecuritySettings = |a| a.security_settings().await;
    app security_settings_set(settings: SecuritySettings) -> () = |a|
        a.set_security_settings(&settings).await;

    app acknowledge_recovery_kit() -> () = |a| a.acknowledge_recovery_kit().await;
    app patient_search(query: String, include_archived: bool) -> Vec<PatientSummary> = |a|
        a.search_patients(&query, include_archived).await;
    app patient_get(id: i64) -> PatientCard = |a| a.patient_card(id).await;
    app patient_create(draft: PatientDraft) -> PatientCard = |a| a.create_patient(&draft).await;
    app patient_update(id: i64, version: i64, draft: PatientDraft) -> PatientCard = |a|
        a.update_patient(id, version, &draft).await;
    app patient_archive(id: i64, version: i64) -> PatientCard = |a|
        a.archive_patient(id, version).await;
    app patient_unarchive(id: i64, version: i64) -> PatientCard = |a|
        a.unarchive_patient(id, version).await;
    app family_link(member_id: i64, guarantor_id: i64, relationship: Relationship) -> PatientCard = |a|
        a.link_family(member_id, guarantor_id, relationship).await;
    app family_unlink(member_id: i64) -> PatientCard = |a| a.unlink_family(member_id).await;
    app patient_audit(id: i64) -> Vec<AuditLine> = |a| a.patient_audit(id).await;
    app fee_schedule() -> Vec<FeeEntry> = |a| a.fee_schedule().await;
    app fee_schedule_import(csv: String) -> FeeImport = |a| a.import_fee_schedule(&csv).await;

    // Documents and printing.
    app document_preview(request: DocumentRequest) -> DocumentPdf = |a|
        a.document_preview(&request).await;
    app document_print(request: DocumentRequest, options: PrintOptions) -> DocumentPrinted = |a|
        a.document_print(&request, &options).await;
    app document_save(request: DocumentRequest) -> String = |a|
        Ok(a.document_save(&request, None).await?.display().to_string());
    app printers() -> Vec<Printer> = |a| a.printers().await;
    app printer_defaults() -> Vec<PrinterDefault> = |a| a.printer_defaults().await;
    app printer_default_set(kind: DocumentKind, printer: String) -> () = |a|
        a.set_default_printer(kind, &printer).await;
    app statements_run(options: RunOptions, dry_run: bool, print: Option<PrintOptions>)
        -> StatementRunResult = |a| a.run_and_print_statements(&options, dry_run, print.as_ref()).await;
    app statement_runs() -> Vec<RunSummary> = |a| a.statement_runs().await;
    app statements_of_run(run: i64) -> Vec<StatementSent> = |a| a.statements_of_run(run).await;
    app statements_sent(patient: i64) -> Vec<StatementSent> = |a| a.statements_sent(patient).await;
    app document_settings() -> DocumentSettings = |a| a.document_settings().await;
    app document_settings_set(settings: DocumentSettings) -> () = |a|
        a.set_document_settings(&settings).await;

    // Insurance: carriers, plans, coverages, treatment plan, pre-authorizations, claims.
    app carriers() -> Vec<Carrier> = |a| a.carriers().await;
    app carrier_save(id: Option<i64>, draft: CarrierDraft) -> Carrier = |a|
        a.save_carrier(id, &draft).await;
    app plans() -> Vec<Plan> = |a| a.plans().await;
    app plan_save(id: Option<i64>, draft: PlanDraft) -> Plan = |a| a.save_plan(id, &draft).await;
    app coverages(patient: i64) -> Vec<Coverage> = |a| a.coverages(patient).await;
    app coverage_save(patient: i64, id: Option<i64>, draft: CoverageDraft) -> Vec<Coverage> = |a|
        a.save_coverage(patient, id, &draft).await;
    app treatment_plan(patient: i64) -> TreatmentPlanView = |a| a.treatment_plan(patient).await;
    app treatment_add(patient: i64, draft: TreatmentItemDraft) -> TreatmentPlanView = |a|
        a.add_treatment(patient, &draft).await;
    app treatment_move(patient: i64, item: i64, position: i64) -> TreatmentPlanView = |a|
        a.move_treatment(patient, item, position).await;
    app treatment_complete(patient: i64, item: i64, day: String) -> TreatmentPlanView = |a|
        a.complete_treatment(patient, item, &day).await;
    app treatment_remove(patient: i64, item: i64) -> TreatmentPlanView = |a|
        a.remove_treatment(patient, item).await;
    app due_today(patient: i64) -> TreatmentEstimate = |a| a.due_today(patient).await;
    app patient_claims(patient: i64) -> Vec<ClaimSummary> = |a| a.patient_claims(patient).await;
    app claim_get(id: i64) -> ClaimDetail = |a| a.claim(id).await;
    app claim_create(patient: i64, coverage: i64, service_date: String, items: Vec<i64>) -> ClaimDetail = |a| {
            a.create_claim(patient, coverage, &service_date, &items)
                .await
    };
    app claim_action(id: i64, action: ClaimAction) -> ClaimDetail = |a|
        a.claim_action(id, &action).await;
    app claim_payment(id: i64, paid_on: String, lines: Vec<PaymentLine>) -> ClaimDetail = |a|
        a.post_claim_payment(id, &paid_on, &lines).await;
    app claim_follow_up(id: i64, follow_up: String, notes: String) -> ClaimDetail = |a|
        a.claim_follow_up(id, &follow_up, &notes).await;
    app claim_worklist(list: ClaimWorklist) -> Vec<ClaimSummary> = |a| a.claim_worklist(list).await;
    app claim_save_pdf(id: i64) -> String = |a|
        Ok(a.save_claim_pdf(id, None).await?.display().to_string());
    app practice_info() -> PracticeInfo = |a| a.practice_info().await;
    app practice_info_save(info: PracticeInfo) -> () = |a| a.set_practice_info(&info).await;
    app preauth_create(patient: i64, coverage: i64, items: Vec<i64>) -> Preauth = |a|
        a.create_preauth(patient, coverage, &items).await;
    app patient_preauths(patient: i64) -> Vec<Preauth> = |a| a.patient_preauths(patient).await;
    app preauth_action(id: i64, action: PreauthAction) -> Preauth = |a|
        a.preauth_action(id, &action).await;
    app preauth_worklist() -> Vec<Preauth> = |a| a.preauth_worklist().await;
    app coverage_verify(patient: i64, coverage: i64, draft: VerificationDraft) -> Vec<Verification> = |a|
        a.verify_coverage(patient, coverage, &draft).await;
    app coverage_verifications(coverage: i64) -> Vec<Verification> = |a|
        a.verifications(coverage).await;
    app worklist_limits() -> WorklistLimits = |a| a.worklist_limits().await;
    app worklist_limits_save(limits: WorklistLimits) -> () = |a|
        a.set_worklist_limits(&limits).await;

    // Money: account, payments, adjustments, payment plans, packages, day sheet.
    app account(patient: i64) -> AccountView = |a| a.account(patient).await;
    app payment_take(draft: PaymentDraft) -> Posted = |a| a.take_payment(&draft).await;
    app account_adjust(draft: AdjustmentDraft) -> Posted = |a| a.adjust_account(&draft).await;
    app entry_reverse(patient: i64, entry: i64, note: String) -> Posted = |a|
        a.reverse_entry(patient, entry, &note).await;
    app ledger_lock(date: String) -> () = |a| a.lock_ledger_through(&date).await;
    app day_sheet(date: String) -> DaySheet = |a| a.day_sheet(&date).await;

    // Reports.
    app report_production(from: String, to: String) -> ProductionReport = |a|
        a.production_report(Range::parse(&from, &to)?).await;
    app report_aging() -> AgingReport = |a| a.aging_report().await;
    app report_insurance_aging() -> InsuranceAgingReport = |a| a.insurance_aging_report().await;
    app report_appointments(from: String, to: String, provider: Option<i64>) -> AppointmentsReport = |a|
        a.appointments_report(Range::parse(&from, &to)?, provider).await;
    app report_recall(from: String, to: String) -> RecallReport = |a|
        a.recall_report(Range::parse(&from, &to)?).await;
    app report_save_csv(request: ReportRequest) -> String = |a|
        a.save_report_csv(&request, None).await.map(|p| p.display().to_string());
    app report_new_patients(from: String, to: String) -> NewPatientsReport = |a|
        a.new_patients_report(Range::parse(&from, &to)?).await;
    app report_referrals(from: String, to: String) -> NewPatientsReport = |a|
        a.referrals_report(Range::parse(&from, &to)?).await;
    app report_unbilled() -> UnbilledReport = |a| a.unbilled_report().await;
    app report_unearned() -> UnearnedReport = |a| a.unearned_report().await;
    app payment_plan(patient: i64) -> Option<PaymentPlanView> = |a| a.payment_plan(patient).await;
    app payment_plan_create(draft: PaymentPlanDraft) -> PaymentPlanView = |a|
        a.create_payment_plan(&draft).await;
    app payment_plan_close(plan: i64) -> () = |a| a.close_payment_plan(plan).await;
    app payment_plans_overdue() -> Vec<PaymentPlanView> = |a| a.overdue_plans().await;
    app packages() -> Vec<PackageView> = |a| a.packages().await;
    app package_add(name: String, sessions: i64, price_cents: i64) -> PackageView = |a|
        a.add_package(&name, sessions, price_cents).await;
    app package_sell(patient: i64, package_id: i64) -> () = |a|
        a.sell_package(patient, package_id).await;
    app package_redeem(sale: i64, appointment: Option<i64>) -> () = |a|
        a.redeem_session(sale, appointment).await;
    app package_balances(patient: i64) -> Vec<PackageBalance> = |a|
        a.package_balances(patient).await;

    // Schedule: set-up, booking, statuses, worklists, confirmations, recall, ASAP.
    app schedule_setup() -> ScheduleSetup = |a| a.schedule_setup().await;
    app schedule_day(date: String) -> DaySchedule = |a| a.day_schedule(&date).await;
    app appointment_book(draft: AppointmentDraft) -> AppointmentView = |a|
        a.book_appointment(&draft).await;
    app appointment_move(id: i64, draft: AppointmentDraft) -> AppointmentView = |a|
        a.move_appointment(id, &draft).await;
    app appointment_action(id: i64, action: AppointmentAction) -> AppointmentView = |a|
        a.appointment_action(id, &action).await;
    app eligibility_worklist() -> Vec<EligibilityDue> = |a| a.eligibility_worklist().await;
    app schedule_free(request: SlotRequest, from: String, count: u32) -> Vec<FreeSlot> = |a|
        a.first_available(&request, &from, count as usize).await;
    app patient_appointments(patient: i64) -> PatientAppointments = |a|
        a.patient_appointments(patient).await;
    app recall_list(from: String, until: String, unscheduled_only: bool) -> Vec<RecallDue> = |a|
        a.recall_list(&from, &until, unscheduled_only).await;
    app unscheduled_list() -> Vec<AppointmentView> = |a| a.unscheduled_list().await;
    app confirmation_list(days: i64) -> Vec<ConfirmationItem> = |a| a.confirmation_list(days).await;
    app appointment_contact(appointment: i64, draft: ContactDraft) -> ConfirmationItem = |a|
        a.log_appointment_contact(appointment, &draft).await;
    app patient_contacts(patient: i64) -> Vec<ContactEntry> = |a| a.patient_contacts(patient).await;
    app patient_contact_log(patient: i64, draft: ContactDraft) -> Vec<ContactEntry> = |a|
        a.log_contact(patient, &draft).await;
    /// Saves the reminder CSV for `date` in the Documents folder; returns its path.
    app reminders_export(date: String) -> String = |a| {
            Ok(a.save_reminders_csv(&date, None)
                .await?
                .display()
                .to_string())
    };
    app office_hours_save(slot_minutes: u32, hours: WeeklyHours) -> ScheduleSetup = |a|
        a.set_office_hours(slot_minutes, &hours).await;
    app provider_save(provider: Provider) -> ScheduleSetup = |a| a.save_provider(&provider).await;
    app operatory_save(operatory: Operatory) -> ScheduleSetup = |a|
        a.save_operatory(&operatory).await;
    app appointment_type_save(kind: AppointmentType) -> ScheduleSetup = |a|
        a.save_appointment_type(&kind).await;
    app holiday_add(date: String, name: String) -> ScheduleSetup = |a|
        a.add_holiday(&date, &name).await;
    app holiday_remove(date: String) -> ScheduleSetup = |a| a.remove_holiday(&date).await;
    app blockout_add(blockout: Blockout) -> ScheduleSetup = |a| a.add_blockout(&blockout).await;
    app blockout_remove(id: i64) -> ScheduleSetup = |a| a.remove_blockout(id).await;
    app asap_add(patient: i64, draft: AsapDraft) -> Vec<AsapEntry> = |a|
        a.add_asap(patient, &draft).await;
    app asap_remove(id: i64) -> Vec<AsapEntry> = |a| a.remove_asap(id).await;
    app asap_list() -> Vec<AsapEntry> = |a| a.asap_list().await;
    app asap_candidates(freed: i64) -> Vec<AsapEntry> = |a| a.asap_candidates(freed).await;
    app asap_fill(freed: i64, request: i64) -> AppointmentView = |a|
        a.fill_from_asap(freed, request).await;
    app appointment_history(id: i64) -> Vec<AuditLine> = |a| a.appointment_history(id).await;
    app recall_type_save(recall: RecallType) -> ScheduleSetup = |a|
        a.save_recall_type(&recall).await;
    app device_save(device: Device) -> ScheduleSetup = |a| a.save_device(&device).await;
    /// Saves the call list for the next business day(s) as a PDF in Documents; returns its path.
    app call_list_save(days: i64) -> String = |a| {
            Ok(a.save_call_list_pdf(days, None)
                .await?
                .display()
                .to_string())
    };
}

/// Renders `ui/src/bindings.ts` as it should be for the current commands and types.
pub fn render_bindings() -> String {
    let path = std::env::temp_dir().join(format!("frontdesk-bindings-{}.ts", std::process::id()));
    specta_builder()
        .export(
            specta_typescript::Typescript::default()
                .bigint(specta_typescript::BigIntExportBehavior::Number)
                .header("// Generated by `cargo test -p frontdesk-desktop bindings` from the Rust commands. Do not edit.\n"),
            &path,
        )
        .expect("bindings export");
    let text = std::fs::read_to_string(&path).expect("read bindings");
    let _ = std::fs::remove_file(path);
    text
}
