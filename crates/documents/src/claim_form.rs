//! A dental insurance claim as a US Letter PDF, laid out in the style of the ADA Dental
//! Claim Form (2019): numbered, boxed fields grouped into sections (header information,
//! carrier, other coverage, policyholder/subscriber, patient, record of services provided,
//! billing dentist, treating dentist). It is our own drawing in that style, not the ADA's
//! artwork; field numbers follow the ADA form where a field corresponds to one of its boxes.
//!
//! A form holds 10 procedure lines. A longer claim continues on further copies of the form
//! ("Page N of M"), each repeating the parties, with the total fee on the last page only.
//! Every value arrives preformatted as text; text is made ASCII-safe and whatever does not
//! fit its box is cut with "..." (never spilling into the next box).
use printpdf::{BuiltinFont, Color, Mm, Op, PaintMode, PdfDocument, PdfPage, PdfSaveOptions};

use crate::pdf_text::{fit, rect, rgb, text, text_width};
use crate::DocumentError;

pub struct ClaimFormDoc {
    /// Marks "Request for predetermination/preauthorization" instead of "Statement of actual services".
    pub predetermination: bool,
    /// Our claim id as printed in the header, e.g. "Claim 12".
    pub claim_number: String,
    pub carrier: ClaimParty,
    /// Shown under the carrier as "Payer ID: ..." when not empty.
    pub payer_id: String,
    /// One line, e.g. "Secondary: Acme Dental, member M-22".
    pub other_coverage: Option<String>,
    pub subscriber: ClaimPerson,
    /// The subscriber identifier (box 15); never an SSN.
    pub member_id: String,
    pub group_number: String,
    pub employer: String,
    pub patient: ClaimPerson,
    /// "Self" | "Spouse" | "Dependent child" | "Other".
    pub relationship: String,
    pub chart_number: String,
    /// At least one; 10 per page.
    pub lines: Vec<ClaimLine>,
    /// Preformatted money, e.g. "1,200.00" (`frontdesk_domain::money::Cents::to_grouped`).
    pub total_fee: String,
    pub billing: ClaimParty,
    pub npi: String,
    pub license: String,
    pub tin: String,
    pub treating_dentist: String,
    /// e.g. "2026-11-25".
    pub printed_on: String,
}

/// A carrier or billing office: name, address lines, phone.
pub struct ClaimParty {
    pub name: String,
    pub address: Vec<String>,
    pub phone: String,
}

pub struct ClaimPerson {
    pub name: String,
    pub address: Vec<String>,
    pub date_of_birth: String,
    pub sex: String,
}

/// One procedure line; `fee` is preformatted money, e.g. "1,200.00" (`Cents::to_grouped`).
pub struct ClaimLine {
    pub date: String,
    pub area: String,
    pub tooth: String,
    pub surface: String,
    pub code: String,
    pub description: String,
    pub fee: String,
}

const LINES_PER_PAGE: usize = 10;
const W: f32 = 215.9;
const H: f32 = 279.4;
/// Left margin, column width and the right column's x, in millimetres.
const L: f32 = 10.0;
const COL: f32 = 96.0;
const R: f32 = L + COL + 4.0;
const FULL: f32 = W - 2.0 * L;
const ROW: f32 = 6.5;
const REG: BuiltinFont = BuiltinFont::Helvetica;
const BOLD: BuiltinFont = BuiltinFont::HelveticaBold;

/// Services table columns: two header lines and a width; they add up to `FULL`.
const COLUMNS: [(&str, &str, f32); 8] = [
    ("", "", 6.0),
    ("24. Procedure", "date", 20.0),
    ("25. Area of", "oral cavity", 13.0),
    ("27. Tooth number(s)", "or letter(s)", 22.0),
    ("28. Tooth", "surface", 15.0),
    ("29. Procedure", "code", 17.0),
    ("30. Description", "", 81.0),
    ("31. Fee", "", 22.0),
];

fn ink() -> Color {
    rgb(0.1, 0.1, 0.1)
}
fn grey() -> Color {
    rgb(0.42, 0.42, 0.42)
}
fn rule() -> Color {
    rgb(0.35, 0.38, 0.45)
}

