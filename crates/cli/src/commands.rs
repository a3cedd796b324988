//! One function per subcommand; each is a thin call into the app crate.
use std::io::Read;
use std::path::Path;

use frontdesk_app::data_dir::DataDir;
use frontdesk_app::restore::{restore_backup, RestoreKey};
use frontdesk_app::{start, unlock_with_recovery_code, App, AppError, Config, ErrorCode, Started};

use crate::output;
use crate::{BenchCommand, Cli, Command, FeesCommand, PatientCommand};

fn config(cli: &Cli) -> Config {
    let dir = cli
        .data_dir
        .clone()
        .map(DataDir::new)
        .unwrap_or_else(DataDir::default_location);
    Config::new(dir)
}

/// Opens the database with the key from the keychain; a locked database is an error here.
async fn open(cfg: Config) -> Result<App, AppError> {
    match start(cfg).await? {
        Started::Ready(app) => Ok(app),
        Started::Created(app) => {
            print_new_database(&app).await?;
            Ok(app)
        }
        Started::Locked(l) => Err(AppError::new(
            match l.reason {
                frontdesk_app::LockReason::KeychainMissing => ErrorCode::KeychainMissing,
                frontdesk_app::LockReason::KeychainUnavailable => ErrorCode::KeychainUnavailable,
            },
            format!("{} (frontdesk unlock --recovery-code CODE)", l.message),
        )),
    }
}

async fn print_new_database(app: &App) -> Result<(), AppError> {
    let kit = app.recovery_kit().await?;
    eprintln!(
        "Created a new encrypted FrontDesk database; its key is in this computer's keychain."
    );
    eprintln!(
        "RECOVERY CODE (print it and keep it safe — without it a lost keychain means lost data):"
    );
    eprintln!("  {}", kit.code);
    Ok(())
}

fn read_input(path: &Path) -> Result<String, AppError> {
    let mut s = String::new();
    if path == Path::new("-") {
        std::io::stdin().read_to_string(&mut s)?;
    } else {
        s = std::fs::read_to_string(path)?;
    }
    Ok(s)
}

