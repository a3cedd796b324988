//! The dental claim form PDF, read back with pdftotext (poppler-utils).
mod common;
use common::pdf_text;
use frontdesk_documents::{
    claim_form_pdf, ClaimFormDoc, ClaimLine, ClaimParty, ClaimPerson, DocumentError,
};

fn line(code: &str, description: &str, fee: &str) -> ClaimLine {
    ClaimLine {
        date: "2026-11-20".into(),
        area: "".into(),
        tooth: "14".into(),
        surface: "MO".into(),
        code: code.into(),
        description: description.into(),
        fee: fee.into(),
    }
}

fn person(name: &str, dob: &str) -> ClaimPerson {
    ClaimPerson {
        name: name.into(),
        address: vec!["12 Elm Street".into(), "Springfield, IL 62704".into()],
        date_of_birth: dob.into(),
        sex: "F".into(),
    }
}

fn claim(lines: Vec<ClaimLine>, total: &str) -> ClaimFormDoc {
    ClaimFormDoc {
        predetermination: false,
        claim_number: "Claim 12".into(),
        carrier: ClaimParty {
            name: "Delta Benefit Mutual".into(),
            address: vec!["PO Box 900".into(), "Columbus, OH 43215".into()],
            phone: "800-555-0100".into(),
        },
        payer_id: "DBM77".into(),
        other_coverage: Some("Secondary: Acme Dental, member M-22".into()),
        subscriber: person("Jordan Rivera", "1980-04-02"),
        member_id: "MBR-4455667".into(),
        group_number: "GRP-100".into(),
        employer: "Springfield Schools".into(),
        patient: person("Casey Rivera", "2012-09-15"),
        relationship: "Dependent child".into(),
        chart_number: "CH-0042".into(),
        lines,
        total_fee: total.into(),
        billing: ClaimParty {
            name: "Bright Smile Dental".into(),
            address: vec!["1 Main St".into(), "Springfield, IL 62701".into()],
            phone: "217-555-0199".into(),
        },
        npi: "1234567893".into(),
        license: "IL-19-0001".into(),
        tin: "12-3456789".into(),
        treating_dentist: "Dr. Ana Lopez".into(),
        printed_on: "2026-11-25".into(),
    }
}

/// The text line holding `code`, which must also hold `fee`.
fn assert_row(text: &str, code: &str, fee: &str) {
    let row = text.lines().find(|l| l.contains(code));
    let row = row.unwrap_or_else(|| panic!("no row with {code} in:\n{text}"));
    assert!(row.contains(fee), "fee {fee} on the row of {code}: {row}");
}

#[test]
fn a_three_line_claim_shows_parties_procedures_and_total() {
    let lines = vec![
        line("D0120", "Periodic oral evaluation", "65.00"),
        line("D1110", "Prophylaxis - adult", "110.00"),
        line(
            "D2392",
            "Resin-based composite, two surfaces, posterior",
            "1,025.00",
        ),
    ];
    let pdf = claim_form_pdf(&claim(lines, "1,200.00")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_text(&pdf, None);
    for expected in [
        "Dental Claim",
        "Claim 12",
        "Delta Benefit Mutual",
        "Payer ID: DBM77",
        "MBR-4455667",
        "Casey Rivera",
        "Jordan Rivera",
        "Dependent child",
        "Secondary: Acme Dental, member M-22",
        "[X] Statement of actual services",
        "[ ] Request for predetermination/preauthorization",
        "1234567893",
        "Dr. Ana Lopez",
        "Page 1 of 1",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} in the PDF text:\n{text}"
        );
    }
    assert_row(&text, "D0120", "65.00");
    assert_row(&text, "D1110", "110.00");
    assert_row(&text, "D2392", "1,025.00");
    assert_row(&text, "Total fee", "1,200.00");
    assert!(!text.contains("Page 2"));
}

#[test]
fn a_predetermination_marks_the_request_box() {
    let mut doc = claim(vec![line("D2740", "Crown", "1,200.00")], "1,200.00");
    doc.predetermination = true;
    let text = pdf_text(&claim_form_pdf(&doc).unwrap(), None);
    assert!(
        text.contains("[X] Request for predetermination/preauthorization"),
        "{text}"
    );
    assert!(text.contains("[ ] Statement of actual services"), "{text}");
}

#[test]
fn twelve_lines_continue_on_a_second_page_with_the_total_there() {
    let lines: Vec<ClaimLine> = (1..=12)
        .map(|i| line(&format!("D9{i:03}"), "Procedure", &format!("{i}.00")))
        .collect();
    let pdf = claim_form_pdf(&claim(lines, "78.00")).unwrap();
    let first = pdf_text(&pdf, Some(1));
    let second = pdf_text(&pdf, Some(2));
    assert!(first.contains("Page 1 of 2"), "{first}");
    assert!(second.contains("Page 2 of 2"), "{second}");
    for i in 1..=10 {
        assert_row(&first, &format!("D9{i:03}"), &format!("{i}.00"));
    }
    assert!(
        !first.contains("D9011") && !first.contains("78.00"),
        "{first}"
    );
    assert!(first.contains("see page 2"), "{first}");
    assert_row(&second, "D9011", "11.00");
    assert_row(&second, "D9012", "12.00");
    assert!(!second.contains("D9010"), "{second}");
    assert_row(&second, "Total fee", "78.00");
    // Both pages repeat the parties.
    assert!(first.contains("MBR-4455667") && second.contains("MBR-4455667"));
}

#[test]
fn an_over_long_description_is_cut_to_its_box() {
    let long = "Crown - porcelain fused to high noble metal, replacing the fractured \
                restoration placed in 2019 with the patient's consent FINAL-WORDS";
    let pdf = claim_form_pdf(&claim(vec![line("D2750", long, "1,400.00")], "1,400.00")).unwrap();
    let text = pdf_text(&pdf, None);
    assert!(text.contains("Crown - porcelain fused"), "{text}");
    assert!(!text.contains("FINAL-WORDS"), "{text}");
    assert_row(&text, "D2750", "...");
    // The fee column stays intact next to the cut description.
    assert_row(&text, "D2750", "1,400.00");
}

#[test]
fn a_claim_without_procedures_is_refused() {
    match claim_form_pdf(&claim(vec![], "0.00")) {
        Err(DocumentError::Render(m)) => assert_eq!(m, "a claim needs at least one procedure"),
        Ok(_) => panic!("an empty claim must not render"),
    }
}
