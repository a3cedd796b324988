//! Crash safety, proven by killing: a child process (src/bin/crash_writer.rs) writes patients,
//! payments and bookings and prints each write once its commit returned; the test SIGKILLs it at
//! random moments, at least 50 times and over at least 1,000 transactions in all. After every
//! kill the database passes SQLite's integrity and foreign-key checks, holds every acknowledged
//! write, and its balance (one SQL SUM) equals the ledger rules' balance of its entries.
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use frontdesk_acceptance::{draft, memory_config, ready};

/// A small deterministic generator for the kill times (xorshift).
struct Moments(u64);

impl Moments {
    fn next_ms(&mut self, from: u64, to: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        from + self.0 % (to - from)
    }
}

#[derive(Default)]
struct Acknowledged {
    patients: Vec<i64>,
    entries: Vec<i64>,
    appointments: Vec<i64>,
}

impl Acknowledged {
    fn take(&mut self, line: &str) -> bool {
        let mut words = line.split_whitespace();
        let (list, ids) = match words.next() {
            Some("patient") => (&mut self.patients, words),
            Some("entries") => (&mut self.entries, words),
            Some("appointment") => (&mut self.appointments, words),
            _ => return false,
        };
        list.extend(ids.map(|w| w.parse::<i64>().expect("an id")));
        true
    }
}

/// Runs the writer until `after` has passed since it said "ready", then SIGKILLs it; returns the
/// writes it acknowledged.
fn run_and_kill(
    dir: &std::path::Path,
    code: &str,
    after: Duration,
    acked: &mut Acknowledged,
) -> usize {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crash-writer"))
        .arg(dir)
        .env("FRONTDESK_TEST_RECOVERY_CODE", code)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the writer");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let started = Instant::now();
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(30)).as_deref(),
        Ok("ready"),
        "the writer starts"
    );
    let deadline = Instant::now() + after;
    let mut writes = 0;
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(line) => writes += usize::from(acked.take(&line)),
            Err(_) => break,
        }
    }
    child.kill().expect("SIGKILL");
    child.wait().unwrap();
    reader.join().unwrap();
    // Lines printed before the kill and not yet read are acknowledged writes too.
    writes += rx.try_iter().filter(|l| acked.take(l)).count();
    assert!(started.elapsed() < Duration::from_secs(60));
    writes
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_at_random_moments_the_database_keeps_every_acknowledged_write() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, _kc) = memory_config(dir.path());
    let app = ready(cfg.clone()).await;
    frontdesk_demo::load_demo(&app, 0, 1).await.unwrap();
    let first = app
        .create_patient(&draft("Guarantor", "Gil", "1970-01-01"))
        .await
        .unwrap();
    assert_eq!(first.patient.id, 1);
    let code = app
        .recovery_kit(frontdesk_acceptance::TEST_PASSWORD)
        .await
        .unwrap()
        .code;
    app.close().await;

    let mut acked = Acknowledged::default();
    let mut moments = Moments(0x9e37_79b9_7f4a_7c15);
    let (mut kills, mut writes) = (0, 0);
    while kills < 50 || writes < 1000 {
        assert!(kills < 200, "1,000 writes in 200 runs ({writes} so far)");
        let after = Duration::from_millis(moments.next_ms(5, 400));
        writes += run_and_kill(dir.path(), &code, after, &mut acked);
        kills += 1;

        let app = ready(cfg.clone()).await;
        let db = app.db();
        assert!(
            frontdesk_store::backup_facts::full_check(db).await.unwrap(),
            "integrity and foreign keys after kill {kills}"
        );
        for &id in &acked.patients {
            frontdesk_store::patients::get(db, id).await.unwrap();
        }
        for &id in &acked.appointments {
            frontdesk_store::schedule::get(db, id).await.unwrap();
        }
        let stored = frontdesk_store::ledger::entries::for_guarantor(db, 1)
            .await
            .unwrap();
        let ids: std::collections::HashSet<i64> = stored.iter().map(|s| s.entry.id).collect();
        assert!(
            acked.entries.iter().all(|id| ids.contains(id)),
            "every acknowledged payment after kill {kills}"
        );
        let entries: Vec<_> = stored.into_iter().map(|s| s.entry).collect();
        assert_eq!(
            frontdesk_store::ledger::entries::balance(db, 1)
                .await
                .unwrap(),
            frontdesk_ledger::balance(&entries),
            "the stored balance is the rules' balance after kill {kills}"
        );
        app.close().await;
    }
    eprintln!("{kills} kills, {writes} acknowledged writes");
}
