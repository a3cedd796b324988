//! The check-in packet PDF, read back with pdftotext.
mod common;
use common::{has_blank, page_count, pdf_text};
use frontdesk_documents::{
    checkin_packet_pdf, default_conditions, default_policy_texts, CheckinPacketDoc, CheckinPatient,
    InsuranceBlock, Letterhead,
};

const TITLES: [&str; 5] = [
    "Patient Registration",
    "Medical History",
    "HIPAA Notice of Privacy Practices - Acknowledgment",
    "Financial Policy Agreement",
    "Consent for Treatment",
];
const PHOTO: &str = "Photo Consent - Before and After Photographs";

fn full_patient() -> CheckinPatient {
    CheckinPatient {
        name: "Zoë Ångström".into(),
        preferred_name: "Zo".into(),
        chart: "CH-0007".into(),
        dob: "04/02/1980".into(),
        sex: "F".into(),
        address_lines: vec!["12 Elm Street".into(), "Springfield, IL 62704".into()],
        phone_home: "(217) 555-0101".into(),
        phone_mobile: "(217) 555-0102".into(),
        phone_work: "(217) 555-0103".into(),
        email: "zoe@example.com".into(),
        contact_preference: "Text".into(),
        guarantor: "Zoë Ångström (self)".into(),
        appointment: "Wed 11/25/2026 9:00 AM - Veneers consult".into(),
        insurance: vec![InsuranceBlock {
            rank: "Primary".into(),
            carrier: "Delta Benefit Mutual".into(),
            group: "GRP-100".into(),
            member_id: "MBR-4455667".into(),
            subscriber_name: "Zoë Ångström".into(),
            subscriber_dob: "04/02/1980".into(),
            relationship: "Self".into(),
        }],
        allergies: "Penicillin".into(),
        premedication: true,
        alerts: "Latex sensitivity".into(),
        emergency_name: "Lars Ångström".into(),
        emergency_relationship: "Spouse".into(),
        emergency_phone: "(217) 555-0199".into(),
        cosmetic: true,
    }
}

fn sparse_patient(name: &str, chart: &str) -> CheckinPatient {
    CheckinPatient {
        name: name.into(),
        chart: chart.into(),
        dob: "01/15/1990".into(),
        ..Default::default()
    }
}

fn packet() -> CheckinPacketDoc {
    let mut texts = default_policy_texts();
    // A long financial policy continues onto another page.
    texts.financial = std::iter::repeat_n(texts.financial.clone(), 3)
        .collect::<Vec<_>>()
        .join("\n\n");
    CheckinPacketDoc {
        office: Letterhead {
            name: "Bright Smile Dental & Aesthetics".into(),
            lines: vec![
                "1 Main St, Springfield, IL 62701".into(),
                "(217) 555-0199".into(),
            ],
        },
        texts,
        conditions: default_conditions(),
        patients: vec![
            full_patient(),
            sparse_patient("Дмитрий Иванов", "CH-0008"),
            sparse_patient("王小明", "CH-0009"),
        ],
    }
}

/// The text of each patient's pages, split where the next patient's registration starts.
fn per_patient(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for page in text.split('\u{c}') {
        if page.contains(TITLES[0]) && !page.contains("(continued)") {
            out.push(String::new());
        }
        if let Some(last) = out.last_mut() {
            last.push_str(page);
        }
    }
    out
}

#[test]
fn every_patient_gets_every_form_with_blanks_for_what_is_missing() {
    let doc = packet();
    let pdf = checkin_packet_pdf(&doc).unwrap();
    if let Ok(dir) = std::env::var("FRONTDESK_PDF_OUT") {
        std::fs::write(format!("{dir}/packet.pdf"), &pdf).unwrap();
    }
    let text = pdf_text(&pdf, None);
    let patients = per_patient(&text);
    assert_eq!(patients.len(), 3, "{text}");
    for (p, t) in doc.patients.iter().zip(&patients) {
        for title in TITLES {
            assert!(t.contains(title), "{title} for {}", p.name);
        }
        assert_eq!(
            t.contains(PHOTO),
            p.cosmetic,
            "photo consent only for cosmetic: {}",
            p.name
        );
        assert!(t.contains(&p.name) && t.contains(&p.chart), "{}", p.name);
        // Every page names the patient in its header.
        for page in t.split('\u{c}').filter(|pg| !pg.trim().is_empty()) {
            assert!(
                page.contains(&p.name) && page.contains(&format!("Chart {}", p.chart)),
                "{page}"
            );
            assert!(page.contains("Bright Smile Dental & Aesthetics"));
        }
        assert!(
            t.contains("Financial Policy Agreement (continued)"),
            "long text continues"
        );
        assert!(t.contains("Returned checks") && t.contains("Hepatitis or liver disease"));
    }
    assert_eq!(text.matches(PHOTO).count(), 1);

    // Known data is printed; the sparse patients get blank lines instead.
    let full = &patients[0];
    for s in [
        "zoe@example.com",
        "Delta Benefit Mutual",
        "MBR-4455667",
        "Penicillin",
        "Lars Ångström",
        "12 Elm Street",
        "I agree",
        "I do not agree",
    ] {
        assert!(full.contains(s), "{s}");
    }
    assert!(!has_blank(full, "Email"), "the email is filled in");
    for t in &patients[1..] {
        for label in [
            "Email",
            "Carrier",
            "Member ID",
            "Subscriber name",
            "Home phone",
            "latex, other)",
            "Address",
        ] {
            assert!(has_blank(t, label), "{label} blank in:\n{t}");
        }
        assert!(t.matches("Carrier").count() == 2, "two insurance sections");
        assert!(t.contains("Secondary dental insurance"));
    }
    // The filled patient's secondary insurance is blank.
    assert!(full.contains("Secondary dental insurance"));
    assert_eq!(full.lines().filter(|l| has_blank(l, "Carrier")).count(), 1);
    assert!(page_count(&pdf) >= 3 * 6);
}

#[test]
fn cjk_and_cyrillic_names_round_trip() {
    let pdf = checkin_packet_pdf(&packet()).unwrap();
    let text = pdf_text(&pdf, None);
    for name in ["Zoë Ångström", "Дмитрий Иванов", "王小明"] {
        assert!(text.contains(name), "{name}");
    }
}

#[test]
fn an_empty_packet_is_refused() {
    let doc = CheckinPacketDoc {
        patients: vec![],
        ..packet()
    };
    assert!(checkin_packet_pdf(&doc).is_err());
}
