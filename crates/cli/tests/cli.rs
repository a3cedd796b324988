//! The `frontdesk` binary end to end: real encrypted database, real OS keychain (run under
//! scripts/with-keyring.sh), JSON output, exit codes.
use std::path::Path;
use std::process::Command;

mod common;
use common::{err, frontdesk, ok};

fn search(dir: &Path, q: &str) -> Vec<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(&ok(dir, &["patient", "search", q, "--json"]))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn init_demo_search_recovery_and_unlock() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let init = frontdesk(dir, &["init"]);
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let stderr = String::from_utf8_lossy(&init.stderr);
    assert!(
        stderr.contains("RECOVERY CODE"),
        "init shows the recovery code once: {stderr}"
    );
    assert!(err(dir, &["init"]).contains("error[already_initialized]"));

    let demo = ok(dir, &["demo", "--patients", "500"]);
    assert!(demo.contains("500 patients"), "{demo}");
    let hits = search(dir, "garcia");
    assert!(!hits.is_empty(), "accent-insensitive: garcia finds García");
    for h in &hits {
        for field in [
            "id",
            "last_name",
            "first_name",
            "date_of_birth",
            "chart_number",
        ] {
            assert!(h.get(field).is_some(), "search JSON has {field}: {h}");
        }
        assert_eq!(h["last_name"].as_str().unwrap(), "García");
    }
    // Non-Latin names are in the demo data and searchable in either script.
    assert!(!search(dir, "Иванов").is_empty() || !search(dir, "Петрова").is_empty());

    let code = ok(dir, &["recovery-kit"]).trim().to_string();
    assert_eq!(code.len(), 77, "13 groups of 5 with dashes: {code}");
    let pdf = dir.join("kit.pdf");
    ok(dir, &["recovery-kit", "--pdf", pdf.to_str().unwrap()]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    // Lose the keychain entry: commands refuse with a clear error, nothing new is created.
    let id: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("frontdesk-id.json")).unwrap())
            .unwrap();
    let account = format!("database-key:{}", id["database_id"].as_str().unwrap());
    let cleared = Command::new("secret-tool")
        .args(["clear", "service", "FrontDesk", "username", &account])
        .status()
        .expect("secret-tool (libsecret-tools) is installed");
    assert!(cleared.success());
    let before = std::fs::read(dir.join("frontdesk.db")).unwrap();
    let e = err(dir, &["patient", "search", "garcia"]);
    assert!(e.contains("error[keychain_missing]"), "{e}");
    assert!(err(dir, &["unlock", "--recovery-code", "not-a-code"])
        .contains("error[invalid_recovery_code]"));
    assert_eq!(
        std::fs::read(dir.join("frontdesk.db")).unwrap(),
        before,
        "a wrong code changes nothing"
    );

    let unlocked = ok(dir, &["unlock", "--recovery-code", &code.to_lowercase()]);
    assert!(unlocked.contains("unlocked"), "{unlocked}");
    assert_eq!(
        search(dir, "garcia").len(),
        hits.len(),
        "same data after recovery"
    );
}

#[test]
fn a_command_on_a_folder_without_a_database_makes_none() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("typo");
    std::fs::create_dir(&dir).unwrap();
    let reads: &[&[&str]] = &[
        &["patient", "search", "garcia"],
        &["patient", "show", "1"],
        &["schedule", "day", "2026-11-25"],
        &["account", "1"],
        &["fees", "list"],
        &["claims", "list", "denied"],
        &["recall"],
        &["eligibility"],
        &["day-sheet", "2026-11-25"],
        &["recovery-kit"],
        &["limits"],
        &["timezone"],
        &["rekey"],
        &["unlock", "--recovery-code", "AAAAA"],
        &["backup", "/tmp/never-written.db"],
    ];
    for args in reads {
        let out = frontdesk(&dir, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let want = format!(
            "no FrontDesk database in {} (run frontdesk init)",
            dir.display()
        );
        assert!(stderr.contains(&want), "{args:?}: {stderr}");
        assert!(!stderr.contains("RECOVERY CODE"), "{args:?}: {stderr}");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            0,
            "{args:?} left files in the folder"
        );
    }
}

