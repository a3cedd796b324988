//! Prints to a real CUPS queue named `PDF` (cups-pdf), set up by `scripts/cups-pdf-queue.sh`.
//!
//! The queue is a required part, like the keychain: without it this test fails (it never skips).
//! `scripts/test.sh` sets it up. The output folder is `$CUPS_PDF_OUT` (the script's last line), by
//! default `/var/spool/cups-pdf/$USER`.
//!
//! ```sh
//! eval "$(scripts/cups-pdf-queue.sh | tail -n1)"; export CUPS_PDF_OUT
//! cargo test -p frontdesk-printing --test cups_queue -- --nocapture
//! ```

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use frontdesk_printing::{list_printers, print_pdf, PrintError, PrintJob};

/// Stand-in for patient data: must reach the printer, must not be left in a temp dir.
const MARKER: &str = "Zoe Test Guarantor";
const QUEUE: &str = "PDF";

#[test]
fn prints_a_pdf_on_the_cups_pdf_queue() {
    let out_dir = output_dir();
    let pdf = one_page_pdf(MARKER);
    assert!(pdftotext_bytes(&pdf).contains(MARKER), "test PDF is broken");

    // The queue is there, as the script left it.
    let printers = list_printers().expect("list printers");
    println!("printers: {printers:?}");
    let queue = printers
        .iter()
        .find(|p| p.name == QUEUE)
        .unwrap_or_else(|| {
            panic!("no {QUEUE} queue in {printers:?}; run scripts/cups-pdf-queue.sh")
        });
    assert!(!queue.duplex, "cups-pdf has no duplex option");
    assert!(queue.is_default, "the script makes {QUEUE} the default");

    let out_before = pdf_files(&out_dir);
    let tmp_before = tree(&std::env::temp_dir());

    // Print: duplex requested, but cups-pdf can't, so it prints one-sided and says so.
    let receipt = print_pdf(
        &pdf,
        &PrintJob {
            printer: QUEUE.into(),
            copies: 1,
            duplex: true,
            title: "FrontDesk integration test".into(),
        },
    )
    .expect("print");
    println!("receipt: {receipt:?}");
    assert_eq!(receipt.printer, QUEUE);
    assert!(
        receipt.job_id.starts_with("PDF-") && receipt.job_id[4..].parse::<u32>().is_ok(),
        "job id {:?}",
        receipt.job_id
    );
    assert!(!receipt.duplex_used);

    // The job comes out in the cups-pdf folder with the text intact.
    let deadline = Instant::now() + Duration::from_secs(30);
    let (printed, text) = loop {
        let new: Vec<PathBuf> = pdf_files(&out_dir)
            .difference(&out_before)
            .cloned()
            .collect();
        if let [file] = new.as_slice() {
            // cups-pdf may still be writing it: wait until it reads as a whole PDF.
            if let Some(text) = pdftotext(file) {
                if text.contains(MARKER) {
                    break (file.clone(), text);
                }
            }
        }
        assert!(new.len() <= 1, "more than one new output file: {new:?}");
        assert!(
            Instant::now() < deadline,
            "no printed PDF with {MARKER:?} appeared in {} within 30 s (new files: {new:?})",
            out_dir.display()
        );
        thread::sleep(Duration::from_millis(200));
    };
    println!("printed to {}: {:?}", printed.display(), text.trim());

    // Rejected jobs never reach the queue.
    let err = print_pdf(
        &pdf,
        &PrintJob {
            printer: "FrontDesk_No_Such_Printer".into(),
            copies: 1,
            duplex: false,
            title: "FrontDesk integration test".into(),
        },
    )
    .unwrap_err();
    assert_eq!(
        err,
        PrintError::UnknownPrinter("FrontDesk_No_Such_Printer".into())
    );
    assert_eq!(err.code(), "unknown_printer");
    let err = print_pdf(
        &pdf,
        &PrintJob {
            printer: QUEUE.into(),
            copies: 0,
            duplex: false,
            title: "FrontDesk integration test".into(),
        },
    )
    .unwrap_err();
    assert_eq!(err, PrintError::BadCopies(0));
    assert_eq!(err.code(), "bad_copies");
    thread::sleep(Duration::from_secs(3));
    let out_after: BTreeSet<PathBuf> = pdf_files(&out_dir);
    let mut expected = out_before.clone();
    expected.insert(printed.clone());
    assert_eq!(out_after, expected, "something else was printed");
    let pending = Command::new("lpstat")
        .args(["-W", "not-completed", "-o", QUEUE])
        .output()
        .expect("lpstat");
    assert!(
        String::from_utf8_lossy(&pending.stdout).trim().is_empty(),
        "jobs still queued: {}",
        String::from_utf8_lossy(&pending.stdout)
    );

    // Nothing containing the document was left in the temp dir.
    let tmp_after = tree(&std::env::temp_dir());
    for path in tmp_after.difference(&tmp_before) {
        if let Ok(bytes) = std::fs::read(path) {
            assert!(
                !contains(&bytes, MARKER.as_bytes()),
                "{} holds the printed document",
                path.display()
            );
        }
    }
    println!(
        "temp dir: {} new entries, none with the document",
        tmp_after.difference(&tmp_before).count()
    );

    // The spooler's own copy is gone once the job is done (the script sets PreserveJobFiles No;
    // checked only where the spool dir is readable, i.e. as root).
    let spool = Path::new("/var/spool/cups");
    if std::fs::read_dir(spool).is_ok() {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let kept: Vec<PathBuf> = tree(spool)
                .into_iter()
                .filter(|p| std::fs::read(p).is_ok_and(|b| contains(&b, MARKER.as_bytes())))
                .collect();
            if kept.is_empty() {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "CUPS kept the document: {kept:?} (PreserveJobFiles not No?)"
            );
            thread::sleep(Duration::from_millis(200));
        }
    }

    std::fs::remove_file(&printed).expect("remove test output");
}

