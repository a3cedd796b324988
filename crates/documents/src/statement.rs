//! The patient (guarantor) statement: US Letter, office letterhead top-left, "STATEMENT" with
//! date, account and page top-right, the guarantor's name and address where a #10 window
//! envelope shows it, the account activity with a running balance (from the previous balance),
//! aging, "Account balance - Estimated insurance = Amount due", upcoming appointments and a
//! note, and on page 1 a tear-off remittance stub (amount due, due date, amount enclosed, card
//! fields, remit-to address). Activity that does not fit continues on further pages.
use printpdf::PaintMode;

use crate::canvas::{band, format_money as money, grey, Canvas, H, W};
use crate::fonts::{FontMode, Weight};
use crate::DocumentError;

/// The office printed at the top of a document: name, then address lines and phone.
#[derive(Clone, Debug, Default)]
pub struct Letterhead {
    pub name: String,
    pub lines: Vec<String>,
}

/// One line of activity; money in cents, `balance` the running balance after it.
#[derive(Clone, Debug, Default)]
pub struct StatementRow {
    pub date: String,
    pub patient: String,
    pub code: String,
    pub tooth: String,
    pub description: String,
    pub charge: Option<i64>,
    pub credit: Option<i64>,
    pub balance: i64,
}

#[derive(Clone, Debug, Default)]
pub struct StatementDoc {
    pub office: Letterhead,
    pub statement_date: String,
    pub due_date: String,
    /// The guarantor's chart number.
    pub account: String,
    pub guarantor_name: String,
    pub address_lines: Vec<String>,
    pub previous_balance: i64,
    pub rows: Vec<StatementRow>,
    pub balance: i64,
    pub insurance_pending: i64,
    pub amount_due: i64,
    /// 0-30, 31-60, 61-90, over 90 days.
    pub aging: [i64; 4],
    pub upcoming: Vec<String>,
    pub note: String,
}

const REG: Weight = Weight::Regular;
const BOLD: Weight = Weight::Bold;
const L: f32 = 12.0;
const R: f32 = W - 12.0;
const ROW: f32 = 4.0;
/// Top of the activity grid on page 1 and on continuation pages.
const GRID_TOP_1: f32 = H - 80.0;
const GRID_TOP_N: f32 = H - 38.0;
/// The dashed tear-off line of the remittance stub (page 1).
const STUB_TOP: f32 = 70.0;
/// Rows per page (the previous-balance line counts as one) and the rows the summary takes.
const CAP_1: usize = 29;
const CAP_N: usize = 52;
const SUMMARY_ROWS: usize = 8;
/// Activity columns: title, width, right-aligned.
const COLS: [(&str, f32, bool); 8] = [
    ("Date", 19.5, false),
    ("Patient", 31.0, false),
    ("Code", 12.5, false),
    ("Tooth", 11.5, false),
    ("Description", 57.4, false),
    ("Charges", 20.0, true),
    ("Credits", 20.0, true),
    ("Balance", 20.0, true),
];

/// How many threads [`statement_pdfs`] renders on: the machine's cores.
pub fn render_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Many statements, one PDF each, rendered on every core; results in the order given.
pub fn statement_pdfs(
    docs: &[StatementDoc],
    mode: FontMode,
) -> Vec<Result<Vec<u8>, DocumentError>> {
    if docs.is_empty() {
        return vec![];
    }
    let per = docs.len().div_ceil(render_threads());
    std::thread::scope(|scope| {
        let handles: Vec<_> = docs
            .chunks(per)
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|d| statement_pdf(d, mode))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    vec![Err(DocumentError::Render(
                        "a rendering thread stopped".into(),
                    ))]
                })
            })
            .collect()
    })
}

/// One statement as a PDF.
pub fn statement_pdf(doc: &StatementDoc, mode: FontMode) -> Result<Vec<u8>, DocumentError> {
    statements_pdf(std::slice::from_ref(doc), mode)
}

