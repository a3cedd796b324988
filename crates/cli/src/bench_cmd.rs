//! `frontdesk bench …`: the store, statement and estimate benchmarks, each printing its figures
//! (JSON with `--json`) with its baseline measured in the same run.
use frontdesk_app::AppError;

use crate::BenchCommand;

pub async fn bench(cmd: BenchCommand) -> Result<(), AppError> {
    match cmd {
        BenchCommand::Search {
            patients,
            rounds,
            json,
        } => {
            let dir = tempdir()?;
            let r = frontdesk_bench::search::run(&dir, patients, rounds).await;
            let _ = std::fs::remove_dir_all(&dir);
            let r = r?;
            if json {
                println!("{}", serde_json::to_string(&r).expect("serializable"));
            } else {
                println!("patients: {}  queries timed: {}", r.patients, r.queries);
                println!("encrypted  p50 {:.3} ms  p95 {:.3} ms", r.p50_ms, r.p95_ms);
                println!(
                    "plaintext  p50 {:.3} ms  p95 {:.3} ms",
                    r.plaintext_p50_ms, r.plaintext_p95_ms
                );
                println!("ratio (encrypted/plaintext p95): {:.2}", r.ratio);
            }
        }
        BenchCommand::Schedule {
            appointments,
            rounds,
            json,
        } => {
            let dir = tempdir()?;
            let r = frontdesk_bench::schedule::run(&dir, appointments, rounds).await;
            let _ = std::fs::remove_dir_all(&dir);
            let r = r?;
            if json {
                println!(
                    "{}",
                    serde_json::json!({
                        "appointments": r.appointments,
                        "day_p95_ms": r.day_p95_ms,
                        "free_p95_ms": r.free_p95_ms,
                        "plaintext_day_p95_ms": r.plaintext_day_p95_ms,
                    })
                );
            } else {
                println!(
                    "appointments: {}  (about {:.0} on a loaded day)",
                    r.appointments, r.per_day
                );
                println!(
                    "day load      p50 {:.3} ms  p95 {:.3} ms (plaintext p95 {:.3} ms)",
                    r.day_p50_ms, r.day_p95_ms, r.plaintext_day_p95_ms
                );
                println!(
                    "first avail.  p50 {:.3} ms  p95 {:.3} ms",
                    r.free_p50_ms, r.free_p95_ms
                );
            }
        }
        BenchCommand::Statements {
            statements,
            lines,
            json,
        } => {
            let r = frontdesk_documents::bench_statements(statements, lines);
            if json {
                println!(
                    "{}",
                    serde_json::json!({
                        "statements": r.statements,
                        "builtin_s": r.builtin_s,
                        "embedded_s": r.embedded_s,
                        "embedded_parallel_s": r.embedded_parallel_s,
                        "threads": r.threads,
                    })
                );
            } else {
                println!("statements: {} ({} ledger lines each)", r.statements, lines);
                println!(
                    "builtin fonts  {:.3} s  ({} KB in all)",
                    r.builtin_s,
                    r.builtin_bytes / 1024
                );
                println!(
                    "embedded font  {:.3} s  ({} KB in all)",
                    r.embedded_s,
                    r.embedded_bytes / 1024
                );
                println!(
                    "embedded font on {} threads  {:.3} s (as a statement run renders)",
                    r.threads, r.embedded_parallel_s
                );
            }
        }
        BenchCommand::Estimate { procedures, json } => {
            crate::estimate_cmd::bench(procedures, json)?;
        }
        BenchCommand::UiFolder { .. } => unreachable!("dispatched with its data folder"),
    }
    Ok(())
}

/// The patients of a `bench ui-folder` office that get the whole demo (the demo's per-patient
/// insurance, plans and ledgers take minutes per ten thousand).
pub const DEMO_PATIENTS: usize = 5_000;

/// `frontdesk bench ui-folder`: the demo office on an empty folder, then office scale.
pub async fn ui_folder(
    cfg: frontdesk_app::Config,
    patients: usize,
    appointments: usize,
) -> Result<(), AppError> {
    // The full demo (insurance, plans, ledgers) for the first patients; the rest in bulk.
    let demo = patients.min(DEMO_PATIENTS);
    crate::admin_cmd::demo(cfg.clone(), demo, 42).await?;
    crate::open_app::with(cfg, crate::open_app::Open::Existing, async |app| {
        let now = app.now();
        let booked =
            frontdesk_bench::ui_folder::fill(app, patients - demo, appointments, now).await?;
        println!("office-scale schedule: {booked} appointments in 20 operatories");
        Ok(())
    })
    .await
}

fn tempdir() -> Result<std::path::PathBuf, AppError> {
    let dir = std::env::temp_dir().join(format!("frontdesk-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
