//! The walkout receipt: one US Letter page handed to the patient at checkout, with today's
//! procedures and fees, payments, adjustments, today's totals, the account balance less the
//! estimated insurance (what the patient owes) and the next appointment.
use printpdf::PaintMode;

use crate::canvas::{band, format_money as money, grey, Canvas, H, W};
use crate::fonts::{FontMode, Weight};
use crate::statement::Letterhead;
use crate::DocumentError;

/// A line of the receipt: procedures have the code as `label` and the description (with the
/// tooth) as `detail`; payments are labelled "Card ending 4242", "Cash", "Check #101".
#[derive(Clone, Debug, Default)]
pub struct ReceiptLine {
    pub label: String,
    pub detail: String,
    pub amount: i64,
}

#[derive(Clone, Debug, Default)]
pub struct ReceiptDoc {
    pub office: Letterhead,
    pub patient_name: String,
    pub account: String,
    pub date: String,
    pub procedures: Vec<ReceiptLine>,
    pub payments: Vec<ReceiptLine>,
    pub adjustments: Vec<ReceiptLine>,
    pub charges_today: i64,
    pub paid_today: i64,
    pub account_balance: i64,
    pub insurance_pending: i64,
    pub patient_due: i64,
    pub next_appointment: Option<String>,
    pub printed_by: String,
}

const REG: Weight = Weight::Regular;
const BOLD: Weight = Weight::Bold;
const L: f32 = 18.0;
const R: f32 = W - 18.0;
const ROW: f32 = 5.0;
/// Lowest y a table line may take before the totals.
const FLOOR: f32 = 92.0;

pub fn receipt_pdf(doc: &ReceiptDoc, mode: FontMode) -> Result<Vec<u8>, DocumentError> {
    let mut c = Canvas::new(mode);
    c.new_page();
    draw(&mut c, doc);
    c.finish("FrontDesk walkout receipt")
}

fn draw(c: &mut Canvas, doc: &ReceiptDoc) {
    c.put(L, H - 18.0, 110.0, BOLD, 14.0, &doc.office.name);
    for (i, line) in doc.office.lines.iter().take(4).enumerate() {
        let s = c.fit(REG, 9.0, 110.0, line);
        c.text_c(L, H - 23.5 - i as f32 * 4.0, REG, 9.0, grey(), &s);
    }
    c.put_right(R, H - 18.0, 70.0, BOLD, 16.0, "Walkout receipt");
    c.put_right(R, H - 24.0, 70.0, REG, 9.5, &doc.date);

    let y = H - 46.0;
    c.rect(L, y - 13.0, R - L, 17.0, PaintMode::Stroke, grey());
    c.label(L + 3.0, y, 30.0, "Patient");
    c.put(L + 3.0, y - 6.0, 110.0, BOLD, 12.0, &doc.patient_name);
    c.label(R - 55.0, y, 50.0, "Account");
    c.put(R - 55.0, y - 6.0, 52.0, BOLD, 11.0, &doc.account);

    // The three tables share the space down to FLOOR; what does not fit is summed up.
    let sections: [(&str, &[ReceiptLine]); 3] = [
        ("Today's procedures", &doc.procedures),
        ("Payments", &doc.payments),
        ("Adjustments", &doc.adjustments),
    ];
    let heads = sections.len();
    let total_rows: usize = sections.iter().map(|(_, l)| l.len().max(1)).sum();
    let room = ((y - 20.0 - FLOOR) / ROW) as usize - heads * 2;
    let mut y = y - 22.0;
    for (title, lines) in sections {
        // Each table keeps its share of the rows when everything cannot fit.
        let share = if total_rows <= room {
            lines.len().max(1)
        } else {
            (lines.len().max(1) * room / total_rows).max(1)
        };
        y = table(c, y, title, lines, share);
    }

    // Totals.
    let y = FLOOR - 4.0;
    c.rule(L, y + 3.5, R - L);
    let totals = [
        ("Charges today", money(doc.charges_today), REG),
        ("Paid today", money(doc.paid_today), REG),
        ("Account balance", money(doc.account_balance), REG),
        ("Estimated insurance", money(doc.insurance_pending), REG),
        ("Patient due", money(doc.patient_due), BOLD),
    ];
    for (i, (k, v, weight)) in totals.iter().enumerate() {
        let ty = y - 2.5 - i as f32 * 5.5;
        let size = if *weight == BOLD { 11.0 } else { 10.0 };
        c.put_right(R - 40.0, ty, 70.0, *weight, size, k);
        c.put_right(R, ty, 38.0, *weight, size, v);
    }
    let ny = y - 38.0;
    c.rect(L, ny - 4.0, R - L, 10.0, PaintMode::Fill, band());
    let next = match &doc.next_appointment {
        Some(a) if !a.trim().is_empty() => format!("Next appointment: {a}"),
        _ => "No next appointment booked".to_string(),
    };
    c.put(L + 3.0, ny, R - L - 6.0, BOLD, 11.0, &next);
    let foot = format!(
        "Insurance amounts are estimates; you will receive a statement for any balance. \
         Printed by {}.",
        doc.printed_by
    );
    for (i, line) in c.wrap(REG, 8.0, R - L, &foot).iter().take(2).enumerate() {
        c.text_c(L, ny - 12.0 - 4.0 * i as f32, REG, 8.0, grey(), line);
    }
}

/// A titled table of lines, at most `max` rows (the last says how many more there are);
/// returns the y below it.
fn table(c: &mut Canvas, top: f32, title: &str, lines: &[ReceiptLine], max: usize) -> f32 {
    c.rect(L, top - 1.8, R - L, 6.0, PaintMode::Fill, band());
    c.put(L + 2.0, top, 80.0, BOLD, 9.5, title);
    let mut y = top - 1.8;
    if lines.is_empty() {
        y -= ROW;
        c.text_c(L + 2.0, y, REG, 9.0, grey(), "None");
        return y - 5.0;
    }
    let shown = if lines.len() > max {
        max.saturating_sub(1)
    } else {
        lines.len()
    };
    for line in &lines[..shown] {
        y -= ROW;
        c.put(L + 2.0, y, 42.0, REG, 9.5, &line.label);
        c.put(L + 46.0, y, R - L - 86.0, REG, 9.5, &line.detail);
        c.put_right(R - 2.0, y, 36.0, REG, 9.5, &money(line.amount));
        c.rule(L, y - 1.6, R - L);
    }
    if shown < lines.len() {
        y -= ROW;
        let rest = &lines[shown..];
        let sum: i64 = rest.iter().map(|l| l.amount).sum();
        let more = format!("and {} more", rest.len());
        c.put(L + 46.0, y, R - L - 86.0, REG, 9.5, &more);
        c.put_right(R - 2.0, y, 36.0, REG, 9.5, &money(sum));
    }
    y - 5.0
}
