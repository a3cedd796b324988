//! The walkout receipt PDF, read back with pdftotext.
mod common;
use common::{page_count, pdf_text};
use frontdesk_documents::{receipt_pdf, FontMode, Letterhead, ReceiptDoc, ReceiptLine};

fn line(label: &str, detail: &str, amount: i64) -> ReceiptLine {
    ReceiptLine {
        label: label.into(),
        detail: detail.into(),
        amount,
    }
}

fn receipt(next: Option<&str>) -> ReceiptDoc {
    ReceiptDoc {
        office: Letterhead {
            name: "Bright Smile Dental".into(),
            lines: vec![
                "1 Main St, Springfield, IL 62701".into(),
                "(217) 555-0199".into(),
            ],
        },
        patient_name: "Дмитрий Иванов".into(),
        account: "CH-0042".into(),
        date: "11/25/2026".into(),
        procedures: vec![
            line("D1110", "Prophylaxis - adult", 11_000),
            line("D2392", "Resin composite, two surfaces - tooth 14", 21_500),
        ],
        payments: vec![
            line("Card ending 4242", "Visa", 15_000),
            line("Cash", "", 2_000),
        ],
        adjustments: vec![line("Courtesy", "Senior discount", -1_000)],
        charges_today: 32_500,
        paid_today: 17_000,
        account_balance: 123_456,
        insurance_pending: 100_000,
        patient_due: 23_456,
        next_appointment: next.map(str::to_string),
        printed_by: "Maria at the front desk".into(),
    }
}

#[test]
fn the_receipt_lists_procedures_payments_totals_and_the_next_visit() {
    let pdf = receipt_pdf(
        &receipt(Some("Tue 05/26/2026 9:00 AM with Dr. Lopez")),
        FontMode::Embedded,
    )
    .unwrap();
    if let Ok(dir) = std::env::var("FRONTDESK_PDF_OUT") {
        std::fs::write(format!("{dir}/receipt.pdf"), &pdf).unwrap();
    }
    assert_eq!(page_count(&pdf), 1);
    let text = pdf_text(&pdf, None);
    for s in [
        "Walkout receipt",
        "Дмитрий Иванов",
        "CH-0042",
        "D1110",
        "Prophylaxis - adult",
        "$110.00",
        "Resin composite, two surfaces - tooth 14",
        "$215.00",
        "Card ending 4242",
        "$150.00",
        "Cash",
        "-$10.00",
        "$325.00",
        "$170.00",
        "$1,234.56",
        "$1,000.00",
        "$234.56",
        "Next appointment: Tue 05/26/2026 9:00 AM with Dr. Lopez",
    ] {
        assert!(text.contains(s), "{s} in:\n{text}");
    }
    let due = text.lines().find(|l| l.contains("Patient due")).unwrap();
    assert!(due.contains("$234.56"), "{due}");
}

#[test]
fn without_a_booking_the_receipt_says_so_and_many_lines_stay_on_one_page() {
    let mut doc = receipt(None);
    doc.procedures = (0..40)
        .map(|i| line(&format!("D{:04}", 1000 + i), "Procedure", 1_000))
        .collect();
    let pdf = receipt_pdf(&doc, FontMode::Builtin).unwrap();
    assert_eq!(page_count(&pdf), 1);
    let text = pdf_text(&pdf, None);
    assert!(text.contains("No next appointment booked"), "{text}");
    assert!(
        text.contains("Dmitrii Ivanov") && text.contains("more"),
        "{text}"
    );
}
