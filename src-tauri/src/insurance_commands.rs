//! Insurance commands: carriers, plans, coverages, treatment plan and estimates, claims.
//! Each: parse, call the app crate, return its typed error.
use frontdesk_app::claim_form::PracticeInfo;
use frontdesk_app::claims::ClaimWorklist;
use frontdesk_app::limits::WorklistLimits;
use frontdesk_app::treatment_plan::TreatmentPlanView;
use frontdesk_app::AppError;
use frontdesk_insurance::claim_view::{ClaimDetail, ClaimSummary};
use frontdesk_insurance::patient_estimate::TreatmentEstimate;
use frontdesk_insurance::preauth::{Preauth, PreauthAction};
use frontdesk_insurance::verification::{Verification, VerificationDraft};
use frontdesk_insurance::{
    Carrier, CarrierDraft, ClaimAction, Coverage, CoverageDraft, PaymentLine, Plan, PlanDraft,
    TreatmentItemDraft,
};
use tauri::State;

use crate::session::Session;

type Res<T> = Result<T, AppError>;

#[tauri::command]
#[specta::specta]
pub async fn carriers(s: State<'_, Session>) -> Res<Vec<Carrier>> {
    s.with_app(async |a| a.carriers().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn carrier_save(
    s: State<'_, Session>,
    id: Option<i64>,
    draft: CarrierDraft,
) -> Res<Carrier> {
    s.with_app(async |a| a.save_carrier(id, &draft).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn plans(s: State<'_, Session>) -> Res<Vec<Plan>> {
    s.with_app(async |a| a.plans().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn plan_save(s: State<'_, Session>, id: Option<i64>, draft: PlanDraft) -> Res<Plan> {
    s.with_app(async |a| a.save_plan(id, &draft).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn coverages(s: State<'_, Session>, patient: i64) -> Res<Vec<Coverage>> {
    s.with_app(async |a| a.coverages(patient).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn coverage_save(
    s: State<'_, Session>,
    patient: i64,
    id: Option<i64>,
    draft: CoverageDraft,
) -> Res<Vec<Coverage>> {
    s.with_app(async |a| a.save_coverage(patient, id, &draft).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn treatment_plan(s: State<'_, Session>, patient: i64) -> Res<TreatmentPlanView> {
    s.with_app(async |a| a.treatment_plan(patient).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn treatment_add(
    s: State<'_, Session>,
    patient: i64,
    draft: TreatmentItemDraft,
) -> Res<TreatmentPlanView> {
    s.with_app(async |a| a.add_treatment(patient, &draft).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn treatment_move(
    s: State<'_, Session>,
    patient: i64,
    item: i64,
    position: i64,
) -> Res<TreatmentPlanView> {
    s.with_app(async |a| a.move_treatment(patient, item, position).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn treatment_complete(
    s: State<'_, Session>,
    patient: i64,
    item: i64,
    day: String,
) -> Res<TreatmentPlanView> {
    s.with_app(async |a| a.complete_treatment(patient, item, &day).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn treatment_remove(
    s: State<'_, Session>,
    patient: i64,
    item: i64,
) -> Res<TreatmentPlanView> {
    s.with_app(async |a| a.remove_treatment(patient, item).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn due_today(s: State<'_, Session>, patient: i64) -> Res<TreatmentEstimate> {
    s.with_app(async |a| a.due_today(patient).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn patient_claims(s: State<'_, Session>, patient: i64) -> Res<Vec<ClaimSummary>> {
    s.with_app(async |a| a.patient_claims(patient).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn claim_get(s: State<'_, Session>, id: i64) -> Res<ClaimDetail> {
    s.with_app(async |a| a.claim(id).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn claim_create(
    s: State<'_, Session>,
    patient: i64,
    coverage: i64,
    service_date: String,
    items: Vec<i64>,
) -> Res<ClaimDetail> {
    s.with_app(async |a| {
        a.create_claim(patient, coverage, &service_date, &items)
            .await
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn claim_action(s: State<'_, Session>, id: i64, action: ClaimAction) -> Res<ClaimDetail> {
    s.with_app(async |a| a.claim_action(id, &action).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn claim_payment(
    s: State<'_, Session>,
    id: i64,
    paid_on: String,
    lines: Vec<PaymentLine>,
) -> Res<ClaimDetail> {
    s.with_app(async |a| a.post_claim_payment(id, &paid_on, &lines).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn claim_follow_up(
    s: State<'_, Session>,
    id: i64,
    follow_up: String,
    notes: String,
) -> Res<ClaimDetail> {
    s.with_app(async |a| a.claim_follow_up(id, &follow_up, &notes).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn claim_worklist(s: State<'_, Session>, list: ClaimWorklist) -> Res<Vec<ClaimSummary>> {
    s.with_app(async |a| a.claim_worklist(list).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn claim_save_pdf(s: State<'_, Session>, id: i64) -> Res<String> {
    s.with_app(async |a| Ok(a.save_claim_pdf(id, None).await?.display().to_string()))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn practice_info(s: State<'_, Session>) -> Res<PracticeInfo> {
    s.with_app(async |a| a.practice_info().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn practice_info_save(s: State<'_, Session>, info: PracticeInfo) -> Res<()> {
    s.with_app(async |a| a.set_practice_info(&info).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn preauth_create(
    s: State<'_, Session>,
    patient: i64,
    coverage: i64,
    items: Vec<i64>,
) -> Res<Preauth> {
    s.with_app(async |a| a.create_preauth(patient, coverage, &items).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn patient_preauths(s: State<'_, Session>, patient: i64) -> Res<Vec<Preauth>> {
    s.with_app(async |a| a.patient_preauths(patient).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn preauth_action(s: State<'_, Session>, id: i64, action: PreauthAction) -> Res<Preauth> {
    s.with_app(async |a| a.preauth_action(id, &action).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn preauth_worklist(s: State<'_, Session>) -> Res<Vec<Preauth>> {
    s.with_app(async |a| a.preauth_worklist().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn coverage_verify(
    s: State<'_, Session>,
    patient: i64,
    coverage: i64,
    draft: VerificationDraft,
) -> Res<Vec<Verification>> {
    s.with_app(async |a| a.verify_coverage(patient, coverage, &draft).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn coverage_verifications(
    s: State<'_, Session>,
    coverage: i64,
) -> Res<Vec<Verification>> {
    s.with_app(async |a| a.verifications(coverage).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn worklist_limits(s: State<'_, Session>) -> Res<WorklistLimits> {
    s.with_app(async |a| a.worklist_limits().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn worklist_limits_save(s: State<'_, Session>, limits: WorklistLimits) -> Res<()> {
    s.with_app(async |a| a.set_worklist_limits(&limits).await)
        .await
}
