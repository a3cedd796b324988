//! Money and documents from the `frontdesk` binary: account, pay (bad input refused, nothing
//! written), day sheet, statements dry run and run, a statement saved as PDF and read back, the
//! ledger lock, and the statements benchmark's JSON. Real encrypted database and OS keychain.
use std::path::Path;
use std::process::Command;

mod common;
use common::{frontdesk, ok};

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(dir, args)).unwrap()
}

#[test]
fn account_pay_day_sheet_statements_and_lock() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(dir, &["init"]);
    ok(dir, &["demo", "--patients", "60"]);

    // A guarantor the demo left owing: the first statement candidate.
    let dry = json(dir, &["statements", "run", "--dry-run", "--json"]);
    let first = &dry["statements"][0];
    let g = first["guarantor_id"]
        .as_i64()
        .expect("the demo leaves balances");
    let g_text = g.to_string();
    let before = json(dir, &["account", &g_text, "--json"]);
    let balance = before["balance_cents"].as_i64().unwrap();
    assert!(balance > 100);

    // Bad input: a typed error, nothing written.
    for (amount, method, reference, want) in [
        ("-5.00", "cash", "", "amount"),
        ("5.00", "card", "12", "last_four"),
        ("5.00", "bitcoin", "", "method"),
    ] {
        let mut args = vec![
            "pay",
            "--patient",
            &g_text,
            "--amount",
            amount,
            "--method",
            method,
        ];
        if !reference.is_empty() {
            args.extend(["--reference", reference]);
        }
        let out = frontdesk(dir, &args);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("error[validation]") && err.contains(want),
            "{err}"
        );
    }
    let same = json(dir, &["account", &g_text, "--json"]);
    assert_eq!(same["lines"], before["lines"], "nothing was written");

    let paid = ok(
        dir,
        &[
            "pay",
            "--patient",
            &g_text,
            "--amount",
            "1.00",
            "--method",
            "check",
            "--reference",
            "5150",
        ],
    );
    assert!(paid.contains("posted $1.00"), "{paid}");
    let after = json(dir, &["account", &g_text, "--json"]);
    assert_eq!(after["balance_cents"].as_i64().unwrap(), balance - 100);

    assert!(!frontdesk(dir, &["day-sheet", "2026-02-30"])
        .status
        .success());
    let day = after["lines"].as_array().unwrap().last().unwrap()["date"]
        .as_str()
        .unwrap()
        .to_string();
    let sheet = json(dir, &["day-sheet", &day, "--json"]);
    assert!(sheet["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["number"] == "5150"));
    assert!(sheet["deposit_cents"].as_i64().unwrap() >= 100);

    // Reports: the day's production is its day sheet, the account's aging row its balance;
    // money as decimal strings; a bad range is a typed error.
    let decimal = |c: i64| format!("{}.{:02}", c / 100, (c % 100).abs());
    let prod = json(
        dir,
        &[
            "report",
            "production",
            "--from",
            &day,
            "--to",
            &day,
            "--json",
        ],
    );
    assert_eq!(prod["report"], "production");
    assert_eq!(
        prod["totals"]["charges"],
        decimal(sheet["charges_cents"].as_i64().unwrap()).as_str()
    );
    let aging = json(dir, &["report", "aging", "--json"]);
    let row = aging["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["guarantor_id"] == g)
        .expect("the account owing is on the aging report");
    assert_eq!(row["total"], decimal(balance - 100).as_str());
    let bad = frontdesk(dir, &["report", "production", "--from", "2026-02-30"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("error[validation]"));
    // Appointments by provider (name or id), recall, unbilled and unearned: counts stay numbers,
    // money is decimal strings; an unknown provider is a field error.
    let month = &day[..8];
    let from = format!("{month}01");
    let appts = json(
        dir,
        &[
            "report",
            "appointments",
            "--from",
            &from,
            "--to",
            &day,
            "--provider",
            "1",
            "--json",
        ],
    );
    assert_eq!(appts["report"], "appointments");
    let t = &appts["totals"];
    assert!(
        t["booked"].is_i64() && t["scheduled_production"].is_string(),
        "{t}"
    );
    assert_eq!(
        t["booked"].as_i64().unwrap(),
        ["completed", "cancelled", "no_show", "open"]
            .iter()
            .map(|k| t[*k].as_i64().unwrap())
            .sum::<i64>()
    );
    assert!(appts["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["provider_id"] == 1));
    let nobody = frontdesk(dir, &["report", "appointments", "--provider", "Dr. Nobody"]);
    assert!(!nobody.status.success());
    assert!(String::from_utf8_lossy(&nobody.stderr).contains("error[validation]"));
    let recall = json(
        dir,
        &["report", "recall", "--from", &from, "--to", &day, "--json"],
    );
    assert!(recall["rows"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["recall"] == "Prophy (cleaning)"));
    assert!(recall["totals"]["due"].is_i64());
    for name in ["new-patients", "referrals"] {
        let r = json(
            dir,
            &["report", name, "--from", &from, "--to", &day, "--json"],
        );
        assert_eq!(r["report"], name);
        assert!(r["totals"]["new_patients"].is_i64() && r["totals"]["production"].is_string());
    }
    for name in ["unbilled", "unearned"] {
        let r = json(dir, &["report", name, "--json"]);
        assert_eq!(r["report"], name);
        assert!(r["totals"]["amount"].is_string(), "{name}: {}", r["totals"]);
    }
    let csv = ok(dir, &["report", "aging", "--csv"]);
    assert!(
        csv.starts_with("guarantor_id,name,phone,current_0_30,"),
        "{csv}"
    );
    assert!(csv.lines().last().unwrap().starts_with("total,"));
    let text = ok(
        dir,
        &["report", "appointments", "--from", &from, "--to", &day],
    );
    assert!(text.contains("no-show%"), "{text}");

    // A statement saved as PDF, read back.
    let pdf = dir.join("statement.pdf");
    ok(
        dir,
        &[
            "print",
            "statement",
            "--guarantor",
            &g_text,
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("STATEMENT") && text.contains("Amount due"),
        "{text}"
    );

    // The run sends the rest and skips this guarantor (statement today).
    let run = json(dir, &["statements", "run", "--json"]);
    assert!(run["run_id"].as_i64().is_some());
    assert!(!run["statements"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["guarantor_id"] == g));
    assert!(ok(dir, &["statements", "runs"]).contains("run    1"));

    // Locking the books: a payment dated in the closed period is refused.
    let lock = frontdesk(dir, &["lock-ledger", "2999-01-01"]);
    assert!(!lock.status.success(), "a lock can't be in the future");
    ok(dir, &["lock-ledger", "2020-01-01"]);
}

#[test]
fn bench_statements_prints_its_figures_as_json() {
    let tmp = tempfile::tempdir().unwrap();
    let v = json(
        tmp.path(),
        &["bench", "statements", "--statements", "5", "--json"],
    );
    assert_eq!(v["statements"], 5);
    for key in ["builtin_s", "embedded_s", "embedded_parallel_s"] {
        assert!(v[key].as_f64().unwrap() > 0.0, "{key}");
    }
}
