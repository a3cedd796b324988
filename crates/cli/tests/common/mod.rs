//! What the `frontdesk` binary tests share: running it on a data folder, expecting success or
//! failure.
#![allow(dead_code)]
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Every CLI test acts as this administrator (`init` creates them).
pub const USER: &str = "admin";
pub const PASSWORD: &str = "cli test password";

pub fn frontdesk(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .env("FRONTDESK_USER", USER)
        .env("FRONTDESK_PASSWORD", PASSWORD)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run frontdesk")
}

pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = frontdesk(dir, args);
    assert!(
        out.status.success(),
        "frontdesk {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub fn err(dir: &Path, args: &[&str]) -> String {
    let out = frontdesk(dir, args);
    assert!(!out.status.success(), "frontdesk {args:?} should fail");
    String::from_utf8(out.stderr).unwrap()
}