/// Many statements in one PDF (batch printing), each starting on a new page.
pub fn statements_pdf(docs: &[StatementDoc], mode: FontMode) -> Result<Vec<u8>, DocumentError> {
    if docs.is_empty() {
        return Err(DocumentError::Render("no statements to print".into()));
    }
    let mut c = Canvas::new(mode);
    for doc in docs {
        draw(&mut c, doc);
    }
    c.finish("FrontDesk statements")
}

/// The pages of a statement with `lines` activity lines (plus the previous balance): each
/// page's range of lines and whether the summary follows them.
fn plan(lines: usize) -> Vec<(usize, usize, bool)> {
    let total = lines + 1;
    let (mut pages, mut at) = (Vec::new(), 0);
    loop {
        let cap = if pages.is_empty() { CAP_1 } else { CAP_N };
        let left = total - at;
        if left + SUMMARY_ROWS <= cap {
            pages.push((at, total, true));
            return pages;
        }
        let take = left.min(cap);
        pages.push((at, at + take, false));
        at += take;
    }
}

fn draw(c: &mut Canvas, doc: &StatementDoc) {
    let pages = plan(doc.rows.len());
    for (i, &(from, to, summary)) in pages.iter().enumerate() {
        c.new_page();
        let page = format!("Page {} of {}", i + 1, pages.len());
        let mut y = if i == 0 {
            first_page_top(c, doc, &page);
            stub(c, doc);
            GRID_TOP_1
        } else {
            continued_top(c, doc, &page);
            GRID_TOP_N
        };
        y = grid(c, doc, from, to, y);
        if summary {
            summary_block(c, doc, y - 2.0);
        } else {
            c.put_right(R, y - 2.0, 80.0, REG, 8.0, "Continued on the next page");
        }
    }
}

fn letterhead(c: &mut Canvas, office: &Letterhead, size: f32) {
    c.put(L, H - 16.0, 110.0, BOLD, size, &office.name);
    for (i, line) in office.lines.iter().take(4).enumerate() {
        let y = H - 21.0 - i as f32 * 3.8;
        let s = c.fit(REG, 8.5, 110.0, line);
        c.text_c(L, y, REG, 8.5, grey(), &s);
    }
}

fn first_page_top(c: &mut Canvas, doc: &StatementDoc, page: &str) {
    letterhead(c, &doc.office, 13.0);
    c.put_right(R, H - 18.0, 70.0, BOLD, 18.0, "STATEMENT");
    let facts = [
        ("Statement date", doc.statement_date.as_str()),
        ("Account", doc.account.as_str()),
        ("", page),
    ];
    for (i, (k, v)) in facts.iter().enumerate() {
        let y = H - 24.5 - i as f32 * 4.2;
        c.put_right(R, y, 40.0, REG, 9.0, v);
        if !k.is_empty() {
            c.put_right(R - 42.0, y, 30.0, BOLD, 8.0, k);
        }
    }
    // The guarantor's address, placed for the window of a #10 envelope.
    let (x, top) = (22.0, H - 52.0);
    c.put(x, top, 90.0, BOLD, 10.0, &doc.guarantor_name);
    for (i, line) in doc.address_lines.iter().take(4).enumerate() {
        c.put(x, top - 4.6 * (i + 1) as f32, 90.0, REG, 10.0, line);
    }
    // The amount due, boxed, beside the address.
    let (bx, bw) = (136.0, R - 136.0);
    c.rect(bx, H - 70.0, bw, 22.0, PaintMode::Stroke, grey());
    c.rect(bx, H - 54.0, bw, 6.0, PaintMode::Fill, band());
    c.put(bx + 2.0, H - 52.2, bw - 4.0, BOLD, 8.0, "Amount due");
    c.put_right(
        R - 2.0,
        H - 61.0,
        bw - 4.0,
        BOLD,
        14.0,
        &money(doc.amount_due),
    );
    let due = format!("Due date {}", doc.due_date);
    c.put_right(R - 2.0, H - 67.0, bw - 4.0, REG, 8.5, &due);
}