/// The label of a field by its number on the ADA form (0 for our own unnumbered field).
fn label_of(n: u8) -> &'static str {
    match n {
        1 => "1. Type of transaction (mark all applicable boxes)",
        2 => "2. Predetermination/preauthorization number",
        3 => "3. Company/plan name, address, city, state, zip code",
        4 => "4. Other dental or medical coverage",
        12 => "12. Policyholder/subscriber name (last, first, middle initial), address, city, state, zip",
        13 => "13. Date of birth",
        14 => "14. Sex",
        15 => "15. Subscriber identifier (member ID)",
        16 => "16. Plan/group number",
        17 => "17. Employer name",
        18 => "18. Relationship to policyholder/subscriber",
        20 => "20. Name (last, first, middle initial), address, city, state, zip code",
        21 => "21. Date of birth",
        22 => "22. Sex",
        23 => "23. Patient ID/account # (assigned by dentist)",
        48 => "48. Name, address, city, state, zip code",
        49 => "49. NPI",
        50 => "50. License number",
        51 => "51. SSN or TIN",
        52 => "52. Phone number",
        53 => "53. I certify that the procedures listed on this form were performed as indicated.",
        _ => "Treating dentist (printed name)",
    }
}

/// Renders the claim: one page per 10 procedure lines.
pub fn claim_form_pdf(doc: &ClaimFormDoc) -> Result<Vec<u8>, DocumentError> {
    if doc.lines.is_empty() {
        let msg = "a claim needs at least one procedure";
        return Err(DocumentError::Render(msg.into()));
    }
    let chunks: Vec<&[ClaimLine]> = doc.lines.chunks(LINES_PER_PAGE).collect();
    let pages = (0..chunks.len())
        .map(|i| PdfPage::new(Mm(W), Mm(H), page_ops(doc, &chunks, i)))
        .collect();
    let mut warnings = Vec::new();
    Ok(PdfDocument::new("FrontDesk dental claim")
        .with_pages(pages)
        .save(&PdfSaveOptions::default(), &mut warnings))
}

/// One page of the form being drawn; every text is cut to the width it is given.
struct Sheet {
    ops: Vec<Op>,
}

impl Sheet {
    fn put(&mut self, x: f32, y: f32, w: f32, font: BuiltinFont, size: f32, s: &str) {
        let s = fit(font, size, w, s);
        text(&mut self.ops, x, y, font, size, ink(), &s);
    }

    /// Text ending at `right`.
    fn put_right(&mut self, right: f32, y: f32, w: f32, font: BuiltinFont, size: f32, s: &str) {
        let s = fit(font, size, w, s);
        let x = right - text_width(font, size, &s);
        text(&mut self.ops, x, y, font, size, ink(), &s);
    }

    fn label(&mut self, x: f32, y: f32, w: f32, s: &str) {
        let s = fit(REG, 6.0, w, s);
        text(&mut self.ops, x, y, REG, 6.0, grey(), &s);
    }

    /// Field `n`: its small grey label with the value below it.
    fn field(&mut self, n: u8, x: f32, y: f32, w: f32, value: &str) {
        self.label(x, y, w, label_of(n));
        self.put(x, y - 4.0, w, REG, 9.0, value);
    }

    /// Field `n` holding several lines (a name and address).
    fn block(&mut self, n: u8, x: f32, y: f32, w: f32, lines: &[String]) {
        self.label(x, y, w, label_of(n));
        for (i, line) in lines.iter().enumerate() {
            self.put(x, y - 4.0 - i as f32 * 3.8, w, REG, 8.5, line);
        }
    }

    /// A boxed section from `top` down `h` millimetres, its title on a shaded band.
    fn section(&mut self, x: f32, top: f32, w: f32, h: f32, title: &str) {
        let band = rgb(0.88, 0.9, 0.94);
        rect(&mut self.ops, x, top - 5.0, w, 5.0, PaintMode::Fill, band);
        rect(&mut self.ops, x, top - h, w, h, PaintMode::Stroke, rule());
        self.put(x + 1.5, top - 3.6, w - 3.0, BOLD, 7.5, title);
    }

