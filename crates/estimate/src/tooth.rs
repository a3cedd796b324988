//! Teeth in the universal numbering system: permanent teeth `1`–`32`, primary teeth `A`–`T`.
//! Posterior teeth (premolars and molars; primary molars) are 1–5, 12–21 and 28–32, and A, B, I,
//! J, K, L, S, T; the rest are anterior. Alternate benefits limited to posterior teeth and
//! per-tooth frequency limits read them.
use std::fmt;

use frontdesk_domain::ParseProblem;

/// One tooth: 1–32 permanent, 33–52 primary (`A` = 33 … `T` = 52).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tooth(u8);

impl Tooth {
    /// Parses `"30"` or `"A"` (no leading zeros, capital letters).
    pub fn parse(s: &str) -> Result<Tooth, ParseProblem> {
        let b = s.as_bytes();
        let n = match b {
            [c @ b'A'..=b'T'] => Some(33 + (c - b'A')),
            [d @ b'1'..=b'9'] => Some(d - b'0'),
            [d @ b'1'..=b'3', e @ b'0'..=b'9'] => {
                Some((d - b'0') * 10 + (e - b'0')).filter(|n| *n <= 32)
            }
            _ => None,
        };
        match n {
            Some(n @ 1..=52) => Ok(Tooth(n)),
            _ => Err(ParseProblem(format!(
                "bad tooth \"{s}\" (expected 1 to 32, or A to T for primary teeth)"
            ))),
        }
    }

    /// Premolars and molars (primary molars for lettered teeth).
    pub fn is_posterior(self) -> bool {
        match self.0 {
            1..=5 | 12..=21 | 28..=32 => true,
            33..=52 => matches!(self.letter(), 'A' | 'B' | 'I' | 'J' | 'K' | 'L' | 'S' | 'T'),
            _ => false,
        }
    }

    fn letter(self) -> char {
        char::from(b'A' + (self.0 - 33))
    }
}

impl fmt::Display for Tooth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 <= 32 {
            write!(f, "{}", self.0)
        } else {
            write!(f, "{}", self.letter())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teeth_parse_and_print_as_written() {
        for n in 1..=32 {
            let s = n.to_string();
            assert_eq!(Tooth::parse(&s).unwrap().to_string(), s);
        }
        for c in 'A'..='T' {
            let s = c.to_string();
            assert_eq!(Tooth::parse(&s).unwrap().to_string(), s);
        }
        for bad in [
            "", "0", "33", "39", "40", "03", "00", "a", "U", "Z", "UR", " 3", "3 ", "-1", "1.5",
            "é", "３",
        ] {
            let e = Tooth::parse(bad).unwrap_err();
            assert!(e.0.starts_with("bad tooth"), "{bad:?}: {e}");
        }
    }

    #[test]
    fn posterior_table() {
        let posterior: Vec<String> = (1..=32)
            .map(|n| n.to_string())
            .chain(('A'..='T').map(String::from))
            .filter(|s| Tooth::parse(s).unwrap().is_posterior())
            .collect();
        let want: Vec<String> = [
            1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 28, 29,
        ]
        .iter()
        .map(|n| n.to_string())
        .chain(["30", "31", "32", "A", "B", "I", "J", "K", "L", "S", "T"].map(String::from))
        .collect();
        assert_eq!(posterior, want);
    }
}
