//! The one-page recovery kit: the database key as a recovery code, with plain instructions.
use printpdf::{BuiltinFont, Mm, Op, PaintMode, PdfDocument, PdfPage, PdfSaveOptions};

use crate::pdf_text::{paragraph, rect, rgb, text};
use crate::DocumentError;

pub struct RecoveryKitDoc<'a> {
    /// The grouped code, e.g. `7KQ2M-ABCD3-…`.
    pub code: &'a str,
    pub database_id: &'a str,
    pub created: &'a str,
    pub computer: &'a str,
}

const WARNING: &[&str] = &[
    "Keep this page somewhere safe, away from this computer (a locked drawer or safe).",
    "Without this code, a lost or reset keychain means the patient data cannot be opened:",
    "nobody, including FrontDesk support, can recover it. Anyone with this code and a copy",
    "of the database can read it, so treat it like the key to the records room.",
];

const INSTRUCTIONS: &[&str] = &[
    "To unlock: start FrontDesk, choose \"Unlock with recovery code\" and type the code.",
    "Spaces, dashes and upper/lower case do not matter; I and L are read as 1, O as 0.",
    "Each group ends with a check character, so a mistyped group is named before anything is tried.",
    "From the command line: frontdesk unlock --recovery-code \"<the code>\"",
];

/// Renders the kit as a one-page US Letter PDF.
pub fn recovery_kit_pdf(kit: &RecoveryKitDoc) -> Result<Vec<u8>, DocumentError> {
    let groups: Vec<&str> = kit.code.split('-').collect();
    if groups.is_empty() || kit.code.is_empty() {
        return Err(DocumentError::Render("the recovery code is empty".into()));
    }
    let (w, h) = (215.9_f32, 279.4_f32);
    let mut ops = vec![Op::SaveGraphicsState];
    rect(
        &mut ops,
        0.0,
        h - 28.0,
        w,
        28.0,
        PaintMode::Fill,
        rgb(0.11, 0.38, 0.69),
    );
    text(
        &mut ops,
        20.0,
        h - 17.0,
        BuiltinFont::HelveticaBold,
        20.0,
        rgb(1.0, 1.0, 1.0),
        "FrontDesk - Database recovery kit",
    );
    text(
        &mut ops,
        20.0,
        h - 24.0,
        BuiltinFont::Helvetica,
        10.0,
        rgb(1.0, 1.0, 1.0),
        "Print this page once. Store it safely.",
    );

    text(
        &mut ops,
        20.0,
        h - 42.0,
        BuiltinFont::HelveticaBold,
        12.0,
        rgb(0.7, 0.05, 0.05),
        "IMPORTANT",
    );
    let y = paragraph(&mut ops, 20.0, h - 49.0, 10.5, 5.5, WARNING);

    // The code, four groups a row, each numbered.
    let rows = groups.len().div_ceil(4);
    let box_top = y - 6.0;
    let box_h = 16.0 + rows as f32 * 14.0;
    rect(
        &mut ops,
        18.0,
        box_top - box_h,
        w - 36.0,
        box_h,
        PaintMode::Fill,
        rgb(0.95, 0.96, 0.98),
    );
    rect(
        &mut ops,
        18.0,
        box_top - box_h,
        w - 36.0,
        box_h,
        PaintMode::Stroke,
        rgb(0.11, 0.38, 0.69),
    );
    text(
        &mut ops,
        24.0,
        box_top - 8.0,
        BuiltinFont::HelveticaBold,
        11.0,
        rgb(0.1, 0.1, 0.1),
        "Recovery code",
    );
    for (i, g) in groups.iter().enumerate() {
        let (col, row) = ((i % 4) as f32, (i / 4) as f32);
        let x = 26.0 + col * 44.0;
        let gy = box_top - 20.0 - row * 14.0;
        text(
            &mut ops,
            x,
            gy + 5.0,
            BuiltinFont::Helvetica,
            7.0,
            rgb(0.4, 0.4, 0.4),
            &format!("{}", i + 1),
        );
        text(
            &mut ops,
            x,
            gy - 2.0,
            BuiltinFont::CourierBold,
            20.0,
            rgb(0.0, 0.0, 0.0),
            g,
        );
    }

    let mut y = box_top - box_h - 12.0;
    text(
        &mut ops,
        20.0,
        y,
        BuiltinFont::HelveticaBold,
        11.0,
        rgb(0.1, 0.1, 0.1),
        "How to use it",
    );
    y = paragraph(&mut ops, 20.0, y - 7.0, 10.0, 5.5, INSTRUCTIONS);

    y -= 6.0;
    let details = [
        format!("Database id:  {}", kit.database_id),
        format!("Created:      {}", kit.created),
        format!(
            "Computer:     {}",
            if kit.computer.is_empty() {
                "-"
            } else {
                kit.computer
            }
        ),
    ];
    for d in &details {
        text(
            &mut ops,
            20.0,
            y,
            BuiltinFont::Courier,
            10.0,
            rgb(0.1, 0.1, 0.1),
            d,
        );
        y -= 5.5;
    }
    y -= 12.0;
    text(&mut ops, 20.0, y, BuiltinFont::Helvetica, 10.5, rgb(0.1, 0.1, 0.1),
        "Stored by: ______________________________    Date: ________________    Where: ______________________");
    ops.push(Op::RestoreGraphicsState);

    let page = PdfPage::new(Mm(w), Mm(h), ops);
    let mut warnings = Vec::new();
    let bytes = PdfDocument::new("FrontDesk recovery kit")
        .with_pages(vec![page])
        .save(&PdfSaveOptions::default(), &mut warnings);
    Ok(bytes)
}
