//! Synthetic statements and a timing of rendering them one PDF each, in both font modes.
use std::time::Instant;

use crate::fonts::FontMode;
use crate::statement::{statement_pdf, Letterhead, StatementDoc, StatementRow};

const FIRST: [&str; 10] = [
    "Zoë",
    "José",
    "Ana",
    "Dmitri",
    "Siobhán",
    "François",
    "Jürgen",
    "Maria",
    "Chloé",
    "Ørjan",
];
const LAST: [&str; 10] = [
    "Ångström",
    "García",
    "Nguyen",
    "Müller",
    "O'Brien",
    "Łukasz",
    "Smith",
    "Dvořák",
    "Peña",
    "Johnson",
];
const PROCS: [(&str, &str, i64); 6] = [
    ("D0120", "Periodic oral evaluation", 6_500),
    ("D1110", "Prophylaxis - adult", 11_000),
    ("D0274", "Bitewings - four films", 7_800),
    ("D2392", "Resin composite, two surfaces", 21_500),
    ("D2740", "Crown - porcelain/ceramic", 125_000),
    ("D4341", "Periodontal scaling, 4+ teeth", 26_000),
];

/// A deterministic statement number `i` with `lines` activity lines (varied, partly accented
/// names; charges, insurance and patient payments; a consistent running balance).
pub fn sample_statement(i: usize, lines: usize) -> StatementDoc {
    let guarantor = format!("{} {}", FIRST[i % 10], LAST[(i / 10 + i) % 10]);
    let family = [
        guarantor.clone(),
        format!("{} {}", FIRST[(i + 3) % 10], LAST[(i / 10 + i) % 10]),
    ];
    let previous = (i as i64 * 1_737) % 40_000;
    let mut balance = previous;
    let rows = (0..lines)
        .map(|k| {
            let (code, description, fee) = PROCS[(i + k) % PROCS.len()];
            let (charge, credit, code, description) = match k % 5 {
                3 => (None, Some(fee * 6 / 10), "INS", "Insurance payment"),
                4 => (
                    None,
                    Some(2_000 + (k as i64 % 3) * 1_000),
                    "PMT",
                    "Patient payment - card",
                ),
                _ => (Some(fee), None, code, description),
            };
            balance += charge.unwrap_or(0) - credit.unwrap_or(0);
            StatementRow {
                date: format!("{:02}/{:02}/2026", 9 + k / 28 % 3, k % 28 + 1),
                patient: family[k % 2].clone(),
                code: code.into(),
                tooth: if charge.is_some() && k % 3 == 0 {
                    format!("{}", 2 + k % 30)
                } else {
                    String::new()
                },
                description: description.into(),
                charge,
                credit,
                balance,
            }
        })
        .collect();
    let insurance = (balance / 3).max(0);
    let due = balance - insurance;
    StatementDoc {
        office: Letterhead {
            name: "Bright Smile Dental".into(),
            lines: vec![
                "1 Main St, Suite 200".into(),
                "Springfield, IL 62701".into(),
                "(217) 555-0199".into(),
            ],
        },
        statement_date: "11/25/2026".into(),
        due_date: "12/15/2026".into(),
        account: format!("CH-{:05}", 10_000 + i),
        guarantor_name: guarantor,
        address_lines: vec![
            format!("{} Elm Street", 10 + i % 900),
            "Springfield, IL 62704".into(),
        ],
        previous_balance: previous,
        rows,
        balance,
        insurance_pending: insurance,
        amount_due: due,
        aging: [due / 2, due / 4, due / 8, due - due / 2 - due / 4 - due / 8],
        upcoming: if i.is_multiple_of(3) {
            vec![]
        } else {
            vec!["Tue 12/01/2026 9:00 AM - Cleaning".into()]
        },
        note: "Thank you! Questions about your bill? Call us at (217) 555-0199.".into(),
    }
}

/// Timings of rendering `statements` statements, one PDF each, per font mode; bytes are totals.
#[derive(Clone, Debug)]
pub struct BenchFigures {
    pub statements: usize,
    pub builtin_s: f64,
    pub embedded_s: f64,
    pub builtin_bytes: usize,
    pub embedded_bytes: usize,
    /// The embedded-font run again, spread over every core (as a statement run renders).
    pub embedded_parallel_s: f64,
    pub threads: usize,
}

/// Renders `n` sample statements of `lines` lines separately in each mode (the data is built
/// before the clock starts; the fonts are parsed before it too, as in a running app).
pub fn bench_statements(n: usize, lines: usize) -> BenchFigures {
    let docs: Vec<StatementDoc> = (0..n).map(|i| sample_statement(i, lines)).collect();
    let warm = sample_statement(0, 1);
    let _ = statement_pdf(&warm, FontMode::Embedded);
    let run = |mode| {
        let start = Instant::now();
        let bytes: usize = docs
            .iter()
            .map(|d| statement_pdf(d, mode).map_or(0, |pdf| pdf.len()))
            .sum();
        (start.elapsed().as_secs_f64(), bytes)
    };
    let (builtin_s, builtin_bytes) = run(FontMode::Builtin);
    let (embedded_s, embedded_bytes) = run(FontMode::Embedded);
    let start = Instant::now();
    let parallel = crate::statement::statement_pdfs(&docs, FontMode::Embedded);
    let embedded_parallel_s = start.elapsed().as_secs_f64();
    debug_assert!(parallel.iter().all(|r| r.is_ok()));
    BenchFigures {
        embedded_parallel_s,
        threads: crate::statement::render_threads(),
        statements: n,
        builtin_s,
        embedded_s,
        builtin_bytes,
        embedded_bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_consistent_and_the_bench_runs() {
        let d = sample_statement(7, 20);
        assert_eq!(d.rows.len(), 20);
        assert_eq!(d.rows.last().unwrap().balance, d.balance);
        assert_eq!(d.amount_due, d.balance - d.insurance_pending);
        assert_eq!(d.aging.iter().sum::<i64>(), d.amount_due);
        assert_eq!(sample_statement(7, 20).guarantor_name, d.guarantor_name);
        let f = bench_statements(3, 20);
        assert_eq!(f.statements, 3);
        assert!(f.builtin_bytes > 0 && f.embedded_bytes > f.builtin_bytes);
    }
}
