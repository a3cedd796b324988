//! Sending finished PDFs (statements, claim forms, call lists) to the office printers.
//!
//! * Linux and macOS: the CUPS command-line tools (`lpstat`, `lpoptions`, `lp`), see `cups.rs`.
//! * Windows: the `printers` crate (winspool), see `windows.rs`.
//!
//! This crate knows nothing about Tauri; the app wraps [`list_printers`] and [`print_pdf`] in
//! commands and maps [`PrintError::code`] to its own error codes.
//!
//! # Patient data
//! * The PDF is handed to the spooler **through a pipe** (`lp … -` reads it from standard input),
//!   so this crate never writes the document to disk: nothing plaintext stays in temp dirs. (The
//!   spooler itself keeps its copy in its own root-owned spool directory until the job is done.)
//! * The job title is visible to anyone who can list the print queue (`lpstat -o`, the printer's
//!   web page, some printers' front panels) and ends up in job logs and, with cups-pdf, in the
//!   output file name. **Callers must pass a generic title such as `"FrontDesk statement"`, never
//!   a patient's name, chart number or other identifier.**
//! * Error messages come from the spooler's standard error, which contains queue names and
//!   reasons but no document content.

use serde::{Deserialize, Serialize};

#[cfg(unix)]
mod cups;
// The CUPS output parsers are pure and tested on every platform, but only used on unix.
#[cfg_attr(not(unix), allow(dead_code))]
mod parse;
#[cfg(windows)]
mod windows;

/// Most copies one job may ask for.
pub const MAX_COPIES: u32 = 99;

/// Title used when the caller passes an empty one.
pub const DEFAULT_TITLE: &str = "FrontDesk document";

/// A print queue the user can choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Printer {
    /// Queue name as the spooler knows it (pass it back in [`PrintJob::printer`]).
    pub name: String,
    /// Human-readable description; empty when the spooler has none.
    pub description: String,
    /// Whether this is the system's (or user's) default destination.
    pub is_default: bool,
    /// Whether the queue offers two-sided printing.
    pub duplex: bool,
}

/// What to print and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PrintJob {
    /// Queue name from [`list_printers`].
    pub printer: String,
    /// 1 to [`MAX_COPIES`].
    pub copies: u32,
    /// Ask for two-sided (long-edge) printing; ignored, and reported in
    /// [`PrintReceipt::duplex_used`], when the printer can't.
    pub duplex: bool,
    /// Job title shown in the queue. Must not contain patient names or identifiers: pass e.g.
    /// `"FrontDesk statement"`. Control characters are replaced and it is cut to 100 characters.
    pub title: String,
}

/// The spooler accepted the job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PrintReceipt {
    pub printer: String,
    /// The spooler's job id, e.g. `"PDF-12"` (CUPS) or `"37"` (Windows). Empty in the unlikely case
    /// that the spooler accepted the job without reporting an id.
    pub job_id: String,
    /// Whether the job was sent two-sided. `false` when duplex was requested but the printer has
    /// no duplex unit: the job was printed one-sided instead.
    pub duplex_used: bool,
}

/// Why listing printers or printing failed. [`PrintError::code`] gives a stable code for the UI.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrintError {
    /// The printing system itself can't be used (CUPS tools not installed, a tool hung, …).
    #[error("printing is not available on this computer: {0}")]
    Unavailable(String),
    /// The printer isn't (or is no longer) one of the system's queues.
    #[error("there is no printer named \"{0}\"")]
    UnknownPrinter(String),
    /// Copies outside 1..=99.
    #[error("copies must be between 1 and {max}, not {0}", max = MAX_COPIES)]
    BadCopies(u32),
    /// The document is empty or does not start with `%PDF-`.
    #[error("the document is not a PDF")]
    NotPdf,
    /// The spooler refused the job; `message` is the spooler's own explanation.
    #[error("the printer queue refused the job: {message}")]
    Spool { message: String },
}

impl PrintError {
    /// Stable snake_case code for the UI and logs.
    pub fn code(&self) -> &'static str {
        match self {
            PrintError::Unavailable(_) => "print_unavailable",
            PrintError::UnknownPrinter(_) => "unknown_printer",
            PrintError::BadCopies(_) => "bad_copies",
            PrintError::NotPdf => "not_pdf",
            PrintError::Spool { .. } => "spool_failed",
        }
    }
}

/// The print queues of this computer. No queues, or on Linux/macOS a CUPS scheduler that isn't
/// running, gives `Ok(vec![])`; missing print tools give [`PrintError::Unavailable`].
pub fn list_printers() -> Result<Vec<Printer>, PrintError> {
    #[cfg(unix)]
    {
        cups::list_printers()
    }
    #[cfg(windows)]
    {
        windows::list_printers()
    }
    #[cfg(not(any(unix, windows)))]
    {
        Err(PrintError::Unavailable(
            "printing is not supported on this platform".into(),
        ))
    }
}

