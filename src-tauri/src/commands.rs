//! The commands the UI may call. Each: parse, call the app crate, return its typed error.
use frontdesk_app::patients::{AuditLine, PatientCard};
use frontdesk_app::recovery_kit::RecoveryKit;
use frontdesk_app::{AppError, AppStatus};
use frontdesk_domain::fee_schedule::{FeeEntry, FeeImport};
use frontdesk_domain::{PatientDraft, PatientSummary, Relationship};
use tauri::State;

use crate::document_commands::*;
use crate::insurance_commands::*;
use crate::ledger_commands::*;
use crate::schedule_commands::*;
use crate::session::Session;

type Res<T> = Result<T, AppError>;

#[tauri::command]
#[specta::specta]
pub async fn app_status(s: State<'_, Session>) -> Res<AppStatus> {
    s.status().await
}

#[tauri::command]
#[specta::specta]
pub async fn unlock_with_recovery_code(s: State<'_, Session>, code: String) -> Res<AppStatus> {
    s.unlock(&code).await
}

#[tauri::command]
#[specta::specta]
pub async fn recovery_kit(s: State<'_, Session>) -> Res<RecoveryKit> {
    s.with_app(async |a| a.recovery_kit().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn save_recovery_kit_pdf(s: State<'_, Session>) -> Res<String> {
    s.with_app(async |a| Ok(a.save_recovery_kit_pdf(None).await?.display().to_string()))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn acknowledge_recovery_kit(s: State<'_, Session>) -> Res<()> {
    s.with_app(async |a| a.acknowledge_recovery_kit().await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn patient_search(
    s: State<'_, Session>,
    query: String,
    include_archived: bool,
) -> Res<Vec<PatientSummary>> {
    s.with_app(async |a| a.search_patients(&query, include_archived).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn patient_get(s: State<'_, Session>, id: i64) -> Res<PatientCard> {
    s.with_app(async |a| a.patient_card(id).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn patient_create(s: State<'_, Session>, draft: PatientDraft) -> Res<PatientCard> {
    s.with_app(async |a| a.create_patient(&draft).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn patient_update(
    s: State<'_, Session>,
    id: i64,
    version: i64,
    draft: PatientDraft,
) -> Res<PatientCard> {
    s.with_app(async |a| a.update_patient(id, version, &draft).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn patient_archive(s: State<'_, Session>, id: i64, version: i64) -> Res<PatientCard> {
    s.with_app(async |a| a.archive_patient(id, version).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn patient_restore(s: State<'_, Session>, id: i64, version: i64) -> Res<PatientCard> {
    s.with_app(async |a| a.restore_patient(id, version).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn family_link(
    s: State<'_, Session>,
    member_id: i64,
    guarantor_id: i64,
    relationship: Relationship,
) -> Res<PatientCard> {
    s.with_app(async |a| a.link_family(member_id, guarantor_id, relationship).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn family_unlink(s: State<'_, Session>, member_id: i64) -> Res<PatientCard> {
    s.with_app(async |a| a.unlink_family(member_id).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn patient_audit(s: State<'_, Session>, id: i64) -> Res<Vec<AuditLine>> {
    s.with_app(async |a| a.patient_audit(id).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn fee_schedule(s: State<'_, Session>) -> Res<Vec<FeeEntry>> {
    s.with_app(async |a| a.fee_schedule().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn fee_schedule_import(s: State<'_, Session>, csv: String) -> Res<FeeImport> {
    s.with_app(async |a| a.import_fee_schedule(&csv).await)
        .await
}

/// The command list and the TypeScript bindings generated from it.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new().commands(tauri_specta::collect_commands![
        document_preview,
        document_print,
        document_save,
        printers,
        printer_defaults,
        printer_default_set,
        statements_run,
        statement_runs,
        statements_of_run,
        statements_sent,
        document_settings,
        document_settings_set,
        account,
        payment_take,
        account_adjust,
        entry_reverse,
        ledger_lock,
        day_sheet,
        payment_plan,
        payment_plan_create,
        payment_plan_close,
        payment_plans_overdue,
        packages,
        package_add,
        package_sell,
        package_redeem,
        package_balances,
        app_status,
        unlock_with_recovery_code,
        recovery_kit,
        save_recovery_kit_pdf,
        acknowledge_recovery_kit,
        patient_search,
        patient_get,
        patient_create,
        patient_update,
        patient_archive,
        patient_restore,
        family_link,
        family_unlink,
        patient_audit,
        fee_schedule,
        fee_schedule_import,
        carriers,
        carrier_save,
        plans,
        plan_save,
        coverages,
        coverage_save,
        treatment_plan,
        treatment_add,
        treatment_move,
        treatment_complete,
        treatment_remove,
        due_today,
        patient_claims,
        claim_get,
        claim_create,
        claim_action,
        claim_payment,
        claim_follow_up,
        claim_worklist,
        claim_save_pdf,
        practice_info,
        practice_info_save,
        preauth_create,
        patient_preauths,
        preauth_action,
        preauth_worklist,
        coverage_verify,
        coverage_verifications,
        worklist_limits,
        worklist_limits_save,
        schedule_setup,
        schedule_day,
        appointment_book,
        appointment_move,
        appointment_action,
        eligibility_worklist,
        schedule_free,
        patient_appointments,
        recall_list,
        unscheduled_list,
        confirmation_list,
        appointment_contact,
        patient_contacts,
        patient_contact_log,
        reminders_export,
        office_hours_save,
        provider_save,
        operatory_save,
        appointment_type_save,
        holiday_add,
        holiday_remove,
        blockout_add,
        blockout_remove,
        asap_add,
        asap_remove,
        asap_list,
        asap_candidates,
        asap_fill,
        appointment_history,
        recall_type_save,
        device_save,
        call_list_save,
    ])
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
