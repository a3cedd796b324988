//! Schedule commands: the set-up the booking form offers, a day's appointments, booking, moving,
//! status steps, and the eligibility worklist. Each: parse, call the app crate, typed error.
use frontdesk_app::asap::{AsapDraft, AsapEntry};
use frontdesk_app::confirmations::ConfirmationItem;
use frontdesk_app::patients::AuditLine;
use frontdesk_app::recall::RecallDue;
use frontdesk_app::schedule::{
    AppointmentAction, AppointmentDraft, AppointmentView, DaySchedule, FreeSlot,
    PatientAppointments, ScheduleSetup,
};
use frontdesk_app::verification::EligibilityDue;
use frontdesk_app::AppError;
use frontdesk_domain::contact_log::{ContactDraft, ContactEntry};
use frontdesk_scheduling::{
    AppointmentType, Blockout, Device, Operatory, Provider, RecallType, SlotRequest, WeeklyHours,
};
use tauri::State;

use crate::session::Session;

type Res<T> = Result<T, AppError>;

#[tauri::command]
#[specta::specta]
pub async fn schedule_setup(s: State<'_, Session>) -> Res<ScheduleSetup> {
    s.with_app(async |a| a.schedule_setup().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn schedule_day(s: State<'_, Session>, date: String) -> Res<DaySchedule> {
    s.with_app(async |a| a.day_schedule(&date).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_book(
    s: State<'_, Session>,
    draft: AppointmentDraft,
) -> Res<AppointmentView> {
    s.with_app(async |a| a.book_appointment(&draft).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_move(
    s: State<'_, Session>,
    id: i64,
    draft: AppointmentDraft,
) -> Res<AppointmentView> {
    s.with_app(async |a| a.move_appointment(id, &draft).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_action(
    s: State<'_, Session>,
    id: i64,
    action: AppointmentAction,
) -> Res<AppointmentView> {
    s.with_app(async |a| a.appointment_action(id, &action).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn eligibility_worklist(s: State<'_, Session>) -> Res<Vec<EligibilityDue>> {
    s.with_app(async |a| a.eligibility_worklist().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn schedule_free(
    s: State<'_, Session>,
    request: SlotRequest,
    from: String,
    count: u32,
) -> Res<Vec<FreeSlot>> {
    s.with_app(async |a| a.first_available(&request, &from, count as usize).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn patient_appointments(s: State<'_, Session>, patient: i64) -> Res<PatientAppointments> {
    s.with_app(async |a| a.patient_appointments(patient).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn recall_list(
    s: State<'_, Session>,
    from: String,
    until: String,
    unscheduled_only: bool,
) -> Res<Vec<RecallDue>> {
    s.with_app(async |a| a.recall_list(&from, &until, unscheduled_only).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn unscheduled_list(s: State<'_, Session>) -> Res<Vec<AppointmentView>> {
    s.with_app(async |a| a.unscheduled_list().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn confirmation_list(s: State<'_, Session>, days: i64) -> Res<Vec<ConfirmationItem>> {
    s.with_app(async |a| a.confirmation_list(days).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_contact(
    s: State<'_, Session>,
    appointment: i64,
    draft: ContactDraft,
) -> Res<ConfirmationItem> {
    s.with_app(async |a| a.log_appointment_contact(appointment, &draft).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn patient_contacts(s: State<'_, Session>, patient: i64) -> Res<Vec<ContactEntry>> {
    s.with_app(async |a| a.patient_contacts(patient).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn patient_contact_log(
    s: State<'_, Session>,
    patient: i64,
    draft: ContactDraft,
) -> Res<Vec<ContactEntry>> {
    s.with_app(async |a| a.log_contact(patient, &draft).await)
        .await
}

/// Saves the reminder CSV for `date` in the Documents folder; returns its path.
#[tauri::command]
#[specta::specta]
pub async fn reminders_export(s: State<'_, Session>, date: String) -> Res<String> {
    s.with_app(async |a| {
        Ok(a.save_reminders_csv(&date, None)
            .await?
            .display()
            .to_string())
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn office_hours_save(
    s: State<'_, Session>,
    slot_minutes: u32,
    hours: WeeklyHours,
) -> Res<ScheduleSetup> {
    s.with_app(async |a| a.set_office_hours(slot_minutes, &hours).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn provider_save(s: State<'_, Session>, provider: Provider) -> Res<ScheduleSetup> {
    s.with_app(async |a| a.save_provider(&provider).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn operatory_save(s: State<'_, Session>, operatory: Operatory) -> Res<ScheduleSetup> {
    s.with_app(async |a| a.save_operatory(&operatory).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_type_save(
    s: State<'_, Session>,
    kind: AppointmentType,
) -> Res<ScheduleSetup> {
    s.with_app(async |a| a.save_appointment_type(&kind).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn holiday_add(s: State<'_, Session>, date: String, name: String) -> Res<ScheduleSetup> {
    s.with_app(async |a| a.add_holiday(&date, &name).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn holiday_remove(s: State<'_, Session>, date: String) -> Res<ScheduleSetup> {
    s.with_app(async |a| a.remove_holiday(&date).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn blockout_add(s: State<'_, Session>, blockout: Blockout) -> Res<ScheduleSetup> {
    s.with_app(async |a| a.add_blockout(&blockout).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn blockout_remove(s: State<'_, Session>, id: i64) -> Res<ScheduleSetup> {
    s.with_app(async |a| a.remove_blockout(id).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn asap_add(
    s: State<'_, Session>,
    patient: i64,
    draft: AsapDraft,
) -> Res<Vec<AsapEntry>> {
    s.with_app(async |a| a.add_asap(patient, &draft).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn asap_remove(s: State<'_, Session>, id: i64) -> Res<Vec<AsapEntry>> {
    s.with_app(async |a| a.remove_asap(id).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn asap_list(s: State<'_, Session>) -> Res<Vec<AsapEntry>> {
    s.with_app(async |a| a.asap_list().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn asap_candidates(s: State<'_, Session>, freed: i64) -> Res<Vec<AsapEntry>> {
    s.with_app(async |a| a.asap_candidates(freed).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn asap_fill(s: State<'_, Session>, freed: i64, request: i64) -> Res<AppointmentView> {
    s.with_app(async |a| a.fill_from_asap(freed, request).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_history(s: State<'_, Session>, id: i64) -> Res<Vec<AuditLine>> {
    s.with_app(async |a| a.appointment_history(id).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn recall_type_save(s: State<'_, Session>, recall: RecallType) -> Res<ScheduleSetup> {
    s.with_app(async |a| a.save_recall_type(&recall).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn device_save(s: State<'_, Session>, device: Device) -> Res<ScheduleSetup> {
    s.with_app(async |a| a.save_device(&device).await).await
}

/// Saves the call list for the next business day(s) as a PDF in Documents; returns its path.
#[tauri::command]
#[specta::specta]
pub async fn call_list_save(s: State<'_, Session>, days: i64) -> Res<String> {
    s.with_app(async |a| {
        Ok(a.save_call_list_pdf(days, None)
            .await?
            .display()
            .to_string())
    })
    .await
}
