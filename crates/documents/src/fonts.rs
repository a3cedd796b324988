//! The fonts of the statement, receipt and check-in packet: either the builtin Helvetica (text
//! made ASCII-safe, nothing embedded) or embedded subsets of DejaVu Sans (Latin, Greek, Cyrillic)
//! with Droid Sans Fallback for what DejaVu lacks (CJK). The font files are compiled in and
//! parsed once; each document embeds only the glyphs it uses, subset here with allsorts (the
//! same library printpdf uses), so a Latin-only page carries a few kilobytes of font and never
//! touches the 4 MB fallback.
use std::collections::HashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Mutex, OnceLock};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use printpdf::{BuiltinFont, FontId, ParsedFont, PdfDocument, PdfFont};

use crate::pdf_text::{ascii_safe, text_width as builtin_width};
use crate::DocumentError;

/// How a document sets its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FontMode {
    /// PDF builtin Helvetica: smallest and fastest, but text is transliterated to ASCII.
    Builtin,
    /// Embedded subsets of DejaVu Sans (and Droid Sans Fallback for CJK): every script prints.
    Embedded,
}

/// Regular or bold text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// One of the three embedded faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Face {
    Regular = 0,
    Bold = 1,
    Fallback = 2,
}

const FACES: [Face; 3] = [Face::Regular, Face::Bold, Face::Fallback];
const REGULAR_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");
const FALLBACK_TTF: &[u8] = include_bytes!("../fonts/DroidSansFallbackFull.ttf");

impl Face {
    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR_TTF,
            Face::Bold => BOLD_TTF,
            Face::Fallback => FALLBACK_TTF,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Face::Regular => "DejaVuSans",
            Face::Bold => "DejaVuSans-Bold",
            Face::Fallback => "DroidSansFallbackFull",
        }
    }

    /// The resource id the page operations name this face by.
    pub(crate) fn id(self) -> FontId {
        FontId(format!("FD{}", self as u8))
    }

    /// The parsed face (character map, advances, metrics), parsed on first use.
    fn parsed(self) -> &'static ParsedFont {
        static PARSED: [OnceLock<ParsedFont>; 3] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        PARSED[self as usize].get_or_init(|| {
            let mut warnings = Vec::new();
            ParsedFont::from_bytes(self.bytes(), 0, &mut warnings)
                .unwrap_or_else(|| panic!("the bundled font {} parses", self.name()))
        })
    }

    fn glyph(self, c: char) -> Option<u16> {
        self.parsed()
            .lookup_glyph_index(c as u32)
            .filter(|g| *g != 0)
    }

    /// Advance width of glyph `gid` in thousandths of an em.
    fn advance(self, gid: u16) -> f32 {
        let f = self.parsed();
        let units = f.get_glyph_width(gid).unwrap_or(0);
        f32::from(units) * 1000.0 / f32::from(f.units_per_em.max(1))
    }
}

/// The face that draws `c` in `weight`: DejaVu when it has the glyph, else the fallback when it
/// has it, else DejaVu (which shows its missing-glyph box).
pub(crate) fn face_for(weight: Weight, c: char) -> Face {
    let main = match weight {
        Weight::Regular => Face::Regular,
        Weight::Bold => Face::Bold,
    };
    if (c as u32) < 0x250 || c.is_whitespace() || main.glyph(c).is_some() {
        // DejaVu covers all of Latin-1 and Latin Extended-A/B.
        return main;
    }
    if Face::Fallback.glyph(c).is_some() {
        Face::Fallback
    } else {
        main
    }
}

/// `s` split into runs of the same face (embedded mode).
pub(crate) fn runs(weight: Weight, s: &str) -> Vec<(Face, String)> {
    let mut out: Vec<(Face, String)> = Vec::new();
    for c in s.chars() {
        let c = if c.is_whitespace() { ' ' } else { c };
        let face = face_for(weight, c);
        match out.last_mut() {
            Some((f, run)) if *f == face => run.push(c),
            _ => out.push((face, c.to_string())),
        }
    }
    out
}

/// Width in millimetres of `s` at `size` points.
pub(crate) fn width(mode: FontMode, weight: Weight, size: f32, s: &str) -> f32 {
    match mode {
        FontMode::Builtin => builtin_width(builtin(weight), size, &ascii_safe(s)),
        FontMode::Embedded => {
            let units: f32 = s
                .chars()
                .map(|c| {
                    let c = if c.is_whitespace() { ' ' } else { c };
                    let face = face_for(weight, c);
                    face.advance(face.glyph(c).unwrap_or(0))
                })
                .sum();
            units / 1000.0 * size * 25.4 / 72.0
        }
    }
}

pub(crate) fn builtin(weight: Weight) -> BuiltinFont {
    match weight {
        Weight::Regular => BuiltinFont::Helvetica,
        Weight::Bold => BuiltinFont::HelveticaBold,
    }
}

/// The text as it will be drawn: ASCII-safe for builtin fonts, whitespace made plain spaces.
pub(crate) fn prepare(mode: FontMode, s: &str) -> String {
    match mode {
        FontMode::Builtin => ascii_safe(s),
        FontMode::Embedded => s
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect(),
    }
}

/// `s` prepared and, if wider than `max_w` millimetres, cut with an ellipsis to fit; empty when
/// not even the ellipsis fits.
pub(crate) fn fit(mode: FontMode, weight: Weight, size: f32, max_w: f32, s: &str) -> String {
    let mut s = prepare(mode, s);
    if width(mode, weight, size, &s) <= max_w {
        return s;
    }
    let dots = match mode {
        FontMode::Builtin => "...",
        FontMode::Embedded => "\u{2026}",
    };
    let room = max_w - width(mode, weight, size, dots);
    if room < 0.0 {
        return String::new();
    }
    while !s.is_empty() && width(mode, weight, size, &s) > room {
        s.pop();
    }
    format!("{}{dots}", s.trim_end())
}

