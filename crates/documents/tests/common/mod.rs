//! Reading a PDF back as text with pdftotext (poppler-utils).
#![allow(dead_code)]

/// The text of the PDF laid out as on paper; `page` limits it to one page.
pub fn pdf_text(pdf: &[u8], page: Option<usize>) -> String {
    assert!(pdf.starts_with(b"%PDF-"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut cmd = std::process::Command::new("pdftotext");
    cmd.arg("-layout");
    if let Some(p) = page {
        cmd.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let out = cmd
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The number of pages, from pdfinfo.
pub fn page_count(pdf: &[u8]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo (poppler-utils) must be installed");
    let info = String::from_utf8_lossy(&out.stdout).to_string();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("page count in {info}"))
}

/// Whether `text` has a line where `label` is followed (after spaces) by a run of underscores.
pub fn has_blank(text: &str, label: &str) -> bool {
    text.lines().any(|l| {
        l.match_indices(label)
            .any(|(i, _)| l[i + label.len()..].trim_start().starts_with("___"))
    })
}
