//! The office fee schedule: the office's own procedure codes, descriptions and fees, imported
//! from a CSV file with a header row naming the columns `code`, `description` and `fee` (any
//! order; other columns are ignored). A file is taken whole or not at all: every problem is
//! reported with its line and column.
use serde::Serialize;

use crate::money::Cents;
use crate::{FieldError, ParseProblem, ValidationErrors};

pub const MAX_ROWS: usize = 5_000;
pub const MAX_CODE_LEN: usize = 12;
pub const MAX_DESCRIPTION_LEN: usize = 120;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct FeeEntry {
    /// e.g. `D1110`, or an office code such as `BTX-UNIT`. Stored upper-case.
    pub code: String,
    /// The office's own words (CDT descriptions are licensed and are not shipped).
    pub description: String,
    /// The office fee in cents.
    pub fee_cents: i64,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct FeeImport {
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
}

/// Parses a fee-schedule CSV. Errors name `line N: column` (line 1 is the header).
pub fn parse_fee_csv(text: &str) -> Result<Vec<FeeEntry>, ValidationErrors> {
    let fail =
        |field: String, problem: &str| ValidationErrors(vec![FieldError::new(field, problem)]);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader
        .headers()
        .map_err(|_| fail("line 1".into(), "is not a CSV header row"))?
        .clone();
    let column = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(code_at), Some(desc_at), Some(fee_at)) =
        (column("code"), column("description"), column("fee"))
    else {
        return Err(fail(
            "line 1".into(),
            "needs the columns code, description and fee",
        ));
    };

    let mut out: Vec<FeeEntry> = Vec::new();
    let mut errors = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(_) => {
                errors.push(FieldError::new(format!("line {line}"), "is not valid CSV"));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        if out.len() + errors.len() >= MAX_ROWS {
            return Err(fail(
                format!("line {line}"),
                "is past the limit of 5,000 codes",
            ));
        }
        let get = |at: usize| record.get(at).unwrap_or("");
        let mut problems = Vec::new();
        let code = get(code_at).to_uppercase();
        if let Some(p) = code_problem(&code) {
            problems.push(FieldError::new(format!("line {line}: code"), p));
        } else if out.iter().any(|e| e.code == code) {
            problems.push(FieldError::new(
                format!("line {line}: code"),
                "appears twice in the file",
            ));
        }
        let description = get(desc_at).to_string();
        if description.is_empty() {
            problems.push(FieldError::new(
                format!("line {line}: description"),
                "is empty",
            ));
        } else if description.chars().count() > MAX_DESCRIPTION_LEN {
            problems.push(FieldError::new(
                format!("line {line}: description"),
                "is longer than 120 characters",
            ));
        }
        let fee = parse_fee(get(fee_at));
        if let Err(p) = &fee {
            problems.push(FieldError::new(format!("line {line}: fee"), p.0.as_str()));
        }
        match fee {
            Ok(fee) if problems.is_empty() => out.push(FeeEntry {
                code,
                description,
                fee_cents: fee.0,
            }),
            _ => errors.extend(problems),
        }
    }
    if !errors.is_empty() {
        return Err(ValidationErrors(errors));
    }
    if out.is_empty() {
        return Err(fail("file".into(), "has no fee rows"));
    }
    Ok(out)
}

fn code_problem(code: &str) -> Option<&'static str> {
    if code.is_empty() {
        Some("is empty")
    } else if code.chars().count() > MAX_CODE_LEN {
        Some("is longer than 12 characters")
    } else if !code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    {
        Some("may hold only letters, digits, '-' and '.'")
    } else {
        None
    }
}

/// `"$1,234.50"`, `"1234.5"`, `"95"` → cents; negative or malformed amounts are refused.
fn parse_fee(raw: &str) -> Result<Cents, ParseProblem> {
    if raw.is_empty() {
        return Err(ParseProblem("is empty".into()));
    }
    let plain: String = raw.chars().filter(|c| *c != '$' && *c != ',').collect();
    Cents::parse(&plain).map_err(|_| {
        ParseProblem(if plain.trim_start().starts_with('-') {
            "is negative".to_string()
        } else {
            "is not an amount (e.g. 125.00)".to_string()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<String> {
        parse_fee_csv(text)
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| format!("{}: {}", e.field, e.problem))
            .collect()
    }

    #[test]
    fn reads_columns_in_any_order_with_money_as_offices_write_it() {
        let rows = parse_fee_csv("\u{feff}Fee,Code,Description,Category\n\"$1,250.00\",d2740,Crown - porcelain,restorative\n95,D1110, Adult cleaning ,\n\n").unwrap();
        assert_eq!(
            rows,
            vec![
                FeeEntry {
                    code: "D2740".into(),
                    description: "Crown - porcelain".into(),
                    fee_cents: 125_000
                },
                FeeEntry {
                    code: "D1110".into(),
                    description: "Adult cleaning".into(),
                    fee_cents: 9_500
                },
            ]
        );
    }

    #[test]
    fn names_the_line_and_column_of_every_problem() {
        let got = fields("code,description,fee\nD0120,Exam,-5\nD0120,,abc\nBAD CODE,X,1\nD0120,Again,1\nD0140,Limited exam,12.345\n");
        assert_eq!(
            got,
            vec![
                "line 2: fee: is negative",
                "line 3: description: is empty",
                "line 3: fee: is not an amount (e.g. 125.00)",
                "line 4: code: may hold only letters, digits, '-' and '.'",
                "line 6: fee: is not an amount (e.g. 125.00)",
            ]
        );
        assert_eq!(
            fields("code,description,fee\nD0120,Exam,1\nd0120,Again,2\n"),
            vec!["line 3: code: appears twice in the file"]
        );
    }

    #[test]
    fn refuses_files_that_are_not_fee_schedules() {
        assert_eq!(
            fields("name,price\nx,1\n"),
            vec!["line 1: needs the columns code, description and fee"]
        );
        assert_eq!(
            fields("code,description,fee\n"),
            vec!["file: has no fee rows"]
        );
        assert_eq!(
            fields(""),
            vec!["line 1: needs the columns code, description and fee"]
        );
    }
}
