//! The recovery kit PDF, read back with pdftotext.
use frontdesk_documents::{recovery_kit_pdf, RecoveryKitDoc};

const CODE: &str = "7KQ2M-ABCD3-EFGH4-JKMN5-PQRS6-TVWX7-YZ019-23458-6789A-BCDEF-GHJKM-NPQRS-TVWXY";

#[test]
fn the_kit_holds_every_group_of_the_code() {
    let pdf = recovery_kit_pdf(&RecoveryKitDoc {
        code: CODE,
        database_id: "0b6f1a3e-demo",
        created: "2026-11-24 15:00 UTC",
        computer: "frontdesk-pc",
    })
    .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() < 200_000, "small: {} bytes", pdf.len());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kit.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for g in CODE.split('-') {
        assert!(text.contains(g), "group {g} in the PDF text:\n{text}");
    }
    assert!(text.contains("0b6f1a3e-demo"));
    assert!(text.to_lowercase().contains("recovery kit"));
}
