//! Documents and printing: preview (PDF as base64), print, save as PDF; printers and this
//! workstation's defaults; statement runs and copies; the office's document settings.
use frontdesk_app::documents_api::{DocumentPdf, DocumentPrinted, DocumentRequest};
use frontdesk_app::office_documents::DocumentSettings;
use frontdesk_app::printing::{DocumentKind, PrintOptions, PrintOutcome, PrinterDefault};
use frontdesk_app::statements::{RunOptions, RunSummary, StatementRun, StatementSent};
use frontdesk_app::AppError;
use frontdesk_printing::Printer;
use serde::Serialize;
use tauri::State;

use crate::session::Session;

type Res<T> = Result<T, AppError>;

#[tauri::command]
#[specta::specta]
pub async fn document_preview(s: State<'_, Session>, request: DocumentRequest) -> Res<DocumentPdf> {
    s.with_app(async |a| a.document_preview(&request).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn document_print(
    s: State<'_, Session>,
    request: DocumentRequest,
    options: PrintOptions,
) -> Res<DocumentPrinted> {
    s.with_app(async |a| a.document_print(&request, &options).await)
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn document_save(s: State<'_, Session>, request: DocumentRequest) -> Res<String> {
    s.with_app(async |a| Ok(a.document_save(&request, None).await?.display().to_string()))
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn printers(s: State<'_, Session>) -> Res<Vec<Printer>> {
    s.with_app(async |a| a.printers().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn printer_defaults(s: State<'_, Session>) -> Res<Vec<PrinterDefault>> {
    s.with_app(async |a| a.printer_defaults().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn printer_default_set(
    s: State<'_, Session>,
    kind: DocumentKind,
    printer: String,
) -> Res<()> {
    s.with_app(async |a| a.set_default_printer(kind, &printer).await)
        .await
}

/// A statement run and, when it was printed, where.
#[derive(Serialize, specta::Type)]
pub struct StatementRunResult {
    pub run: StatementRun,
    pub printed: Option<PrintOutcome>,
}

#[tauri::command]
#[specta::specta]
pub async fn statements_run(
    s: State<'_, Session>,
    options: RunOptions,
    dry_run: bool,
    print: Option<PrintOptions>,
) -> Res<StatementRunResult> {
    s.with_app(async |a| {
        let (run, pdf) = a.run_statements(&options, dry_run).await?;
        let printed = match (pdf, print) {
            (Some(pdf), Some(p)) => Some(a.print(DocumentKind::Statement, pdf, &p).await?),
            _ => None,
        };
        Ok(StatementRunResult { run, printed })
    })
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn statement_runs(s: State<'_, Session>) -> Res<Vec<RunSummary>> {
    s.with_app(async |a| a.statement_runs().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn statements_of_run(s: State<'_, Session>, run: i64) -> Res<Vec<StatementSent>> {
    s.with_app(async |a| a.statements_of_run(run).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn statements_sent(s: State<'_, Session>, patient: i64) -> Res<Vec<StatementSent>> {
    s.with_app(async |a| a.statements_sent(patient).await).await
}

#[tauri::command]
#[specta::specta]
pub async fn document_settings(s: State<'_, Session>) -> Res<DocumentSettings> {
    s.with_app(async |a| a.document_settings().await).await
}

#[tauri::command]
#[specta::specta]
pub async fn document_settings_set(s: State<'_, Session>, settings: DocumentSettings) -> Res<()> {
    s.with_app(async |a| a.set_document_settings(&settings).await)
        .await
}