pub async fn run(cli: Cli) -> Result<(), AppError> {
    let cfg = config(&cli);
    match cli.command {
        Command::Init => {
            if cfg.data_dir.has_database() {
                return Err(AppError::new(
                    ErrorCode::AlreadyInitialized,
                    "a FrontDesk database already exists in that folder",
                ));
            }
            let app = open(cfg).await?;
            println!("{}", app.db().path().display());
            app.close().await;
        }
        Command::Demo { patients, seed } => {
            let app = open(cfg).await?;
            if app.patient_count().await? > 0 {
                return Err(AppError::new(
                    ErrorCode::AlreadyInitialized,
                    "the database already has patients; demo data goes into an empty database",
                ));
            }
            let s = app.load_demo(patients, seed).await?;
            println!(
                "demo data: {} patients ({} families, {} with insurance), {} providers, {} operatories, {} appointments",
                s.patients, s.families, s.covered, s.providers, s.operatories, s.appointments
            );
            app.close().await;
        }
        Command::Patient(cmd) => patient(open(cfg).await?, cmd).await?,
        Command::Fees(cmd) => fees(open(cfg).await?, cmd).await?,
        Command::Schedule(cmd) => crate::schedule_cmd::schedule(open(cfg).await?, cmd).await?,
        Command::Print(cmd) => with(cfg, async |a| crate::money_cmd::print(a, cmd).await).await?,
        Command::Statements(cmd) => {
            with(cfg, async |a| crate::money_cmd::statements(a, cmd).await).await?
        }
        Command::Account { patient, json } => {
            with(cfg, async |a| {
                crate::money_cmd::account(a, patient, json).await
            })
            .await?
        }
        Command::Pay {
            patient,
            amount,
            method,
            reference,
        } => {
            with(cfg, async |a| {
                crate::money_cmd::pay(a, patient, &amount, &method, reference).await
            })
            .await?
        }
        Command::DaySheet { date, json } => {
            with(cfg, async |a| {
                crate::money_cmd::day_sheet(a, &date, json).await
            })
            .await?
        }
        Command::Printers => with(cfg, async |a| crate::money_cmd::printers(a).await).await?,
        Command::LockLedger { date } => {
            with(cfg, async |a| {
                a.lock_ledger_through(&date).await?;
                println!("the ledger is locked through {date}");
                Ok(())
            })
            .await?
        }
        Command::Eligibility { json } => {
            crate::schedule_cmd::eligibility(open(cfg).await?, json).await?
        }
        Command::Claims(cmd) => crate::insurance_cmd::claims(open(cfg).await?, cmd).await?,
        Command::Recall {
            from,
            until,
            unscheduled,
            json,
        } => {
            let app = open(cfg).await?;
            let list = app.recall_list(&from, &until, unscheduled).await;
            app.close().await;
            let list = list?;
            if json {
                output::json(&list);
            } else if list.is_empty() {
                println!("nobody is due");
            }
            for r in list.iter().filter(|_| !json) {
                println!(
                    "{}{}  chart {}  {}  last {}  {}",
                    r.due,
                    if r.overdue { " (overdue)" } else { "" },
                    r.patient.chart_number,
                    r.recall,
                    r.last_done,
                    r.next_appointment.as_deref().unwrap_or("not booked")
                );
            }
        }
        Command::Timezone { zone } => {
            let mut app = open(cfg).await?;
            if let Some(z) = zone {
                if let Err(e) = app.set_clinic_timezone(&z).await {
                    app.close().await;
                    return Err(e);
                }
            }
            println!("{}", app.clinic_timezone().name());
            app.close().await;
        }
        Command::Limits {
            claims_outstanding_days,
            preauth_pending_days,
            reverify_days,
            eligibility_lookahead_days,
        } => {
            let app = open(cfg).await?;
            let mut l = app.worklist_limits().await?;
            let changes = [
                (claims_outstanding_days, &mut l.claims_outstanding_days),
                (preauth_pending_days, &mut l.preauth_pending_days),
                (reverify_days, &mut l.reverify_days),
                (
                    eligibility_lookahead_days,
                    &mut l.eligibility_lookahead_days,
                ),
            ];
            let mut changed = false;
            for (new, slot) in changes {
                if let Some(v) = new {
                    *slot = v;
                    changed = true;
                }
            }
            if changed {
                app.set_worklist_limits(&l).await?;
            }
            output::json(&app.worklist_limits().await?);
            app.close().await;
        }
        Command::TreatmentPlan {
            patient,
            json,
            explain,
        } => crate::insurance_cmd::treatment_plan(open(cfg).await?, patient, json, explain).await?,
        Command::RecoveryKit { pdf } => {
            let app = open(cfg).await?;
            let kit = app.recovery_kit().await?;
            println!("{}", kit.code);
            if let Some(path) = pdf {
                std::fs::write(&path, app.recovery_kit_pdf().await?)?;
                eprintln!("saved {}", path.display());
            }
            app.close().await;
        }
        Command::Unlock { recovery_code } => {
            let code = if recovery_code == "-" {
                read_input(Path::new("-"))?
            } else {
                recovery_code
            };
            match start(cfg).await? {
                Started::Locked(l) => {
                    let app = unlock_with_recovery_code(&l, &code).await?;
                    println!("unlocked; the key is back in this computer's keychain");
                    app.close().await;
                }
                Started::Ready(app) | Started::Created(app) => {
                    println!("already unlocked: the keychain holds this database's key");
                    app.close().await;
                }
            }
        }
        Command::Backup { file } => {
            let app = open(cfg).await?;
            app.backup(&file).await?;
            println!("encrypted backup written to {}", file.display());
            app.close().await;
        }
        Command::Restore {
            file,
            recovery_code,
        } => {
            let code = match recovery_code.as_deref() {
                Some("-") => Some(read_input(Path::new("-"))?),
                other => other.map(str::to_string),
            };
            let key = match &code {
                Some(c) => RestoreKey::RecoveryCode(c.trim()),
                None => RestoreKey::Keychain,
            };
            let done = restore_backup(&cfg, &file, key).await?;
            println!("restored {}", file.display());
            if let Some(old) = done.replaced {
                println!("the database it replaced is kept at {}", old.display());
            }
        }
        Command::Rekey => {
            let mut app = open(cfg).await?;
            let code = app.rekey().await?;
            println!("{}", code.as_str());
            eprintln!("The database has a new key; the old recovery code no longer works. Print the new one.");
            app.close().await;
        }
        Command::Estimate { file, explain } => {
            let input = read_input(&file)?;
            println!("{}", crate::estimate_cmd::run_file(&input, explain)?);
        }
        Command::Bench(b) => bench(b).await?,
    }
    Ok(())
}

