//! Money commands: the account, payments, adjustments, reversals, the day sheet, payment plans and
//! packages. Each: parse, call the app crate, typed error.
use frontdesk_app::account::AccountView;
use frontdesk_app::day_sheet::DaySheet;
use frontdesk_app::packages::{PackageBalance, PackageView};
use frontdesk_app::payment_plans::{PaymentPlanDraft, PaymentPlanView};
use frontdesk_app::payments::{AdjustmentDraft, PaymentDraft, Posted};
use frontdesk_app::AppError;
use tauri::State;

use crate::session::Session;

type Res<T> = Result<T, AppError>;

#[tauri::command]
#[specta::specta]
pub async fn account(s: State<'_, Session>, patient: i64) -> Res<AccountView> {
    s.with_app(async |a| a.account(patient).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn payment_take(s: State<'_, Session>, draft: PaymentDraft) -> Res<Posted> {
    s.with_app(async |a| a.take_payment(&draft).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn account_adjust(s: State<'_, Session>, draft: AdjustmentDraft) -> Res<Posted> {
    s.with_app(async |a| a.adjust_account(&draft).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn entry_reverse(
    s: State<'_, Session>,
    patient: i64,
    entry: i64,
    note: String,
) -> Res<Posted> {
    s.with_app(async |a| a.reverse_entry(patient, entry, &note).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn ledger_lock(s: State<'_, Session>, date: String) -> Res<()> {
    s.with_app(async |a| a.lock_ledger_through(&date).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn day_sheet(s: State<'_, Session>, date: String) -> Res<DaySheet> {
    s.with_app(async |a| a.day_sheet(&date).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn payment_plan(s: State<'_, Session>, patient: i64) -> Res<Option<PaymentPlanView>> {
    s.with_app(async |a| a.payment_plan(patient).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn payment_plan_create(
    s: State<'_, Session>,
    draft: PaymentPlanDraft,
) -> Res<PaymentPlanView> {
    s.with_app(async |a| a.create_payment_plan(&draft).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn payment_plan_close(s: State<'_, Session>, plan: i64) -> Res<()> {
    s.with_app(async |a| a.close_payment_plan(plan).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn payment_plans_overdue(s: State<'_, Session>) -> Res<Vec<PaymentPlanView>> {
    s.with_app(async |a| a.overdue_plans().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn packages(s: State<'_, Session>) -> Res<Vec<PackageView>> {
    s.with_app(async |a| a.packages().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn package_add(
    s: State<'_, Session>,
    name: String,
    sessions: i64,
    price_cents: i64,
) -> Res<PackageView> {
    s.with_app(async |a| a.add_package(&name, sessions, price_cents).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn package_sell(s: State<'_, Session>, patient: i64, package_id: i64) -> Res<()> {
    s.with_app(async |a| a.sell_package(patient, package_id).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn package_redeem(s: State<'_, Session>, sale: i64, appointment: Option<i64>) -> Res<()> {
    s.with_app(async |a| a.redeem_session(sale, appointment).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn package_balances(s: State<'_, Session>, patient: i64) -> Res<Vec<PackageBalance>> {
    s.with_app(async |a| a.package_balances(patient).await)
        .await
}
