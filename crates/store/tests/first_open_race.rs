//! The first databases a process opens, opened at once from many threads, all open.
//!
//! SQLite marks itself initialised before it runs SQLCipher's own set-up (`sqlcipher_extra_init`,
//! outside SQLite's init mutex), so a thread that opened a connection in that window got
//! "An error occurred with PRAGMA key …" (SQLITE_ERROR from `PRAGMA key`). This file is its own
//! test binary so it is a fresh process: the race is on the process's very first opens. (It is
//! rare: 0 in 90 runs here before the fix; the cause is read from SQLCipher 4.10's
//! `sqlite3_initialize`, see `initialise_sqlite` in `db.rs`.)
use std::sync::{Arc, Barrier};

use frontdesk_store::{Db, DbKey};
use zeroize::Zeroizing;

const THREADS: usize = 32;

#[test]
fn many_threads_opening_the_first_encrypted_databases_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    // Busy threads beside the openers, as under a loaded CI machine: a thread preempted inside
    // the window is what made the race show.
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let busy: Vec<_> = (0..4)
        .map(|_| {
            let stop = stop.clone();
            std::thread::spawn(move || {
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    std::hint::spin_loop();
                }
            })
        })
        .collect();
    let barrier = Arc::new(Barrier::new(THREADS));
    let handles: Vec<_> = (0..THREADS)
        .map(|i| {
            let barrier = barrier.clone();
            let path = dir.path().join(format!("db-{i}.db"));
            std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                barrier.wait();
                rt.block_on(async {
                    let key = DbKey::Raw(Zeroizing::new([i as u8; 32]));
                    let db = Db::create_empty(&path, &key).await?;
                    db.close().await;
                    Ok::<_, frontdesk_store::StoreError>(())
                })
            })
        })
        .collect();
    let failures: Vec<String> = handles
        .into_iter()
        .filter_map(|h| h.join().unwrap().err().map(|e| e.to_string()))
        .collect();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for b in busy {
        b.join().unwrap();
    }
    assert!(
        failures.is_empty(),
        "{} of {THREADS} first opens failed: {:?}",
        failures.len(),
        failures.first()
    );
}
