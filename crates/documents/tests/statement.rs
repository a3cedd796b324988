//! The patient statement PDF, read back with pdftotext.
mod common;
use common::{page_count, pdf_text};
use frontdesk_documents::{
    format_money, statement_pdf, statements_pdf, FontMode, Letterhead, StatementDoc, StatementRow,
};

fn row(i: usize, balance: i64) -> StatementRow {
    StatementRow {
        date: format!("10/{:02}/2026", i % 28 + 1),
        patient: if i.is_multiple_of(2) {
            "Zoë Ångström".into()
        } else {
            "Дмитрий Иванов".into()
        },
        code: format!("D{:04}", 100 + i),
        tooth: if i.is_multiple_of(3) {
            "14".into()
        } else {
            String::new()
        },
        description: format!("Procedure number {i}"),
        charge: (i % 4 != 3).then_some(10_000 + i as i64 * 100),
        credit: (i % 4 == 3).then_some(2_500),
        balance,
    }
}

fn doc(lines: usize) -> StatementDoc {
    let previous = 12_345;
    let mut balance = previous;
    let rows: Vec<StatementRow> = (0..lines)
        .map(|i| {
            let r = row(i, 0);
            balance += r.charge.unwrap_or(0) - r.credit.unwrap_or(0);
            StatementRow { balance, ..r }
        })
        .collect();
    StatementDoc {
        office: Letterhead {
            name: "Bright Smile Dental".into(),
            lines: vec![
                "1 Main St".into(),
                "Springfield, IL 62701".into(),
                "(217) 555-0199".into(),
            ],
        },
        statement_date: "11/25/2026".into(),
        due_date: "12/15/2026".into(),
        account: "CH-0042".into(),
        guarantor_name: "王小明".into(),
        address_lines: vec![
            "12 Elm Street, Apt 3".into(),
            "Springfield, IL 62704".into(),
        ],
        previous_balance: previous,
        rows,
        balance,
        insurance_pending: 4_000,
        amount_due: balance - 4_000,
        aging: [11_100, 2_200, 330, 44_000],
        upcoming: vec!["Tue 12/01/2026 9:00 AM - Cleaning".into()],
        note: "Thank you for choosing our office.".into(),
    }
}

#[test]
fn a_statement_shows_the_guarantor_rows_balances_aging_and_amount_due() {
    let d = doc(12);
    let pdf = statement_pdf(&d, FontMode::Embedded).unwrap();
    if let Ok(dir) = std::env::var("FRONTDESK_PDF_OUT") {
        std::fs::write(format!("{dir}/statement.pdf"), &pdf).unwrap();
    }
    let text = pdf_text(&pdf, None);
    assert_eq!(page_count(&pdf), 1, "{text}");
    for s in [
        "STATEMENT",
        "CH-0042",
        "11/25/2026",
        "王小明",
        "12 Elm Street, Apt 3",
    ] {
        assert!(text.contains(s), "{s} in:\n{text}");
    }
    assert!(text.contains("Springfield, IL 62704"));
    assert!(text.contains("Previous balance") && text.contains("$123.45"));
    for r in &d.rows {
        let line = text
            .lines()
            .find(|l| l.contains(&r.code))
            .unwrap_or_else(|| panic!("row {} in:\n{text}", r.code));
        assert!(
            line.contains(&r.date) && line.contains(&r.description),
            "{line}"
        );
        assert!(line.contains(&r.patient), "{line}");
        assert!(
            line.trim_end().ends_with(&format_money(r.balance)),
            "running balance: {line}"
        );
        let amount = r.charge.or(r.credit).unwrap();
        assert!(line.contains(&format_money(amount)), "{line}");
    }
    for a in d.aging {
        assert!(text.contains(&format_money(a)), "aging {a} in:\n{text}");
    }
    let due = format_money(d.balance - d.insurance_pending);
    assert!(text.contains(&format_money(d.balance)) && text.contains("$40.00"));
    let line = text
        .lines()
        .find(|l| l.contains("Amount due") && l.contains(&due));
    assert!(line.is_some(), "amount due {due} in:\n{text}");
    assert!(text.contains("Amount enclosed") && text.contains("Card number"));
    assert!(text.contains("Tue 12/01/2026 9:00 AM - Cleaning"));
    assert_eq!(text.matches("Amount enclosed").count(), 1);
}

#[test]
fn sixty_rows_continue_on_page_two_with_the_stub_only_on_page_one() {
    let d = doc(60);
    let pdf = statement_pdf(&d, FontMode::Embedded).unwrap();
    assert_eq!(page_count(&pdf), 2);
    let text = pdf_text(&pdf, None);
    assert_eq!(text.matches("Amount enclosed").count(), 1, "{text}");
    assert!(pdf_text(&pdf, Some(1)).contains("Amount enclosed"));
    let p2 = pdf_text(&pdf, Some(2));
    assert!(
        p2.contains("continued") && p2.contains("Page 2 of 2"),
        "{p2}"
    );
    assert!(p2.contains(&format_money(d.rows[59].balance)));
    for r in &d.rows {
        assert!(text.contains(&r.code), "{}", r.code);
    }
}

#[test]
fn a_batch_starts_each_statement_on_a_new_page_and_builtin_mode_is_ascii() {
    let docs = [doc(3), doc(60), doc(1)];
    let pdf = statements_pdf(&docs, FontMode::Embedded).unwrap();
    assert_eq!(page_count(&pdf), 4);
    assert_eq!(pdf_text(&pdf, None).matches("Amount enclosed").count(), 3);
    let plain = statements_pdf(&docs, FontMode::Builtin).unwrap();
    let text = pdf_text(&plain, Some(1));
    assert!(
        text.contains("Zoe Angstrom") && text.contains("Dmitrii Ivanov"),
        "{text}"
    );
    assert!(plain.len() < pdf.len());
}
