//! Slimming a subset TrueType font for PDF embedding: a PDF's CIDFontType2 needs the glyph
//! outlines, metrics and hinting programs, not the font's naming table (DejaVu's is 15 KB of
//! licence and names) nor PostScript glyph names. Dropping them roughly halves each embedded
//! font, which matters most for the time spent compressing it into every PDF.

const KEEP: [&[u8; 4]; 11] = [
    b"OS/2", b"cmap", b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp",
    b"prep",
];

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut word = [0u8; 4];
        word[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// `font` with only the tables a PDF needs and a glyph-name-free `post` (format 3); `None` if
/// it is not a plain TrueType font we can read (the caller then embeds it unchanged).
pub(crate) fn slim(font: &[u8]) -> Option<Vec<u8>> {
    if be32(font, 0)? != 0x0001_0000 {
        return None;
    }
    let count = usize::from(be16(font, 4)?);
    let mut tables: Vec<([u8; 4], Vec<u8>)> = Vec::new();
    for i in 0..count {
        let rec = 12 + 16 * i;
        let tag: [u8; 4] = font.get(rec..rec + 4)?.try_into().ok()?;
        let (off, len) = (
            be32(font, rec + 8)? as usize,
            be32(font, rec + 12)? as usize,
        );
        let data = font.get(off..off.checked_add(len)?)?;
        if &tag == b"post" {
            // Format 3 keeps the header's metrics and drops the glyph names.
            let mut post = data.get(..32)?.to_vec();
            post[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
            tables.push((tag, post));
        } else if KEEP.contains(&&tag) {
            tables.push((tag, data.to_vec()));
        }
    }
    tables.sort_by_key(|t| t.0);
    let n = tables.len() as u16;
    let mut pow = 1u16;
    while pow * 2 <= n {
        pow *= 2;
    }
    let search = pow * 16;
    let selector = pow.trailing_zeros() as u16;
    let mut out = Vec::with_capacity(font.len());
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [n, search, selector, n * 16 - search] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in &mut tables {
        if tag == b"head" && data.len() >= 12 {
            data[8..12].fill(0); // checkSumAdjustment, recomputed below
            head_at = Some(offset);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    if let Some(at) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjust.to_be_bytes());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slimming_drops_names_and_keeps_a_readable_font() {
        let full = include_bytes!("../fonts/DejaVuSans.ttf");
        let slim = slim(full).unwrap();
        assert!(
            slim.len() < full.len() - 15_000 - 50_000,
            "{} vs {}",
            slim.len(),
            full.len()
        );
        let mut warnings = Vec::new();
        let parsed = printpdf::ParsedFont::from_bytes(&slim, 0, &mut warnings).unwrap();
        assert!(parsed.lookup_glyph_index('A' as u32).is_some());
        assert_eq!(checksum(&slim), 0xB1B0_AFBA);
    }
}