    /// A rule `len` millimetres long from (x, y), across or upwards.
    fn rule(&mut self, x: f32, y: f32, len: f32, across: bool) {
        let (w, h) = if across { (len, 0.2) } else { (0.2, len) };
        rect(&mut self.ops, x, y, w, h, PaintMode::Fill, rule());
    }
}

/// A name followed by its address lines, at most `max` lines: overflow joins the last one.
fn stack(name: &str, rest: &[String], max: usize) -> Vec<String> {
    let mut out: Vec<String> = std::iter::once(name.to_string())
        .chain(rest.iter().cloned())
        .collect();
    if out.len() > max {
        let tail = out.split_off(max - 1).join(", ");
        out.push(tail);
    }
    out
}

fn mark(on: bool, what: &str) -> String {
    format!("[{}] {what}", if on { "X" } else { " " })
}

fn page_ops(doc: &ClaimFormDoc, chunks: &[&[ClaimLine]], index: usize) -> Vec<Op> {
    let mut s = Sheet { ops: Vec::new() };
    s.ops.push(Op::SaveGraphicsState);
    let (count, inner) = (chunks.len(), COL - 4.0);

    s.put(L, H - 19.0, 90.0, BOLD, 18.0, "Dental Claim");
    let sub = "Insurance claim for dental services";
    s.put(L, H - 24.5, 110.0, REG, 8.5, sub);
    let page = format!("Page {} of {count}", index + 1);
    s.put_right(W - L, H - 17.0, 60.0, BOLD, 10.0, &page);
    let claim = format!("{}  -  printed {}", doc.claim_number, doc.printed_on);
    s.put_right(W - L, H - 22.5, 90.0, REG, 9.0, &claim);
    s.rule(L, H - 27.0, FULL, true);

    // Left column: header information, carrier, other coverage.
    let t = H - 30.0;
    s.section(L, t, COL, 27.0, "Header information");
    s.label(L + 2.0, t - 8.0, inner, label_of(1));
    let actual = mark(!doc.predetermination, "Statement of actual services");
    s.put(L + 4.0, t - 12.0, inner, REG, 8.5, &actual);
    let pre = "Request for predetermination/preauthorization";
    let pre = mark(doc.predetermination, pre);
    s.put(L + 4.0, t - 16.0, inner, REG, 8.5, &pre);
    s.field(2, L + 2.0, t - 21.0, inner, "");

    let tb = t - 29.0;
    let title = "Insurance company / dental benefit plan information";
    s.section(L, tb, COL, 40.0, title);
    let mut rest = doc.carrier.address.clone();
    let contact: Vec<String> = [("Phone", &doc.carrier.phone), ("Payer ID", &doc.payer_id)]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    if !contact.is_empty() {
        rest.push(contact.join("    "));
    }
    let lines = stack(&doc.carrier.name, &rest, 6);
    s.block(3, L + 2.0, tb - 8.0, inner, &lines);

    let tc = tb - 42.0;
    s.section(L, tc, COL, 19.0, "Other coverage");
    let other = doc.other_coverage.as_deref().unwrap_or("None");
    s.field(4, L + 2.0, tc - 8.0, inner, other);

    // Right column: policyholder/subscriber, patient.
    let (sub, pat) = (&doc.subscriber, &doc.patient);
    s.section(R, t, COL, 44.0, "Policyholder/subscriber information");
    let lines = stack(&sub.name, &sub.address, 4);
    s.block(12, R + 2.0, t - 8.0, inner, &lines);
    s.field(13, R + 2.0, t - 28.0, 28.0, &sub.date_of_birth);
    s.field(14, R + 32.0, t - 28.0, 14.0, &sub.sex);
    s.field(15, R + 48.0, t - 28.0, COL - 50.0, &doc.member_id);
    s.field(16, R + 2.0, t - 37.0, 40.0, &doc.group_number);
    s.field(17, R + 44.0, t - 37.0, COL - 46.0, &doc.employer);

    let te = t - 46.0;
    s.section(R, te, COL, 44.0, "Patient information");
    s.field(18, R + 2.0, te - 8.0, 44.0, &doc.relationship);
    s.field(23, R + 48.0, te - 8.0, COL - 50.0, &doc.chart_number);
    let lines = stack(&pat.name, &pat.address, 4);
    s.block(20, R + 2.0, te - 17.0, inner, &lines);
    s.field(21, R + 2.0, te - 37.0, 28.0, &pat.date_of_birth);
    s.field(22, R + 32.0, te - 37.0, 14.0, &pat.sex);

    // Record of services provided: 10 ruled rows, numbered across pages, then the total.
    let ts = t - 92.0;
    let body = ts - 12.0;
    let table = 10.0 * ROW;
    let title = "Record of services provided";
    s.section(L, ts, FULL, 12.0 + table + 6.0, title);
    let mut x = L;
    for (i, (a, b, w)) in COLUMNS.iter().enumerate() {
        s.label(x + 1.0, ts - 8.0, w - 2.0, a);
        s.label(x + 1.0, ts - 10.5, w - 2.0, b);
        if i > 0 {
            s.rule(x, body - table, table + 7.0, false);
        }
        x += w;
    }
    let (fee_right, fee_w) = (W - L - 1.2, 22.0 - 2.4);
    for row in 0..LINES_PER_PAGE {
        let y = body - (row + 1) as f32 * ROW;
        s.rule(L, y, FULL, true);
        let Some(line) = chunks[index].get(row) else {
            continue;
        };
        let number = (index * LINES_PER_PAGE + row + 1).to_string();
        let cells = [
            &number,
            &line.date,
            &line.area,
            &line.tooth,
            &line.surface,
            &line.code,
            &line.description,
        ];
        let mut x = L;
        for (cell, (_, _, w)) in cells.iter().zip(COLUMNS) {
            s.put(x + 1.2, y + 2.0, w - 2.4, REG, 8.5, cell);
            x += w;
        }
        s.put_right(fee_right, y + 2.0, fee_w, REG, 8.5, &line.fee);
    }
    let y = body - table - 4.3;
    s.put_right(W - L - 24.0, y, 40.0, BOLD, 8.0, "33. Total fee");
    if index + 1 == count {
        s.put_right(fee_right, y, fee_w, BOLD, 9.0, &doc.total_fee);
    } else {
        let see = format!("see page {count}");
        s.put_right(fee_right, y, fee_w, REG, 8.0, &see);
    }

    // Billing and treating dentist.
    let tf = body - table - 8.0;
    let bill = &doc.billing;
    s.section(L, tf, COL, 44.0, "Billing dentist or dental entity");
    let lines = stack(&bill.name, &bill.address, 4);
    s.block(48, L + 2.0, tf - 8.0, inner, &lines);
    s.field(49, L + 2.0, tf - 28.0, 28.0, &doc.npi);
    s.field(50, L + 32.0, tf - 28.0, 28.0, &doc.license);
    s.field(51, L + 62.0, tf - 28.0, COL - 64.0, &doc.tin);
    s.field(52, L + 2.0, tf - 37.0, inner, &bill.phone);

    s.section(R, tf, COL, 44.0, "Treating dentist");
    s.label(R + 2.0, tf - 8.0, inner, label_of(53));
    s.rule(R + 2.0, tf - 20.0, 60.0, true);
    s.rule(R + 66.0, tf - 20.0, COL - 68.0, true);
    s.label(R + 2.0, tf - 22.5, 60.0, "Signed (treating dentist)");
    s.label(R + 66.0, tf - 22.5, COL - 68.0, "Date");
    s.field(0, R + 2.0, tf - 30.0, inner, &doc.treating_dentist);

    let foot = "Prepared by FrontDesk in the layout of the ADA Dental Claim Form; \
                not an ADA-printed form.";
    text(&mut s.ops, L, tf - 50.0, REG, 6.5, grey(), foot);
    s.ops.push(Op::RestoreGraphicsState);
    s.ops
}
