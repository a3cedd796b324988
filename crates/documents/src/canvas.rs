//! A drawing surface for the documents set in `fonts`: US Letter pages of printpdf operations,
//! text in runs of the right embedded face (or builtin Helvetica), fitting, right-aligning and
//! word-wrapping measured with the fonts' advance widths, rules, boxes and fill-in blanks.
use frontdesk_domain::money::Cents;
use printpdf::{
    Color, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt,
    TextItem,
};

use crate::fonts::{self, builtin, FontMode, Usage, Weight};
use crate::pdf_text::{rect, rgb};
use crate::DocumentError;

pub(crate) const W: f32 = 215.9;
pub(crate) const H: f32 = 279.4;

pub(crate) fn ink() -> Color {
    rgb(0.1, 0.1, 0.12)
}
pub(crate) fn grey() -> Color {
    rgb(0.4, 0.42, 0.45)
}
pub(crate) fn line_colour() -> Color {
    rgb(0.55, 0.58, 0.62)
}
pub(crate) fn band() -> Color {
    rgb(0.9, 0.92, 0.95)
}

/// `cents` as US dollars: `$1,234.56`, `-$12.00` (the domain's money format, [`Cents`]' display).
pub fn format_money(cents: i64) -> String {
    Cents(cents).to_string()
}

pub(crate) struct Canvas {
    pub mode: FontMode,
    usage: Usage,
    pages: Vec<PdfPage>,
    ops: Vec<Op>,
}

impl Canvas {
    pub fn new(mode: FontMode) -> Self {
        Canvas {
            mode,
            usage: Usage::default(),
            pages: Vec::new(),
            ops: Vec::new(),
        }
    }

    /// Ends the page being drawn (if any) and starts a new one.
    pub fn new_page(&mut self) {
        self.flush();
        self.ops.push(Op::SaveGraphicsState);
    }

    fn flush(&mut self) {
        if !self.ops.is_empty() {
            let mut ops = std::mem::take(&mut self.ops);
            ops.push(Op::RestoreGraphicsState);
            self.pages.push(PdfPage::new(Mm(W), Mm(H), ops));
        }
    }

    /// The finished PDF, embedding the glyphs its text used.
    pub fn finish(mut self, title: &str) -> Result<Vec<u8>, DocumentError> {
        self.flush();
        let mut doc = PdfDocument::new(title);
        self.usage.embed(&mut doc)?;
        doc.with_pages(std::mem::take(&mut self.pages));
        let mut warnings = Vec::new();
        Ok(doc.save(&PdfSaveOptions::default(), &mut warnings))
    }

    pub fn width(&self, weight: Weight, size: f32, s: &str) -> f32 {
        fonts::width(self.mode, weight, size, s)
    }

    pub fn fit(&self, weight: Weight, size: f32, max_w: f32, s: &str) -> String {
        fonts::fit(self.mode, weight, size, max_w, s)
    }

    /// Text starting at (x, y) millimetres from the lower-left corner, in `color`.
    pub fn text_c(&mut self, x: f32, y: f32, weight: Weight, size: f32, color: Color, s: &str) {
        if s.is_empty() {
            return;
        }
        self.ops.extend([
            Op::StartTextSection,
            Op::SetTextCursor {
                pos: Point::new(Mm(x), Mm(y)),
            },
            Op::SetFillColor { col: color },
        ]);
        let runs = match self.mode {
            FontMode::Builtin => {
                let font = PdfFontHandle::Builtin(builtin(weight));
                vec![(font, fonts::prepare(self.mode, s))]
            }
            FontMode::Embedded => fonts::runs(weight, s)
                .into_iter()
                .map(|(face, run)| {
                    self.usage.record(face, &run);
                    (PdfFontHandle::External(face.id()), run)
                })
                .collect(),
        };
        for (font, run) in runs {
            self.ops.push(Op::SetFont {
                font,
                size: Pt(size),
            });
            self.ops.push(Op::ShowText {
                items: vec![TextItem::Text(run)],
            });
        }
        self.ops.push(Op::EndTextSection);
    }

    pub fn text(&mut self, x: f32, y: f32, weight: Weight, size: f32, s: &str) {
        self.text_c(x, y, weight, size, ink(), s);
    }

    /// Text cut to `w` millimetres.
    pub fn put(&mut self, x: f32, y: f32, w: f32, weight: Weight, size: f32, s: &str) {
        let s = self.fit(weight, size, w, s);
        self.text(x, y, weight, size, &s);
    }

    /// Text cut to `w` millimetres and ending at `right`.
    pub fn put_right(&mut self, right: f32, y: f32, w: f32, weight: Weight, size: f32, s: &str) {
        let s = self.fit(weight, size, w, s);
        let x = right - self.width(weight, size, &s);
        self.text(x, y, weight, size, &s);
    }

