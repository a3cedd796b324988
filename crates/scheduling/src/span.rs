//! Half-open spans of real time, `[start, end)`, and the set operations the rules need. A list
//! is "normalized" when it is sorted, without empty spans, and no two spans overlap or touch.
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
pub struct Span {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Span {
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Self {
        Self { start, end }
    }

    /// `minutes` long from `start`.
    pub fn minutes(start: DateTime<Utc>, minutes: u32) -> Self {
        Self::new(start, start + Duration::minutes(i64::from(minutes)))
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// They share some time (touching ends do not count: 9–10 and 10–11 do not overlap).
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// `other` lies entirely inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Sorts, drops empty spans and joins overlapping or touching ones.
pub fn normalize(mut spans: Vec<Span>) -> Vec<Span> {
    spans.retain(|s| !s.is_empty());
    spans.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// The time in both normalized lists.
pub fn intersect(a: &[Span], b: &[Span]) -> Vec<Span> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        let s = Span::new(a[i].start.max(b[j].start), a[i].end.min(b[j].end));
        if !s.is_empty() {
            out.push(s);
        }
        if a[i].end <= b[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Some span of the normalized list overlaps `span` (binary search).
pub fn any_overlap(normalized: &[Span], span: &Span) -> bool {
    let i = normalized.partition_point(|s| s.end <= span.start);
    normalized.get(i).is_some_and(|s| s.start < span.end)
}

/// One span of the normalized list holds all of `span` (binary search).
pub fn inside(normalized: &[Span], span: &Span) -> bool {
    let i = normalized.partition_point(|s| s.end <= span.start);
    normalized.get(i).is_some_and(|s| s.contains(span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, 4, h, m, 0).unwrap()
    }

    fn sp(a: (u32, u32), b: (u32, u32)) -> Span {
        Span::new(at(a.0, a.1), at(b.0, b.1))
    }

    #[test]
    fn normalize_joins_touching_and_overlapping() {
        let got = normalize(vec![
            sp((13, 0), (17, 0)),
            sp((8, 0), (12, 0)),
            sp((12, 0), (12, 30)),
            sp((9, 0), (9, 0)),
            sp((16, 0), (18, 0)),
        ]);
        assert_eq!(got, vec![sp((8, 0), (12, 30)), sp((13, 0), (18, 0))]);
    }

    #[test]
    fn intersect_keeps_common_time() {
        let a = vec![sp((8, 0), (12, 0)), sp((13, 0), (17, 0))];
        let b = vec![sp((9, 0), (16, 0))];
        assert_eq!(
            intersect(&a, &b),
            vec![sp((9, 0), (12, 0)), sp((13, 0), (16, 0))]
        );
        assert!(intersect(&a, &[]).is_empty());
    }

    #[test]
    fn overlap_and_inside_lookups() {
        let list = vec![sp((8, 0), (12, 0)), sp((13, 0), (17, 0))];
        for (span, overlap, within) in [
            (sp((7, 0), (8, 0)), false, false),
            (sp((7, 30), (8, 30)), true, false),
            (sp((8, 0), (12, 0)), true, true),
            (sp((11, 30), (13, 30)), true, false),
            (sp((12, 0), (13, 0)), false, false),
            (sp((16, 0), (17, 0)), true, true),
            (sp((17, 0), (18, 0)), false, false),
        ] {
            assert_eq!(any_overlap(&list, &span), overlap, "{span:?}");
            assert_eq!(inside(&list, &span), within, "{span:?}");
        }
    }
}