fn continued_top(c: &mut Canvas, doc: &StatementDoc, page: &str) {
    letterhead(c, &doc.office, 11.0);
    c.put_right(R, H - 16.0, 90.0, BOLD, 12.0, "STATEMENT (continued)");
    let who = format!("{} - Account {}", doc.guarantor_name, doc.account);
    c.put_right(R, H - 21.0, 90.0, REG, 8.5, &who);
    c.put_right(R, H - 25.0, 60.0, REG, 8.5, page);
}

/// The activity grid: header, then lines `from..to` (0 is the previous balance); returns the y
/// under the last line.
fn grid(c: &mut Canvas, doc: &StatementDoc, from: usize, to: usize, top: f32) -> f32 {
    c.rect(L, top - 1.6, R - L, 5.4, PaintMode::Fill, band());
    let mut x = L;
    for (title, w, right) in COLS {
        if right {
            c.put_right(x + w - 1.0, top, w - 2.0, BOLD, 7.5, title);
        } else {
            c.put(x + 1.0, top, w - 2.0, BOLD, 7.5, title);
        }
        x += w;
    }
    let mut y = top - 1.4;
    for i in from..to {
        y -= ROW;
        let cells: [String; 8] = match i {
            0 => [
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                "Previous balance".into(),
                String::new(),
                String::new(),
                money(doc.previous_balance),
            ],
            _ => {
                let r = &doc.rows[i - 1];
                [
                    r.date.clone(),
                    r.patient.clone(),
                    r.code.clone(),
                    r.tooth.clone(),
                    r.description.clone(),
                    r.charge.map(money).unwrap_or_default(),
                    r.credit.map(money).unwrap_or_default(),
                    money(r.balance),
                ]
            }
        };
        let mut x = L;
        for ((_, w, right), cell) in COLS.iter().zip(&cells) {
            if *right {
                c.put_right(x + w - 1.0, y, w - 2.0, REG, 8.0, cell);
            } else {
                c.put(x + 1.0, y, w - 2.0, REG, 8.0, cell);
            }
            x += w;
        }
        c.rule(L, y - 1.3, R - L);
    }
    y - 1.3
}

/// Aging, the amount due worked out, upcoming appointments and the note.
fn summary_block(c: &mut Canvas, doc: &StatementDoc, top: f32) {
    let y = top - 4.0;
    let cells = |c: &mut Canvas, y: f32, items: &[(&str, String)]| {
        let w = 110.0 / items.len() as f32;
        c.rect(L, y - 1.6, 110.0, 5.0, PaintMode::Fill, band());
        c.rect(L, y - 7.4, 110.0, 10.8, PaintMode::Stroke, grey());
        for (i, (title, value)) in items.iter().enumerate() {
            let x = L + i as f32 * w;
            c.put(x + 1.5, y, w - 3.0, BOLD, 7.5, title);
            c.put_right(x + w - 1.5, y - 5.6, w - 3.0, REG, 9.0, value);
        }
    };
    let aging = [
        ("Current (0-30)", money(doc.aging[0])),
        ("31-60 days", money(doc.aging[1])),
        ("61-90 days", money(doc.aging[2])),
        ("Over 90 days", money(doc.aging[3])),
    ];
    cells(c, y, &aging);
    let due = [
        ("Account balance", money(doc.balance)),
        ("- Estimated insurance", money(doc.insurance_pending)),
        ("= Amount due", money(doc.amount_due)),
    ];
    cells(c, y - 13.0, &due);

    let x = L + 116.0;
    c.put(x, y, R - x, BOLD, 8.5, "Upcoming appointments");
    let shown = doc.upcoming.len().min(4);
    for (i, appt) in doc.upcoming.iter().take(shown).enumerate() {
        c.put(x, y - 4.4 * (i + 1) as f32, R - x, REG, 8.5, appt);
    }
    if doc.upcoming.is_empty() {
        c.put(x, y - 4.4, R - x, REG, 8.5, "None scheduled");
    } else if doc.upcoming.len() > shown {
        let more = format!("and {} more", doc.upcoming.len() - shown);
        c.put(x, y - 4.4 * 5.0, R - x, REG, 8.5, &more);
    }
    let note = c.wrap(REG, 8.5, R - L, &doc.note);
    for (i, line) in note.iter().filter(|l| !l.is_empty()).take(2).enumerate() {
        c.text(L, y - 25.0 - 4.0 * i as f32, REG, 8.5, line);
    }
}