/// Sends `pdf` to `job.printer`. The document is checked first (copies, `%PDF-` header), then the
/// printer must be one of [`list_printers`]; the PDF is streamed to the spooler without touching
/// the disk (on Linux/macOS; see `windows.rs` for Windows).
pub fn print_pdf(pdf: &[u8], job: &PrintJob) -> Result<PrintReceipt, PrintError> {
    validate(pdf, job)?;
    let title = clean_title(&job.title);
    #[cfg(unix)]
    {
        cups::print_pdf(pdf, job, &title)
    }
    #[cfg(windows)]
    {
        windows::print_pdf(pdf, job, &title)
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = title;
        Err(PrintError::Unavailable(
            "printing is not supported on this platform".into(),
        ))
    }
}

/// Checks that need no printing system: copies and the PDF header.
pub fn validate(pdf: &[u8], job: &PrintJob) -> Result<(), PrintError> {
    if job.copies == 0 || job.copies > MAX_COPIES {
        return Err(PrintError::BadCopies(job.copies));
    }
    if !pdf.starts_with(b"%PDF-") {
        return Err(PrintError::NotPdf);
    }
    Ok(())
}

/// The title as sent to the spooler: control characters become spaces, surrounding whitespace is
/// trimmed, at most 100 characters, [`DEFAULT_TITLE`] when nothing is left.
pub fn clean_title(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(100)
        .collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        DEFAULT_TITLE.to_string()
    } else {
        cleaned.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(copies: u32) -> PrintJob {
        PrintJob {
            printer: "PDF".into(),
            copies,
            duplex: false,
            title: "FrontDesk statement".into(),
        }
    }

    const PDF: &[u8] = b"%PDF-1.4\n%%EOF\n";

    #[test]
    fn copies_must_be_1_to_99() {
        assert_eq!(validate(PDF, &job(0)), Err(PrintError::BadCopies(0)));
        assert_eq!(validate(PDF, &job(100)), Err(PrintError::BadCopies(100)));
        assert_eq!(validate(PDF, &job(1)), Ok(()));
        assert_eq!(validate(PDF, &job(99)), Ok(()));
    }

    #[test]
    fn document_must_be_a_pdf() {
        assert_eq!(validate(b"", &job(1)), Err(PrintError::NotPdf));
        assert_eq!(validate(b"%PDF", &job(1)), Err(PrintError::NotPdf));
        assert_eq!(validate(b"hello", &job(1)), Err(PrintError::NotPdf));
        assert_eq!(validate(b" %PDF-1.4", &job(1)), Err(PrintError::NotPdf));
        assert_eq!(validate(b"%PDF-", &job(1)), Ok(()));
    }

    #[test]
    fn print_pdf_validates_before_touching_the_spooler() {
        // These fail the same way with or without a printing system.
        assert_eq!(print_pdf(PDF, &job(0)), Err(PrintError::BadCopies(0)));
        assert_eq!(print_pdf(b"not a pdf", &job(1)), Err(PrintError::NotPdf));
        assert_eq!(print_pdf(b"", &job(100)), Err(PrintError::BadCopies(100)));
    }

    #[test]
    fn error_codes_are_stable() {
        let cases = [
            (PrintError::Unavailable("x".into()), "print_unavailable"),
            (PrintError::UnknownPrinter("x".into()), "unknown_printer"),
            (PrintError::BadCopies(0), "bad_copies"),
            (PrintError::NotPdf, "not_pdf"),
            (
                PrintError::Spool {
                    message: "x".into(),
                },
                "spool_failed",
            ),
        ];
        for (err, code) in cases {
            assert_eq!(err.code(), code);
            assert!(!err.to_string().is_empty());
        }
        assert_eq!(
            PrintError::BadCopies(120).to_string(),
            "copies must be between 1 and 99, not 120"
        );
    }

    #[test]
    fn titles_are_cleaned() {
        assert_eq!(clean_title("FrontDesk statement"), "FrontDesk statement");
        assert_eq!(clean_title("  a\nb\tc \u{7} "), "a b c");
        assert_eq!(clean_title(""), DEFAULT_TITLE);
        assert_eq!(clean_title(" \r\n "), DEFAULT_TITLE);
        assert_eq!(clean_title(&"é".repeat(300)).chars().count(), 100);
    }

    #[test]
    fn types_round_trip_through_json() {
        let p = Printer {
            name: "PDF".into(),
            description: "Generic CUPS-PDF Printer".into(),
            is_default: true,
            duplex: false,
        };
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(v["is_default"], true);
        assert_eq!(serde_json::from_value::<Printer>(v).unwrap(), p);

        let j: PrintJob = serde_json::from_str(
            r#"{"printer":"PDF","copies":2,"duplex":true,"title":"FrontDesk statement"}"#,
        )
        .unwrap();
        assert_eq!(j.copies, 2);
        let r = PrintReceipt {
            printer: "PDF".into(),
            job_id: "PDF-12".into(),
            duplex_used: false,
        };
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"printer":"PDF","job_id":"PDF-12","duplex_used":false}"#
        );
    }
}