fn output_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("CUPS_PDF_OUT") {
        if !dir.is_empty() {
            return PathBuf::from(dir);
        }
    }
    let user = std::env::var("USER")
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| {
            let out = Command::new("id").arg("-un").output().expect("id -un");
            String::from_utf8_lossy(&out.stdout).trim().to_string()
        });
    Path::new("/var/spool/cups-pdf").join(user)
}

/// The `.pdf` files directly in `dir` (none if it doesn't exist yet).
fn pdf_files(dir: &Path) -> BTreeSet<PathBuf> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
                .collect()
        })
        .unwrap_or_default()
}

/// Every file under `dir`, three levels deep at most.
fn tree(dir: &Path) -> BTreeSet<PathBuf> {
    fn walk(dir: &Path, depth: u32, into: &mut BTreeSet<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in rd.filter_map(|e| e.ok()) {
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() && depth < 3 => walk(&path, depth + 1, into),
                Ok(t) if t.is_file() => {
                    into.insert(path);
                }
                _ => {}
            }
        }
    }
    let mut files = BTreeSet::new();
    walk(dir, 0, &mut files);
    files
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// `pdftotext FILE -`; `None` while the file isn't a readable PDF yet.
fn pdftotext(file: &Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .arg(file)
        .arg("-")
        .output()
        .expect("pdftotext (apt: poppler-utils)");
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `pdftotext - -` on bytes, through a pipe (no temp file here either).
fn pdftotext_bytes(pdf: &[u8]) -> String {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new("pdftotext")
        .args(["-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pdftotext (apt: poppler-utils)");
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A minimal one-page PDF (Helvetica, not embedded) with `text`, with a correct xref table.
fn one_page_pdf(text: &str) -> Vec<u8> {
    let content = format!("BT /F1 24 Tf 72 700 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        pdf.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}