/// The tear-off remittance stub at the bottom of page 1.
fn stub(c: &mut Canvas, doc: &StatementDoc) {
    c.dashed(L - 4.0, STUB_TOP, R - L + 8.0);
    let tear = "Please detach and return this portion with your payment";
    let s = c.fit(REG, 7.0, 120.0, tear);
    let w = c.width(REG, 7.0, &s);
    c.text_c((W - w) / 2.0, STUB_TOP - 3.5, REG, 7.0, grey(), &s);

    // Remit-to address on the left (for the return envelope's window).
    let x = 22.0;
    c.label(x, STUB_TOP - 10.0, 90.0, "Remit to");
    c.put(x, STUB_TOP - 14.5, 90.0, BOLD, 10.0, &doc.office.name);
    for (i, line) in doc.office.lines.iter().take(3).enumerate() {
        c.put(x, STUB_TOP - 19.0 - 4.4 * i as f32, 90.0, REG, 9.0, line);
    }
    let acct = format!("Account {}", doc.account);
    c.put(x, STUB_TOP - 38.0, 90.0, BOLD, 9.0, &acct);
    c.put(x, STUB_TOP - 42.5, 90.0, REG, 9.0, &doc.guarantor_name);
    let date = format!("Statement date {}", doc.statement_date);
    c.put(x, STUB_TOP - 47.0, 90.0, REG, 8.5, &date);

    // Amounts and card payment on the right.
    let (x, w) = (118.0, R - 118.0);
    let y = STUB_TOP - 10.0;
    c.text(x, y, BOLD, 9.0, "Amount due");
    c.put_right(R, y, 40.0, BOLD, 11.0, &money(doc.amount_due));
    c.text(x, y - 5.5, REG, 9.0, "Due date");
    c.put_right(R, y - 5.5, 40.0, REG, 9.0, &doc.due_date);
    c.field(x, y - 12.0, w, "Amount enclosed  $", "");
    c.text(x, y - 18.5, BOLD, 8.0, "Pay by card:");
    let mut bx = x + 21.5;
    for card in ["Visa", "Mastercard", "Discover", "Amex"] {
        c.checkbox(bx, y - 19.2, false);
        c.text(bx + 4.0, y - 18.5, REG, 7.5, card);
        bx += 5.5 + c.width(REG, 7.5, card) + 2.5;
    }
    c.field(x, y - 25.0, w, "Card number", "");
    c.field(x, y - 31.5, 44.0, "Exp. date", "");
    c.field(x + 47.0, y - 31.5, w - 47.0, "Security code", "");
    c.field(x, y - 38.0, w, "Name on card", "");
    c.field(x, y - 44.5, w, "Signature", "");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_keeps_the_summary_with_the_last_lines() {
        assert_eq!(plan(0), [(0, 1, true)]);
        assert_eq!(plan(20), [(0, 21, true)]);
        assert_eq!(plan(CAP_1 - 1), [(0, CAP_1, false), (CAP_1, CAP_1, true)]);
        let p = plan(60);
        assert_eq!(p, [(0, CAP_1, false), (CAP_1, 61, true)]);
        let p = plan(200);
        assert_eq!(p.last().unwrap().1, 201);
        assert!(p.windows(2).all(|w| w[0].1 == w[1].0));
    }
}
