//! Windows: winspool through the `printers` crate.
//!
//! NOT COMPILED OR TESTED: the project's build and CI machines are Linux, so this file has never
//! been through rustc. It is kept deliberately small; check it on a Windows machine
//! (`cargo test -p frontdesk-printing`) before shipping a Windows build.
//!
//! * The PDF goes from memory straight to the spooler (`printers::Printer::print(&[u8])`, i.e.
//!   winspool `StartDocPrinter`/`WritePrinter`); no temporary file is written, so nothing plaintext
//!   stays in temp dirs. (`print_file` in that crate only reads a file into memory and does the
//!   same, so a temp file would add nothing but risk.)
//! * The job is sent RAW, so the printer itself has to understand PDF ("PDF direct print", which
//!   most current office laser printers have). GDI-only printers and "Microsoft Print to PDF"
//!   print garbage or nothing; printing those would need rendering the PDF to GDI, which this
//!   crate doesn't do.
//! * The `printers` crate exposes no duplex setting, so printers report `duplex: false` and jobs
//!   use the printer's default sides (`duplex_used: false`).
//! * Copies are separate jobs (the crate's `copies` property would concatenate the PDF into one
//!   job); the receipt's `job_id` lists their ids, comma-separated.

use printers::common::base::job::PrinterJobOptions;
use printers::common::converters::Converter;

use crate::{PrintError, PrintJob, PrintReceipt, Printer};

pub(crate) fn list_printers() -> Result<Vec<Printer>, PrintError> {
    Ok(printers::get_printers()
        .into_iter()
        .map(|p| Printer {
            name: p.name.clone(),
            description: p.description.clone(),
            is_default: p.is_default,
            duplex: false,
        })
        .collect())
}

pub(crate) fn print_pdf(
    pdf: &[u8],
    job: &PrintJob,
    title: &str,
) -> Result<PrintReceipt, PrintError> {
    let printer = printers::get_printer_by_name(&job.printer)
        .ok_or_else(|| PrintError::UnknownPrinter(job.printer.clone()))?;
    let mut ids = Vec::with_capacity(job.copies as usize);
    for _ in 0..job.copies {
        let options = PrinterJobOptions {
            name: Some(title),
            raw_properties: &[],
            converter: Converter::None,
        };
        let id = printer
            .print(pdf, options)
            .map_err(|e| PrintError::Spool { message: e.message })?;
        ids.push(id.to_string());
    }
    Ok(PrintReceipt {
        printer: job.printer.clone(),
        job_id: ids.join(","),
        duplex_used: false,
    })
}
