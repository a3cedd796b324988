//! Kill `backup` and `restore` at random moments (SIGKILL, no clean-up): after every kill the live
//! database opens and is complete (a checked backup of it holds every patient), a backup folder
//! holds only whole, verified backups (or a temporary file), and an interrupted restore leaves
//! either the old database or the restored one — never none.
#![cfg(unix)]
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

const USER: &str = "admin";
const PASSWORD: &str = "crash test password";

fn cmd(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
    c.env("FRONTDESK_USER", USER)
        .env("FRONTDESK_PASSWORD", PASSWORD)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null());
    c
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = cmd(dir, args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A pseudo-random number below `n` (no seed to keep: every run tries other moments).
fn below(n: u64, salt: u64) -> u64 {
    let t = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    let mut x = t ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x % n.max(1)
}

fn kill_after(mut child: Child, ms: u64) {
    std::thread::sleep(Duration::from_millis(ms));
    let _ = child.kill();
    let _ = child.wait();
}

/// The live database opens and holds `patients` (read from a fresh checked backup's manifest).
fn live_patients(dir: &Path, scratch: &Path) -> i64 {
    let out = ok(
        dir,
        &["backup", "--to", scratch.to_str().unwrap(), "--json"],
    );
    let m: serde_json::Value = serde_json::from_str(&out).unwrap();
    m["patients"].as_i64().unwrap()
}

#[test]
fn killed_backups_and_restores_never_lose_the_live_database() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let usb = tmp.path().join("usb");
    let scratch = tmp.path().join("scratch");
    std::fs::create_dir_all(&usb).unwrap();
    std::fs::create_dir_all(&scratch).unwrap();
    ok(&dir, &["init", "--admin", USER]);
    ok(&dir, &["demo", "--patients", "150"]);
    let patients = live_patients(&dir, &scratch);
    assert!(patients >= 150);

    // How long a whole backup takes, to aim the kills inside it.
    let t = Instant::now();
    ok(&dir, &["backup", "--to", usb.to_str().unwrap()]);
    let full_ms = t.elapsed().as_millis() as u64;
    for i in 0..12 {
        let child = cmd(&dir, &["backup", "--to", usb.to_str().unwrap()])
            .spawn()
            .unwrap();
        kill_after(child, below(full_ms, i));
        assert_eq!(live_patients(&dir, &scratch), patients, "after kill {i}");
    }
    // Every backup file in the folder that has a manifest verifies; the rest are temporary files.
    let mut whole = 0;
    for e in std::fs::read_dir(&usb).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".db") {
            ok(&dir, &["verify-backup", e.path().to_str().unwrap()]);
            whole += 1;
        } else {
            // A manifest (maybe without its file, or half-written) or a backup's temporary file.
            assert!(
                name.ends_with(".manifest.json")
                    || name.ends_with(".manifest.json.partial")
                    || name.contains(".partial-"),
                "{name}"
            );
        }
    }
    assert!(whole >= 1);

    // A backup to restore, then a live database that differs from it by one patient.
    let out = ok(&dir, &["backup", "--to", usb.to_str().unwrap(), "--json"]);
    let m: serde_json::Value = serde_json::from_str(&out).unwrap();
    let file = m["file"].as_str().unwrap().to_string();
    let draft = tmp.path().join("p.json");
    std::fs::write(
        &draft,
        r#"{"last_name":"Extra","first_name":"Eve","date_of_birth":"1990-02-02"}"#,
    )
    .unwrap();
    ok(&dir, &["patient", "add", draft.to_str().unwrap()]);
    let t = Instant::now();
    ok(&dir, &["restore", &file, "--yes"]);
    let restore_ms = t.elapsed().as_millis() as u64;
    assert_eq!(live_patients(&dir, &scratch), patients);
    ok(&dir, &["patient", "add", draft.to_str().unwrap()]);
    for i in 0..12 {
        let child = cmd(&dir, &["restore", &file, "--yes"]).spawn().unwrap();
        kill_after(child, below(restore_ms, 100 + i));
        let now = live_patients(&dir, &scratch);
        assert!(
            now == patients || now == patients + 1,
            "after kill {i}: {now} patients"
        );
        if now == patients {
            // Switched: make the live one differ again for the next round.
            ok(&dir, &["patient", "add", draft.to_str().unwrap()]);
        }
    }
}
