//! The CLI acts as a signed-in user: `init --admin`, `user …`, a denied command's
//! `error[forbidden]: … needs "<permission>"`, a wrong password's `error[unauthorized]`, and
//! `audit verify` naming the first tampered entry (exit 1).
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(dir: &Path, user: &str, password: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .env("FRONTDESK_USER", user)
        .env("FRONTDESK_PASSWORD", password)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run frontdesk");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

const BOSS: &str = "boss password 1";

#[test]
fn users_roles_denials_and_the_audit_chain_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // No administrator named: nothing is created.
    let out = run(dir, "", "", &["init"], "");
    assert!(!out.status.success());
    assert!(!dir.join("frontdesk.db").exists());

    let out = run(
        dir,
        "",
        "",
        &[
            "init",
            "--admin",
            "Boss",
            "--full-name",
            "Dr Boss",
            "--password-stdin",
        ],
        &format!("{BOSS}\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    let code = stderr
        .lines()
        .skip_while(|l| !l.contains("RECOVERY CODE"))
        .nth(1)
        .expect("the recovery code line")
        .trim()
        .to_string();

    let out = run(
        dir,
        "boss",
        BOSS,
        &[
            "user",
            "add",
            "maria",
            "--role",
            "front_desk",
            "--full-name",
            "Maria G",
            "--password-stdin",
        ],
        "maria password\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = run(dir, "boss", BOSS, &["user", "list", "--json"], "");
    let users: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["boss", "maria"]);

    // Front desk may not lock the ledger nor see the recovery kit.
    let out = run(
        dir,
        "maria",
        "maria password",
        &["lock-ledger", "2026-11-30"],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let e = text(&out.stderr);
    assert!(
        e.starts_with("error[forbidden]:") && e.contains("needs \"lock_ledger\""),
        "{e}"
    );
    let out = run(dir, "maria", "maria password", &["recovery-kit"], "");
    assert!(text(&out.stderr).contains("needs \"view_recovery_kit\""));
    assert!(!text(&out.stdout).contains(&code));
    // A wrong password, and no user at all.
    let out = run(
        dir,
        "maria",
        "not her password",
        &["patient", "search", "a"],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("error[unauthorized]"));
    let out = run(dir, "", "", &["patient", "search", "a"], "");
    assert!(
        text(&out.stderr).starts_with("error[unauthorized]"),
        "{}",
        text(&out.stderr)
    );
    // Granted the permission, she may.
    assert!(run(
        dir,
        "boss",
        BOSS,
        &["user", "grant", "maria", "lock_ledger"],
        ""
    )
    .status
    .success());
    let out = run(
        dir,
        "maria",
        "maria password",
        &["lock-ledger", "2026-11-30"],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Front desk cannot manage users.
    let out = run(
        dir,
        "maria",
        "maria password",
        &["user", "deactivate", "boss"],
        "",
    );
    assert!(text(&out.stderr).contains("needs \"manage_users\""));
    // The last administrator stays.
    let out = run(dir, "boss", BOSS, &["user", "deactivate", "boss"], "");
    assert!(
        text(&out.stderr).starts_with("error[refused]"),
        "{}",
        text(&out.stderr)
    );

    // The audit log names her denials; the chain is intact; the export is written and audited.
    let out = run(
        dir,
        "boss",
        BOSS,
        &[
            "audit",
            "list",
            "--user",
            "maria",
            "--action",
            "permission.",
            "--json",
        ],
        "",
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 3, "{rows}");
    let out = run(dir, "boss", BOSS, &["audit", "verify"], "");
    assert!(out.status.success());
    assert!(
        text(&out.stdout).starts_with("audit log intact: "),
        "{}",
        text(&out.stdout)
    );
    let csv = dir.join("audit.csv");
    let out = run(
        dir,
        "boss",
        BOSS,
        &["audit", "export", csv.to_str().unwrap()],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let body = std::fs::read_to_string(&csv).unwrap();
    assert!(body.starts_with("id,at,user,action,entity,entity_id,fields,prev_hash,hash"));
    assert!(body.contains("permission.denied"));
    let out = run(
        dir,
        "boss",
        BOSS,
        &["audit", "list", "--action", "audit.export", "--json"],
        "",
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    // Maria may not read the audit log.
    let out = run(dir, "maria", "maria password", &["audit", "verify"], "");
    assert!(text(&out.stderr).contains("needs \"view_audit\""));

    // Someone with the key drops the triggers and edits entry 3: verify names it, exit 1.
    let rt = tokio_rt();
    rt.block_on(async {
        let key = frontdesk_vault::RecoveryCode::parse_key(&code).unwrap();
        let db = frontdesk_store::Db::open(&dir.join("frontdesk.db"), &frontdesk_store::DbKey::Raw(key.bytes()))
            .await
            .unwrap();
        frontdesk_store::testing::execute_raw(
            &db,
            "DROP TRIGGER audit_log_append_only_update; UPDATE audit_log SET actor = 'someone' WHERE id = 3",
        )
        .await
        .unwrap();
        db.close().await;
    });
    let out = run(dir, "boss", BOSS, &["audit", "verify"], "");
    assert_eq!(out.status.code(), Some(1));
    let e = text(&out.stderr);
    assert!(e.contains("entry 3"), "{e}");
}

fn tokio_rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn the_backup_schedule_is_set_and_run_from_the_command_line_by_an_administrator() {
    let tmp = tempfile::tempdir().unwrap();
    let usb = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let out = run(
        dir,
        "",
        "",
        &["init", "--admin", "boss", "--password-stdin"],
        &format!("{BOSS}\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = run(
        dir,
        "boss",
        BOSS,
        &[
            "backup-schedule",
            "--folder",
            usb.path().to_str().unwrap(),
            "--daily-at",
            "00:00",
            "--run-now-if-due",
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let health: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(health["last"]["last_ok"], true, "{health}");
    assert_eq!(health["stale"], false);
    assert_eq!(health["schedule"]["daily_at"], "00:00");
    let made = health["last"]["last_good_file"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(Path::new(&made).exists());
    assert!(Path::new(&format!("{made}.manifest.json")).exists());
    let out = run(
        dir,
        "boss",
        BOSS,
        &["backup-schedule", "--daily-at", "7pm"],
        "",
    );
    assert!(
        text(&out.stderr).starts_with("error[validation]"),
        "{}",
        text(&out.stderr)
    );
    let out = run(
        dir,
        "boss",
        BOSS,
        &[
            "user",
            "add",
            "fd",
            "--role",
            "front_desk",
            "--password-stdin",
        ],
        "fd password 1\n",
    );
    assert!(out.status.success());
    let out = run(dir, "fd", "fd password 1", &["backup-schedule"], "");
    assert!(
        text(&out.stderr).contains("needs \"backups_restore\""),
        "{}",
        text(&out.stderr)
    );
}