/// While the desktop app holds the data folder (its lock), the commands that replace or
/// re-encrypt the database refuse with a clear error and change nothing; the others, which
/// SQLite serialises, still work beside it.
#[test]
fn restore_rekey_and_demo_refuse_while_the_app_holds_the_folder() {
    use frontdesk_app::admin::data_folder::DataDir;
    use frontdesk_app::admin::folder_lock::FolderLock;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["init"]);
    let backup = tmp.path().join("b.db");
    ok(dir, &["backup", backup.to_str().unwrap()]);
    let before = std::fs::read(dir.join("frontdesk.db")).unwrap();
    let held = FolderLock::acquire(&DataDir::new(dir)).unwrap();
    for args in [
        &["restore", backup.to_str().unwrap()][..],
        &["rekey"][..],
        &["demo", "--patients", "3"][..],
    ] {
        let e = err(dir, args);
        assert!(
            e.contains("error[in_use]") && e.contains("FrontDesk is open"),
            "{args:?}: {e}"
        );
    }
    assert_eq!(
        std::fs::read(dir.join("frontdesk.db")).unwrap(),
        before,
        "nothing changed"
    );
    ok(dir, &["patient", "search", "garcia"]);
    drop(held);
    ok(dir, &["rekey"]);
}

#[test]
fn backup_to_a_folder_prints_its_manifest_and_verify_backup_finds_a_changed_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let out = tmp.path().join("usb");
    std::fs::create_dir(&out).unwrap();
    ok(&dir, &["demo", "--patients", "12"]);
    let json: serde_json::Value = serde_json::from_str(&ok(
        &dir,
        &["backup", "--to", out.to_str().unwrap(), "--json"],
    ))
    .unwrap();
    let file = std::path::PathBuf::from(json["file"].as_str().unwrap());
    assert!(file.starts_with(&out), "{json}");
    assert_eq!(
        json["bytes"].as_u64().unwrap(),
        std::fs::metadata(&file).unwrap().len()
    );
    assert_eq!(json["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(json["patients"].as_i64().unwrap(), 12);
    let v = ok(&dir, &["verify-backup", file.to_str().unwrap()]);
    assert!(v.starts_with("ok:") && v.contains("12 patients"), "{v}");

    let mut bytes = std::fs::read(&file).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 0x80;
    std::fs::write(&file, &bytes).unwrap();
    let out = frontdesk(&dir, &["verify-backup", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[storage]"));
}

/// A new computer: only the backup and the recovery code (typed on standard input).
#[test]
fn restore_asks_before_replacing_and_sets_up_a_new_folder_with_the_code() {
    use std::io::Write;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let usb = tmp.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    ok(&dir, &["demo", "--patients", "9"]);
    let code = ok(&dir, &["recovery-kit"]).trim().to_string();
    let file = ok(&dir, &["backup", "--to", usb.to_str().unwrap()])
        .trim()
        .to_string();
    let e = err(&dir, &["restore", &file]);
    assert!(e.contains("error[refused]") && e.contains("--yes"), "{e}");
    ok(&dir, &["restore", &file, "--yes"]);

    let new_pc = tmp.path().join("new-pc");
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .args([
            "restore",
            &file,
            "--into",
            new_pc.to_str().unwrap(),
            "--recovery-code",
            "-",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(code.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a = ok(&dir, &["patient", "search", "a", "--json"]);
    let b = ok(&new_pc, &["patient", "search", "a", "--json"]);
    assert_eq!(a, b, "the same patients on the new computer");
    let e = err(
        &new_pc,
        &["restore", &file, "--into", new_pc.to_str().unwrap()],
    );
    assert!(e.contains("error[already_initialized]"), "{e}");
}

#[test]
fn patient_add_refuses_bad_input_with_a_typed_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["init"]);
    let file = dir.join("p.json");
    std::fs::write(
        &file,
        r#"{"last_name":"Doe","first_name":"Jane","date_of_birth":"2026-02-30"}"#,
    )
    .unwrap();
    let e = err(dir, &["patient", "add", file.to_str().unwrap()]);
    assert!(
        e.contains("error[validation]") && e.contains("date_of_birth"),
        "{e}"
    );
    std::fs::write(&file, r#"{"last_name":"Doe","#).unwrap();
    assert!(err(dir, &["patient", "add", file.to_str().unwrap()]).contains("malformed"));
    std::fs::write(&file, r#"{"last_name":"Doe","first_name":"Jane","date_of_birth":"1990-01-01","phone_mobile":"(555) 222-3333"}"#).unwrap();
    ok(dir, &["patient", "add", file.to_str().unwrap()]);
    let hits = search(dir, "2223333");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["first_name"], "Jane");
}

#[test]
fn the_estimate_runner_reproduces_the_shared_examples() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../estimate/tests/examples");
    let mut n = 0;
    for entry in std::fs::read_dir(&examples)
        .expect("the estimate examples (crates/estimate/tests/examples)")
    {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".json") || name.ends_with(".expected.json") {
            continue;
        }
        let expected: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(path.with_extension("expected.json")).unwrap(),
        )
        .unwrap();
        let tmp = tempfile::tempdir().unwrap();
        let out: serde_json::Value =
            serde_json::from_str(&ok(tmp.path(), &["estimate", path.to_str().unwrap()])).unwrap();
        for (e, o) in expected["procedures"]
            .as_array()
            .unwrap()
            .iter()
            .zip(out["procedures"].as_array().unwrap())
        {
            assert_eq!(e["patient"], o["patient"], "{name}: patient portion");
            assert_eq!(e["fee"], o["fee"], "{name}: fee");
        }
        n += 1;
    }
    assert!(n >= 2, "ran the shared examples");
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, r#"{"date":"2026-01-01","plans":[{"name":"X","type":"hmo","coverage":[]}],"procedures":[]}"#).unwrap();
    let e = err(tmp.path(), &["estimate", bad.to_str().unwrap()]);
    assert!(e.contains("plans[0].type"), "names the field: {e}");
}

#[test]
fn fees_import_names_the_bad_line_and_lists_as_json() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["init"]);
    let file = dir.join("fees.csv");
    std::fs::write(
        &file,
        "code,description,fee\nD1110,Adult cleaning,110\nD0120,Exam,ten dollars\n",
    )
    .unwrap();
    let e = err(dir, &["fees", "import", file.to_str().unwrap()]);
    assert!(
        e.contains("error[validation]") && e.contains("line 3: fee"),
        "{e}"
    );
    std::fs::write(
        &file,
        "code,description,fee\nD1110,Adult cleaning,110\nD0120,Exam,65.5\n",
    )
    .unwrap();
    assert!(ok(dir, &["fees", "import", file.to_str().unwrap()]).contains("2 added"));
    let list: serde_json::Value =
        serde_json::from_str(&ok(dir, &["fees", "list", "--json"])).unwrap();
    assert_eq!(list[0]["code"], "D0120");
    assert_eq!(list[0]["fee_cents"], 6550);
}

#[test]
fn bench_schedule_prints_its_figures_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(
        dir.path(),
        &[
            "bench",
            "schedule",
            "--appointments",
            "20000",
            "--rounds",
            "1",
            "--json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["appointments"], 20000);
    for key in ["day_p95_ms", "free_p95_ms", "plaintext_day_p95_ms"] {
        let ms = v[key].as_f64().unwrap_or(-1.0);
        assert!(ms > 0.0 && ms < 10_000.0, "{key}: {ms}");
    }
}

#[test]
fn demo_schedule_day_and_eligibility_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["init"]);
    ok(dir.path(), &["demo", "--patients", "120"]);
    let err_text = err(dir.path(), &["schedule", "day", "2026-02-30"]);
    assert!(
        err_text.contains("error[validation]") && err_text.contains("date"),
        "{err_text}"
    );
    let limits: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["limits", "--reverify-days", "45"])).unwrap();
    assert_eq!(limits["reverify_days"], 45);
    let list: Vec<serde_json::Value> =
        serde_json::from_str(&ok(dir.path(), &["eligibility", "--json"])).unwrap();
    for e in &list {
        assert!(e["reason"].as_str().unwrap().contains("verified"));
    }
}
