//! One way to ask for any printable document: preview it (the PDF, not recorded), print it or
//! save it as PDF. Printing or saving a statement keeps it as sent; a copy reprints it exactly.
use base64::Engine;
use frontdesk_access::Permission;
use frontdesk_domain::PatientId;
use serde::{Deserialize, Serialize};

use crate::documents::printers::{DocumentKind, PrintOptions, PrintOutcome};
use crate::{App, AppError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "document", rename_all = "snake_case")]
pub enum DocumentRequest {
    /// Today's walkout receipt.
    Receipt {
        patient: PatientId,
    },
    /// The guarantor's statement as of today.
    Statement {
        patient: PatientId,
    },
    /// A statement exactly as it was sent.
    StatementCopy {
        id: i64,
    },
    CheckinPatient {
        patient: PatientId,
    },
    /// Every patient booked on the day, in one job.
    CheckinDay {
        date: String,
    },
    ClaimForm {
        claim: i64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct DocumentPdf {
    pub kind: DocumentKind,
    pub file_name: String,
    /// The PDF, base64.
    pub base64: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct DocumentPrinted {
    pub outcome: PrintOutcome,
    /// Set when a statement was kept as sent.
    pub statement_id: Option<i64>,
}

impl DocumentRequest {
    /// What the audit entry names: the record the document is about (never its contents).
    fn audited_record(&self) -> (&'static str, Option<i64>) {
        match self {
            DocumentRequest::Receipt { patient }
            | DocumentRequest::Statement { patient }
            | DocumentRequest::CheckinPatient { patient } => ("patient", Some(*patient)),
            DocumentRequest::StatementCopy { id } => ("statement", Some(*id)),
            DocumentRequest::CheckinDay { .. } => ("checkin_day", None),
            DocumentRequest::ClaimForm { claim } => ("claim", Some(*claim)),
        }
    }

    pub fn kind(&self) -> DocumentKind {
        match self {
            DocumentRequest::Receipt { .. } => DocumentKind::Receipt,
            DocumentRequest::Statement { .. } | DocumentRequest::StatementCopy { .. } => {
                DocumentKind::Statement
            }
            DocumentRequest::CheckinPatient { .. } | DocumentRequest::CheckinDay { .. } => {
                DocumentKind::CheckinPacket
            }
            DocumentRequest::ClaimForm { .. } => DocumentKind::ClaimForm,
        }
    }

    fn file_name(&self, today: chrono::NaiveDate) -> String {
        let name = match self {
            DocumentRequest::Receipt { patient } => format!("receipt-{patient}-{today}"),
            DocumentRequest::Statement { patient } => format!("statement-{patient}-{today}"),
            DocumentRequest::StatementCopy { id } => format!("statement-copy-{id}"),
            DocumentRequest::CheckinPatient { patient } => format!("checkin-{patient}-{today}"),
            DocumentRequest::CheckinDay { date } => {
                // The parsed ISO date: a typed "11/25/2026" must not put slashes in a file name.
                match frontdesk_insurance::text::parse_typed_date(date) {
                    Some(day) => format!("checkin-day-{day}"),
                    None => format!("checkin-day-{today}"),
                }
            }
            DocumentRequest::ClaimForm { claim } => format!("claim-{claim}"),
        };
        format!("{name}.pdf")
    }
}

impl App {
    /// Renders the document; `keep` records a statement as sent (print and save do).
    async fn render(
        &self,
        req: &DocumentRequest,
        keep: bool,
    ) -> Result<(Vec<u8>, Option<i64>), AppError> {
        Ok(match req {
            DocumentRequest::Receipt { patient } => (self.walkout_receipt(*patient).await?, None),
            DocumentRequest::Statement { patient } if keep => {
                let (id, pdf) = self.issue_statement(*patient).await?;
                (pdf, Some(id))
            }
            DocumentRequest::Statement { patient } => {
                (self.statement_preview(*patient).await?, None)
            }
            DocumentRequest::StatementCopy { id } => (self.statement_copy(*id).await?, None),
            DocumentRequest::CheckinPatient { patient } => {
                (self.checkin_packet_for(*patient).await?, None)
            }
            DocumentRequest::CheckinDay { date } => {
                (self.checkin_packets_for_day(date).await?, None)
            }
            DocumentRequest::ClaimForm { claim } => (self.claim_pdf(*claim).await?, None),
        })
    }

    /// The PDF to show before printing (a statement preview is not recorded).
    pub async fn document_preview(&self, req: &DocumentRequest) -> Result<DocumentPdf, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        let (pdf, _) = self.render(req, false).await?;
        self.audit_document("document.preview", req).await?;
        Ok(DocumentPdf {
            kind: req.kind(),
            file_name: req.file_name(self.today()),
            base64: base64::engine::general_purpose::STANDARD.encode(pdf),
        })
    }

    pub async fn document_print(
        &self,
        req: &DocumentRequest,
        opts: &PrintOptions,
    ) -> Result<DocumentPrinted, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        // Printer and copies are checked first: a refused job keeps no statement.
        let job = self.print_job(req.kind(), opts).await?;
        let (pdf, statement_id) = self.render(req, true).await?;
        let outcome = self.spool(pdf, job).await?;
        self.audit_document("document.print", req).await?;
        Ok(DocumentPrinted {
            outcome,
            statement_id,
        })
    }

    /// Saves the document as PDF in `dir` (Documents by default); returns the path.
    pub async fn document_save(
        &self,
        req: &DocumentRequest,
        dir: Option<&std::path::Path>,
    ) -> Result<std::path::PathBuf, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        let (pdf, _) = self.render(req, true).await?;
        let path = crate::documents::save_to_folder::save_document(
            dir,
            &req.file_name(self.today()),
            &pdf,
        )?;
        self.audit_document("document.save", req).await?;
        Ok(path)
    }

    /// Logs who showed, printed or saved which document (its kind as the field).
    async fn audit_document(&self, action: &str, req: &DocumentRequest) -> Result<(), AppError> {
        let (entity, entity_id) = req.audited_record();
        self.audit_export(action, entity, entity_id, req.kind().as_str())
            .await
    }

    /// An audit entry for a print or export of PHI (`what` names the document or list kind).
    pub(crate) async fn audit_export(
        &self,
        action: &str,
        entity: &str,
        entity_id: Option<i64>,
        what: &str,
    ) -> Result<(), AppError> {
        let event = frontdesk_store::AuditEvent {
            actor: &self.actor(),
            action,
            entity,
            entity_id,
            fields: vec![what.to_string()],
        };
        Ok(frontdesk_store::audit::append(&self.db, &event, self.now()).await?)
    }
}
