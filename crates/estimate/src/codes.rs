//! Procedure codes (CDT style: one capital letter and four digits, `D2740`) and code sets such as
//! `"D0000-D1999"` or `"D1110,D1120"`.
use std::fmt;

use frontdesk_domain::ParseProblem;

/// A procedure code, packed as letter and number so ranges compare cheaply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code(u32);

impl Code {
    /// Parses `D2740`. The error is a short description of the problem.
    pub fn parse(s: &str) -> Result<Code, ParseProblem> {
        let b = s.trim().as_bytes();
        if b.len() == 5 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit) {
            let n = b[1..]
                .iter()
                .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
            Ok(Code(u32::from(b[0]) << 16 | n))
        } else {
            Err(ParseProblem(format!(
                "bad procedure code \"{s}\" (expected a letter and four digits, e.g. D2740)"
            )))
        }
    }

    fn letter(self) -> char {
        char::from((self.0 >> 16) as u8)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{:04}", self.letter(), self.0 & 0xffff)
    }
}

/// An inclusive range of codes with the same letter; a single code is a range of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeRange {
    pub first: Code,
    pub last: Code,
}

impl CodeRange {
    pub fn single(code: Code) -> CodeRange {
        CodeRange {
            first: code,
            last: code,
        }
    }

    pub fn contains(&self, code: Code) -> bool {
        self.first <= code && code <= self.last
    }

    /// How many codes the range spans (for "most specific range wins").
    pub fn width(&self) -> u32 {
        self.last.0 - self.first.0
    }

    /// Parses `D2000-D2999` or `D2740`.
    pub fn parse(s: &str) -> Result<CodeRange, ParseProblem> {
        match s.split_once('-') {
            None => Code::parse(s).map(CodeRange::single),
            Some((a, b)) => {
                let bad =
                    |why: &str| ParseProblem(format!("bad code range \"{}\" ({why})", s.trim()));
                let first = Code::parse(a).map_err(|_| bad("expected e.g. D2000-D2999"))?;
                let last = Code::parse(b).map_err(|_| bad("expected e.g. D2000-D2999"))?;
                if first.letter() != last.letter() {
                    return Err(bad("both ends need the same letter"));
                }
                if first > last {
                    return Err(bad("start after end"));
                }
                Ok(CodeRange { first, last })
            }
        }
    }
}

impl fmt::Display for CodeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}-{}", self.first, self.last)
        }
    }
}

/// A set of codes: a union of ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeSet(pub Vec<CodeRange>);

impl CodeSet {
    /// Parses a comma-separated list of codes and ranges: `"D1110,D1120"`, `"D0000-D1999"`.
    pub fn parse(s: &str) -> Result<CodeSet, ParseProblem> {
        if s.trim().is_empty() {
            return Err(ParseProblem("empty code list".into()));
        }
        s.split(',')
            .map(CodeRange::parse)
            .collect::<Result<Vec<_>, _>>()
            .map(CodeSet)
    }

    pub fn contains(&self, code: Code) -> bool {
        self.0.iter().any(|r| r.contains(code))
    }

    /// The width of the narrowest range that contains `code`.
    pub fn narrowest(&self, code: Code) -> Option<u32> {
        self.0
            .iter()
            .filter(|r| r.contains(code))
            .map(CodeRange::width)
            .min()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for CodeSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, r) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{r}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Code {
        Code::parse(s).unwrap()
    }

    #[test]
    fn code_table() {
        for s in ["D0000", "D2740", "D9999", "A1234"] {
            assert_eq!(c(s).to_string(), s);
        }
        for s in ["d2740", "D274", "D27400", "DX740", "", "2740D"] {
            assert!(
                Code::parse(s).unwrap_err().0.contains("bad procedure code"),
                "{s}"
            );
        }
        assert!(c("D0999") < c("D1000"));
    }

    #[test]
    fn set_table() {
        let set = CodeSet::parse("D1110,D1120, D2000-D2999").unwrap();
        let cases = [
            ("D1110", true),
            ("D1120", true),
            ("D1115", false),
            ("D2000", true),
            ("D2999", true),
            ("D3000", false),
        ];
        for (code, inside) in cases {
            assert_eq!(set.contains(c(code)), inside, "{code}");
        }
        assert_eq!(set.to_string(), "D1110,D1120,D2000-D2999");
        assert_eq!(set.narrowest(c("D2000")), Some(999));
        assert_eq!(set.narrowest(c("D1110")), Some(0));
    }

    #[test]
    fn bad_ranges() {
        let cases = [
            ("D2999-D2000", "start after end"),
            ("D2000-E2999", "same letter"),
            ("D2000-", "expected e.g."),
            ("D20-D29", "expected e.g."),
            ("", "empty code list"),
            ("D1110,,D1120", "bad procedure code"),
        ];
        for (s, why) in cases {
            let e = CodeSet::parse(s).unwrap_err();
            assert!(e.0.contains(why), "{s}: {e}");
        }
    }
}