/// The characters each embedded face draws in one PDF, to embed exactly those glyphs.
#[derive(Default)]
pub(crate) struct Usage {
    chars: [BTreeSet<char>; 3],
}

impl Usage {
    pub(crate) fn record(&mut self, face: Face, s: &str) {
        self.chars[face as usize].extend(s.chars());
    }

    /// Adds to `doc` a subset of every face some text used (and only those).
    pub(crate) fn embed(&self, doc: &mut PdfDocument) -> Result<(), DocumentError> {
        for face in FACES {
            let chars = &self.chars[face as usize];
            if !chars.is_empty() {
                let font = cached_subset(face, chars)?;
                doc.resources
                    .fonts
                    .map
                    .insert(face.id(), PdfFont::new(font));
            }
        }
        Ok(())
    }
}

/// `subset_face`, remembered: statements printed in a batch mostly use the same characters,
/// and a subset costs more than the rest of a one-page PDF.
fn cached_subset(face: Face, chars: &BTreeSet<char>) -> Result<ParsedFont, DocumentError> {
    type Cache = Mutex<HashMap<(Face, Vec<char>), ParsedFont>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = (face, chars.iter().copied().collect::<Vec<char>>());
    if let Some(font) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return Ok(font.clone());
    }
    let font = subset_face(face, chars)?;
    let mut map = cache.lock().unwrap_or_else(|e| e.into_inner());
    if map.len() >= 256 {
        map.clear();
    }
    map.insert(key, font.clone());
    Ok(font)
}

/// A font holding only the glyphs of `chars` (plus .notdef), renumbered in order, with the
/// character map and advances printpdf needs to encode text and write widths.
fn subset_face(face: Face, chars: &BTreeSet<char>) -> Result<ParsedFont, DocumentError> {
    let err = |e: String| DocumentError::Render(format!("font {}: {e}", face.name()));
    let full = face.parsed();
    let mut ids: Vec<u16> = vec![0];
    let mut new_id: BTreeMap<u16, u16> = BTreeMap::new();
    let mut cmap = BTreeMap::new();
    for &c in chars {
        let Some(gid) = full.lookup_glyph_index(c as u32) else {
            continue;
        };
        let n = *new_id.entry(gid).or_insert_with(|| {
            ids.push(gid);
            (ids.len() - 1) as u16
        });
        cmap.insert(c as u32, n);
    }
    let file = ReadScope::new(face.bytes())
        .read::<FontData<'_>>()
        .map_err(|e| err(e.to_string()))?;
    let provider = file.table_provider(0).map_err(|e| err(e.to_string()))?;
    // allsorts numbers the subset's glyphs by their position in `ids` (composite components
    // are appended after them), so `new_id` is the subset's numbering.
    let bytes = subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| err(e.to_string()))?;
    let bytes = crate::sfnt::slim(&bytes).unwrap_or(bytes);
    let widths = ids
        .iter()
        .enumerate()
        .map(|(n, gid)| (n as u16, full.get_glyph_width(*gid).unwrap_or(0)))
        .collect();
    let mut font = with_metrics_of(full, face.name(), bytes);
    font.codepoint_to_glyph = cmap;
    font.glyph_widths = widths;
    Ok(font)
}

/// A face with `bytes` as its program and `full`'s metrics, without copying `full`'s (possibly
/// large) character map, widths or bytes.
fn with_metrics_of(full: &ParsedFont, name: &str, bytes: Vec<u8>) -> ParsedFont {
    ParsedFont {
        original_bytes: bytes,
        font_index: 0,
        font_name: Some(name.to_string()),
        codepoint_to_glyph: BTreeMap::new(),
        glyph_widths: BTreeMap::new(),
        units_per_em: full.units_per_em,
        font_metrics: full.font_metrics.clone(),
        font_type: full.font_type,
        pdf_font_metrics: full.pdf_font_metrics.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_switch_to_the_fallback_only_for_cjk() {
        let r = runs(Weight::Regular, "Zoë Дмитрий 王小明 Ωμέγα");
        let faces: Vec<Face> = r.iter().map(|(f, _)| *f).collect();
        assert_eq!(faces, [Face::Regular, Face::Fallback, Face::Regular]);
        assert_eq!(r[1].1, "王小明");
        assert_eq!(runs(Weight::Bold, "Ångström")[0].0, Face::Bold);
    }

    #[test]
    fn widths_come_from_the_fonts() {
        let m = width(FontMode::Embedded, Weight::Regular, 10.0, "MMMM");
        let i = width(FontMode::Embedded, Weight::Regular, 10.0, "iiii");
        assert!(m > 2.0 * i, "{m} vs {i}");
        // A CJK ideograph is a full em wide in the fallback font.
        let w = width(FontMode::Embedded, Weight::Regular, 10.0, "王");
        assert!((w - 10.0 * 25.4 / 72.0).abs() < 0.2, "{w}");
        let cut = fit(
            FontMode::Embedded,
            Weight::Regular,
            9.0,
            20.0,
            "Crown porcelain fused to metal",
        );
        assert!(cut.ends_with('\u{2026}'));
        assert!(width(FontMode::Embedded, Weight::Regular, 9.0, &cut) <= 20.0);
        assert_eq!(
            fit(FontMode::Builtin, Weight::Regular, 9.0, 50.0, "Zoë"),
            "Zoe"
        );
    }
}
