//! The printable call list: the next business day's appointments with how to reach each patient
//! and where the confirmation stands, with room to write the answer. US Letter, as many pages as
//! needed (rows never split).
use printpdf::{BuiltinFont, Mm, Op, PaintMode, PdfDocument, PdfPage, PdfSaveOptions};

use crate::pdf_text::{fit, rect, rgb, text};
use crate::DocumentError;

pub struct CallListRow {
    pub time: String,
    pub patient: String,
    pub phone: String,
    pub prefers: String,
    pub visit: String,
    pub status: String,
}

pub struct CallListDoc {
    /// e.g. "Calls for Wednesday 11/25/2026".
    pub title: String,
    pub printed: String,
    pub rows: Vec<CallListRow>,
}

const W: f32 = 215.9;
const H: f32 = 279.4;
const ROWS_PER_PAGE: usize = 22;
/// Column x positions (mm) and widths.
const COLS: [(f32, f32, &str); 6] = [
    (12.0, 14.0, "Time"),
    (27.0, 48.0, "Patient"),
    (76.0, 30.0, "Phone"),
    (107.0, 22.0, "Prefers"),
    (130.0, 36.0, "Visit"),
    (167.0, 36.0, "Status / answer"),
];

fn ink() -> printpdf::Color {
    rgb(0.1, 0.1, 0.12)
}

pub fn call_list_pdf(doc: &CallListDoc) -> Result<Vec<u8>, DocumentError> {
    let chunks: Vec<&[CallListRow]> = if doc.rows.is_empty() {
        vec![&[]]
    } else {
        doc.rows.chunks(ROWS_PER_PAGE).collect()
    };
    let pages = chunks
        .iter()
        .enumerate()
        .map(|(i, rows)| PdfPage::new(Mm(W), Mm(H), page(doc, rows, i + 1, chunks.len())))
        .collect();
    let mut warnings = Vec::new();
    Ok(PdfDocument::new("FrontDesk call list")
        .with_pages(pages)
        .save(&PdfSaveOptions::default(), &mut warnings))
}

fn page(doc: &CallListDoc, rows: &[CallListRow], n: usize, of: usize) -> Vec<Op> {
    let mut ops = vec![Op::SaveGraphicsState];
    let bold = BuiltinFont::HelveticaBold;
    let plain = BuiltinFont::Helvetica;
    text(
        &mut ops,
        12.0,
        H - 18.0,
        bold,
        16.0,
        ink(),
        &fit(bold, 16.0, 150.0, &doc.title),
    );
    text(
        &mut ops,
        12.0,
        H - 25.0,
        plain,
        9.0,
        rgb(0.35, 0.38, 0.42),
        &format!("Printed {} - page {n} of {of}", doc.printed),
    );
    let mut y = H - 38.0;
    rect(
        &mut ops,
        10.0,
        y - 2.5,
        W - 20.0,
        7.0,
        PaintMode::Fill,
        rgb(0.9, 0.92, 0.95),
    );
    for (x, w, head) in COLS {
        text(&mut ops, x, y, bold, 9.0, ink(), &fit(bold, 9.0, w, head));
    }
    if rows.is_empty() {
        text(
            &mut ops,
            12.0,
            y - 12.0,
            plain,
            10.0,
            ink(),
            "No appointments to confirm.",
        );
    }
    for r in rows {
        y -= 10.0;
        let cells = [
            &r.time, &r.patient, &r.phone, &r.prefers, &r.visit, &r.status,
        ];
        for ((x, w, _), value) in COLS.iter().zip(cells) {
            text(
                &mut ops,
                *x,
                y,
                plain,
                9.0,
                ink(),
                &fit(plain, 9.0, *w, value),
            );
        }
        rect(
            &mut ops,
            10.0,
            y - 3.5,
            W - 20.0,
            0.2,
            PaintMode::Fill,
            rgb(0.75, 0.78, 0.82),
        );
    }
    ops.push(Op::RestoreGraphicsState);
    ops
}