async fn patient(app: App, cmd: PatientCommand) -> Result<(), AppError> {
    match cmd {
        PatientCommand::Search {
            query,
            json,
            include_archived,
        } => {
            let hits = app.search_patients(&query, include_archived).await?;
            if json {
                output::json(&hits);
            } else {
                output::patients_table(&hits);
            }
        }
        PatientCommand::Show { id, json } => {
            let card = app.patient_card(id).await?;
            if json {
                output::json(&card);
            } else {
                let p = &card.patient;
                println!(
                    "{} {} (chart {}), born {}, {}",
                    p.first_name,
                    p.last_name,
                    p.chart_number,
                    p.date_of_birth,
                    p.status.as_str()
                );
                println!(
                    "created {} by {}; changed {} by {}",
                    p.meta.created_at, p.meta.created_by, p.meta.updated_at, p.meta.updated_by
                );
            }
        }
        PatientCommand::Add { file, json } => {
            let draft = crate::draft_input::parse_draft(&read_input(&file)?)?;
            let card = app.create_patient(&draft).await?;
            if json {
                output::json(&card);
            } else {
                println!("{}", card.patient.id);
            }
        }
    }
    app.close().await;
    Ok(())
}

async fn fees(app: App, cmd: FeesCommand) -> Result<(), AppError> {
    match cmd {
        FeesCommand::Import { file } => {
            let r = app.import_fee_schedule(&read_input(&file)?).await?;
            println!(
                "{} added, {} updated, {} unchanged",
                r.added, r.updated, r.unchanged
            );
        }
        FeesCommand::List { json } => {
            let list = app.fee_schedule().await?;
            if json {
                output::json(&list);
            } else {
                for e in &list {
                    let fee = frontdesk_domain::money::Cents(e.fee_cents);
                    println!("{:<12} {:>12}  {}", e.code, fee.to_string(), e.description);
                }
            }
        }
    }
    app.close().await;
    Ok(())
}

async fn bench(cmd: BenchCommand) -> Result<(), AppError> {
    match cmd {
        BenchCommand::Search {
            patients,
            rounds,
            json,
        } => {
            let dir = tempdir()?;
            let r = frontdesk_app::bench_search::run(&dir, patients, rounds).await;
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
            let r = frontdesk_app::bench_schedule::run(&dir, appointments, rounds).await;
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
    }
    Ok(())
}

/// Opens the database, runs `f`, and closes the database whether `f` succeeded or not.
async fn with(
    cfg: Config,
    f: impl AsyncFnOnce(&App) -> Result<(), AppError>,
) -> Result<(), AppError> {
    let app = open(cfg).await?;
    let r = f(&app).await;
    app.close().await;
    r
}

fn tempdir() -> Result<std::path::PathBuf, AppError> {
    let dir = std::env::temp_dir().join(format!("frontdesk-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
