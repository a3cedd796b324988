//! Printing: the system's printers, a default printer per document kind on this workstation, and
//! sending a PDF with copies and duplex. The PDF goes to the spooler through a pipe (no file in a
//! temp folder); job titles never name a patient.
use frontdesk_access::Permission;
use frontdesk_printing::{list_printers, print_pdf, PrintJob, Printer};
use frontdesk_store::settings;
use serde::{Deserialize, Serialize};

use crate::{App, AppError, ErrorCode};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Statement,
    Receipt,
    CheckinPacket,
    ClaimForm,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 4] = [
        DocumentKind::Statement,
        DocumentKind::Receipt,
        DocumentKind::CheckinPacket,
        DocumentKind::ClaimForm,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Statement => "statement",
            DocumentKind::Receipt => "receipt",
            DocumentKind::CheckinPacket => "checkin_packet",
            DocumentKind::ClaimForm => "claim_form",
        }
    }

    /// The spooler's job title: the kind only, never a patient's name.
    fn job_title(self) -> String {
        format!("FrontDesk {}", self.as_str().replace('_', " "))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PrintOptions {
    /// `None`: this workstation's default for the kind, else the system default.
    pub printer: Option<String>,
    pub copies: u32,
    pub duplex: bool,
}

impl Default for PrintOptions {
    fn default() -> Self {
        Self {
            printer: None,
            copies: 1,
            duplex: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct PrintOutcome {
    pub printer: String,
    pub job_id: String,
    /// False when duplex was asked for on a printer without it (printed one-sided).
    pub duplex_used: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct PrinterDefault {
    pub kind: DocumentKind,
    pub printer: Option<String>,
}

/// This computer's name: printer defaults belong to the workstation, not the database.
fn workstation() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

fn default_key(kind: DocumentKind) -> String {
    format!("printer_default:{}:{}", workstation(), kind.as_str())
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, frontdesk_printing::PrintError> + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| AppError::new(ErrorCode::Internal, "the print task stopped"))?
        .map_err(AppError::from)
}

impl App {
    pub async fn printers(&self) -> Result<Vec<Printer>, AppError> {
        self.require_signed_in()?;
        blocking(list_printers).await
    }

    pub async fn printer_defaults(&self) -> Result<Vec<PrinterDefault>, AppError> {
        self.require_signed_in()?;
        let mut out = Vec::new();
        for kind in DocumentKind::ALL {
            out.push(PrinterDefault {
                kind,
                printer: settings::get(&self.db, &default_key(kind)).await?,
            });
        }
        Ok(out)
    }

    /// Remembers `printer` for `kind` on this workstation (empty clears it).
    pub async fn set_default_printer(
        &self,
        kind: DocumentKind,
        printer: &str,
    ) -> Result<(), AppError> {
        self.require_signed_in()?;
        let printer = printer.trim();
        if !printer.is_empty() && !self.printers().await?.iter().any(|p| p.name == printer) {
            return Err(AppError::invalid(
                "printer",
                "is not a printer on this computer",
            ));
        }
        Ok(settings::set(&self.db, &default_key(kind), printer).await?)
    }

    /// The job for `kind`: the chosen printer, this workstation's default for the kind, or the
    /// system default, in that order; checked (copies, the printer exists) before anything is
    /// rendered or kept.
    pub(crate) async fn print_job(
        &self,
        kind: DocumentKind,
        opts: &PrintOptions,
    ) -> Result<PrintJob, AppError> {
        if opts.copies == 0 || opts.copies > frontdesk_printing::MAX_COPIES {
            return Err(AppError::invalid("copies", "Choose from 1 to 99 copies."));
        }
        let chosen = match opts.printer.as_deref().map(str::trim) {
            Some(p) if !p.is_empty() => Some(p.to_string()),
            _ => settings::get(&self.db, &default_key(kind))
                .await?
                .filter(|p| !p.is_empty()),
        };
        let printers = self.printers().await?;
        let printer = match chosen {
            Some(p) if printers.iter().any(|x| x.name == p) => p,
            Some(_) => {
                return Err(AppError::new(
                    ErrorCode::Printer,
                    "That printer is not on this computer (any more). Choose another.",
                ))
            }
            None => printers
                .into_iter()
                .find(|p| p.is_default)
                .map(|p| p.name)
                .ok_or_else(|| {
                    AppError::new(
                        ErrorCode::Printer,
                        "No printer chosen and this computer has no default printer.",
                    )
                })?,
        };
        Ok(PrintJob {
            printer,
            copies: opts.copies,
            duplex: opts.duplex,
            title: kind.job_title(),
        })
    }

    /// Sends `pdf` as `job` (see [`App::print_job`]).
    pub(crate) async fn spool(
        &self,
        pdf: Vec<u8>,
        job: PrintJob,
    ) -> Result<PrintOutcome, AppError> {
        let r = blocking(move || print_pdf(&pdf, &job)).await?;
        Ok(PrintOutcome {
            printer: r.printer,
            job_id: r.job_id,
            duplex_used: r.duplex_used,
        })
    }

    /// Prints `pdf` as a document of `kind`.
    pub async fn print(
        &self,
        kind: DocumentKind,
        pdf: Vec<u8>,
        opts: &PrintOptions,
    ) -> Result<PrintOutcome, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        let job = self.print_job(kind, opts).await?;
        let outcome = self.spool(pdf, job).await?;
        self.audit_export("document.print", "document", None, kind.as_str())
            .await?;
        Ok(outcome)
    }
}
