//! Small helpers over printpdf's operations: text at a position, boxes, colours, and
//! fitting text to a width (ASCII-safe, measured with the builtin fonts' metrics).
use printpdf::{
    BuiltinFont, Color, Mm, Op, PaintMode, PdfFontHandle, Point, Pt, Rect, Rgb, TextItem,
};

pub(crate) fn rgb(r: f32, g: f32, b: f32) -> Color {
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

/// Text starting at (x, y) millimetres from the lower-left corner.
pub(crate) fn text(
    ops: &mut Vec<Op>,
    x: f32,
    y: f32,
    font: BuiltinFont,
    size: f32,
    color: Color,
    s: &str,
) {
    ops.extend([
        Op::StartTextSection,
        Op::SetTextCursor {
            pos: Point::new(Mm(x), Mm(y)),
        },
        Op::SetFont {
            font: PdfFontHandle::Builtin(font),
            size: Pt(size),
        },
        Op::SetFillColor { col: color },
        Op::ShowText {
            items: vec![TextItem::Text(s.to_string())],
        },
        Op::EndTextSection,
    ]);
}

/// Lines of text from (x, y) downwards, `leading` millimetres apart; returns the next free y.
pub(crate) fn paragraph(
    ops: &mut Vec<Op>,
    x: f32,
    mut y: f32,
    size: f32,
    leading: f32,
    lines: &[&str],
) -> f32 {
    for line in lines {
        text(
            ops,
            x,
            y,
            BuiltinFont::Helvetica,
            size,
            rgb(0.1, 0.1, 0.1),
            line,
        );
        y -= leading;
    }
    y
}

/// A rectangle with its lower-left corner at (x, y), in millimetres.
pub(crate) fn rect(
    ops: &mut Vec<Op>,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    mode: PaintMode,
    color: Color,
) {
    let pt = |mm: f32| Pt(mm * 72.0 / 25.4);
    ops.push(Op::SetFillColor { col: color.clone() });
    ops.push(Op::SetOutlineColor { col: color });
    ops.push(Op::DrawRectangle {
        rectangle: Rect {
            x: pt(x),
            y: pt(y),
            width: pt(w),
            height: pt(h),
            mode: Some(mode),
            winding_order: None,
        },
    });
}

/// Advance widths (thousandths of an em) of ASCII 32..=126 in Helvetica, from Adobe's AFM.
#[rustfmt::skip]
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/// The same for Helvetica-Bold.
#[rustfmt::skip]
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/// Width in millimetres of `s` set in `font` at `size` points. Courier is 600 units a
/// character; fonts without a table here are measured as Helvetica-Bold, which errs wide.
pub(crate) fn text_width(font: BuiltinFont, size: f32, s: &str) -> f32 {
    use BuiltinFont::*;
    let table = match font {
        Courier | CourierBold | CourierOblique | CourierBoldOblique => None,
        Helvetica | HelveticaOblique => Some(&HELVETICA),
        _ => Some(&HELVETICA_BOLD),
    };
    let units: u32 = s
        .chars()
        .map(|c| match (table, c as usize) {
            (None, _) => 600,
            (Some(t), i @ 32..=126) => u32::from(t[i - 32]),
            (Some(_), _) => 1000,
        })
        .sum();
    units as f32 / 1000.0 * size * 25.4 / 72.0
}

/// `s` in printable ASCII, which every builtin font shows: letters are transliterated with
/// `deunicode` (accents dropped, other scripts spelled out), typographic quotes and dashes become
/// plain ones; what has no ASCII spelling is `?`.
pub(crate) fn ascii_safe(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            ' '..='~' => c.to_string(),
            c if c.is_whitespace() => " ".to_string(),
            c => deunicode::deunicode_char(c)
                .filter(|t| !t.is_empty() && t.chars().all(|x| (' '..='~').contains(&x)))
                .map_or_else(|| "?".to_string(), str::to_string),
        })
        .collect()
}

/// `s` made ASCII-safe and, if wider than `max_w` millimetres, cut with "..." to fit;
/// empty when not even the dots fit.
pub(crate) fn fit(font: BuiltinFont, size: f32, max_w: f32, s: &str) -> String {
    let mut s = ascii_safe(s);
    if text_width(font, size, &s) <= max_w {
        return s;
    }
    let room = max_w - text_width(font, size, "...");
    if room < 0.0 {
        return String::new();
    }
    while text_width(font, size, &s) > room {
        s.pop();
    }
    format!("{}...", s.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_made_ascii_and_cut_to_its_width() {
        assert_eq!(
            ascii_safe("Zoë’s “crown” – Müller…\t€\u{E000}"),
            "Zoe's \"crown\" - Muller... EUR?"
        );
        assert_eq!(ascii_safe("Łukasz Šimić"), "Lukasz Simic");
        assert_eq!(ascii_safe("Ёлка"), "Iolka");
        let long = "Crown - porcelain fused to high noble metal";
        let cut = fit(BuiltinFont::Helvetica, 9.0, 30.0, long);
        assert!(cut.ends_with("...") && long.starts_with(cut.trim_end_matches('.')));
        assert!(text_width(BuiltinFont::Helvetica, 9.0, &cut) <= 30.0);
        assert_eq!(fit(BuiltinFont::Helvetica, 9.0, 30.0, "D0120"), "D0120");
        assert_eq!(fit(BuiltinFont::Helvetica, 9.0, 1.0, "D0120"), "");
    }
}
