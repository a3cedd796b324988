//! Small helpers over printpdf's operations: text at a position, boxes, colours.
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