    /// A small grey label.
    pub fn label(&mut self, x: f32, y: f32, w: f32, s: &str) {
        let s = self.fit(Weight::Regular, 7.0, w, s);
        self.text_c(x, y, Weight::Regular, 7.0, grey(), &s);
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, mode: PaintMode, color: Color) {
        rect(&mut self.ops, x, y, w, h, mode, color);
    }

    /// A thin horizontal rule `len` millimetres long from (x, y).
    pub fn rule(&mut self, x: f32, y: f32, len: f32) {
        self.rect(x, y, len, 0.2, PaintMode::Fill, line_colour());
    }

    /// A dashed horizontal line (the tear-off edge).
    pub fn dashed(&mut self, x: f32, y: f32, len: f32) {
        let mut at = x;
        while at < x + len {
            let dash = 2.5f32.min(x + len - at);
            self.rect(at, y, dash, 0.25, PaintMode::Fill, grey());
            at += 4.0;
        }
    }

    /// A tick box with its lower-left corner at (x, y), marked X when `on`.
    pub fn checkbox(&mut self, x: f32, y: f32, on: bool) {
        self.rect(x, y, 3.0, 3.0, PaintMode::Stroke, ink());
        if on {
            self.text(x + 0.55, y + 0.5, Weight::Bold, 8.0, "X");
        }
    }

    /// A fill-in blank: underscores filling `w` millimetres (they survive text extraction,
    /// unlike a drawn rule).
    pub fn blank(&mut self, x: f32, y: f32, w: f32, size: f32) {
        let one = self.width(Weight::Regular, size, "_").max(0.1);
        let n = (w / one).floor().max(1.0) as usize;
        self.text_c(x, y, Weight::Regular, size, line_colour(), &"_".repeat(n));
    }

    /// `label` then the value on a rule, or a blank to fill in when the value is empty; the
    /// whole field is `w` millimetres wide.
    pub fn field(&mut self, x: f32, y: f32, w: f32, label: &str, value: &str) {
        let size = 9.0;
        let lw = self.width(Weight::Bold, 8.0, label) + 1.5;
        self.text(x, y, Weight::Bold, 8.0, label);
        let (vx, vw) = (x + lw, (w - lw).max(1.0));
        if value.trim().is_empty() {
            self.blank(vx, y, vw, size);
        } else {
            self.put(vx + 0.5, y, vw - 0.5, Weight::Regular, size, value);
            self.rule(vx, y - 1.2, vw);
        }
    }

    /// `text` broken into lines no wider than `max_w`: paragraphs split on newlines (a blank line
    /// stays blank), words on spaces, and a word wider than the line (or unspaced CJK text) split
    /// between characters.
    pub fn wrap(&self, weight: Weight, size: f32, max_w: f32, text: &str) -> Vec<String> {
        let mut lines = Vec::new();
        for para in text.lines() {
            let para = fonts::prepare(self.mode, para.trim());
            if para.is_empty() {
                lines.push(String::new());
                continue;
            }
            let mut line = String::new();
            for word in para.split(' ').filter(|w| !w.is_empty()) {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.width(weight, size, &candidate) <= max_w {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                for c in word.chars() {
                    line.push(c);
                    if self.width(weight, size, &line) > max_w && line.chars().count() > 1 {
                        line.pop();
                        lines.push(std::mem::replace(&mut line, c.to_string()));
                    }
                }
            }
            if !line.is_empty() {
                lines.push(line);
            }
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_has_a_dollar_sign_commas_and_cents() {
        assert_eq!(format_money(0), "$0.00");
        assert_eq!(format_money(5), "$0.05");
        assert_eq!(format_money(123_456), "$1,234.56");
        assert_eq!(format_money(-1200), "-$12.00");
        assert_eq!(format_money(10_000_000_000), "$100,000,000.00");
    }

    #[test]
    fn wrapping_keeps_lines_inside_the_width() {
        let c = Canvas::new(FontMode::Embedded);
        let text = "We will bill your insurance as a courtesy.\n\nPayment is due when services \
                    are rendered. 王小明王小明王小明王小明王小明王小明王小明王小明";
        let lines = c.wrap(Weight::Regular, 9.0, 40.0, text);
        assert!(lines.iter().any(|l| l.is_empty()), "the blank line stays");
        assert!(lines.len() > 5);
        for l in &lines {
            assert!(c.width(Weight::Regular, 9.0, l) <= 40.0, "{l}");
        }
        let joined: String = lines.concat();
        assert!(joined.contains("王小明王"));
    }
}
