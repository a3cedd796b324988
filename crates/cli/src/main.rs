//! `frontdesk`: the headless command line over the app crate (admin work, support, tests).
mod admin_cmd;
mod bench_cmd;
mod commands;
mod draft_input;
mod estimate_cmd;
mod insurance_cmd;
mod money_cmd;
mod open_app;
mod output;
mod patient_cmd;
mod report_cmd;
mod schedule_cmd;
mod user_cmd;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "frontdesk",
    version,
    about = "FrontDesk — front-desk records for dental and med-spa offices (headless)"
)]
pub struct Cli {
    /// Data directory (default: the OS app-data folder, e.g. ~/.local/share/FrontDesk).
    #[arg(long, global = true, env = "FRONTDESK_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// Who is acting (every command runs as a signed-in user), given before the command. The
    /// password comes from FRONTDESK_PASSWORD or, on a terminal, a prompt.
    #[arg(long, env = "FRONTDESK_USER")]
    pub user: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Create the encrypted database, store its key in the OS keychain, create the first
    /// administrator, print the recovery code.
    Init {
        /// The administrator's username (default: --user / FRONTDESK_USER).
        #[arg(long)]
        admin: Option<String>,
        #[arg(long = "full-name")]
        full_name: Option<String>,
        /// Read the administrator's password from standard input (else FRONTDESK_PASSWORD).
        #[arg(long = "password-stdin")]
        password_stdin: bool,
    },
    /// Create the database if needed and fill it with demo data. On an empty folder it creates
    /// the administrator `admin` (password FRONTDESK_PASSWORD, or a generated one it prints) and
    /// one demo user per role, named after the role.
    Demo {
        #[arg(long, default_value_t = 500)]
        patients: usize,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Users: add, list, deactivate, reactivate, passwd, unlock, role, grant, revoke.
    #[command(subcommand)]
    User(user_cmd::UserCommand),
    /// The audit log: list, verify the hash chain, export CSV.
    #[command(subcommand)]
    Audit(user_cmd::AuditCommand),
    /// Patient records.
    #[command(subcommand)]
    Patient(PatientCommand),
    /// The office fee schedule (procedure codes and fees).
    #[command(subcommand)]
    Fees(FeesCommand),
    /// Insurance claims: worklists and printed forms.
    #[command(subcommand)]
    Claims(insurance_cmd::ClaimsCommand),
    /// The schedule.
    #[command(subcommand)]
    Schedule(schedule_cmd::ScheduleCommand),
    /// Coverages to verify before appointments in the next days (the office's look-ahead).
    Eligibility {
        #[arg(long)]
        json: bool,
    },
    /// Patients due back for recall care in a date range (default: up to 30 days ahead), overdue first.
    Recall {
        /// Due on or after this date (default: any, overdue included).
        #[arg(long, default_value = "")]
        from: String,
        #[arg(long, default_value = "")]
        until: String,
        /// Only those with nothing booked.
        #[arg(long)]
        unscheduled: bool,
        #[arg(long)]
        json: bool,
    },
    /// Print the clinic's timezone, or set it (an IANA name such as America/Chicago).
    Timezone { zone: Option<String> },
    /// The office's worklist limits in days (print; or change the ones given).
    Limits {
        #[arg(long)]
        claims_outstanding_days: Option<i64>,
        #[arg(long)]
        preauth_pending_days: Option<i64>,
        #[arg(long)]
        reverify_days: Option<i64>,
        #[arg(long)]
        eligibility_lookahead_days: Option<i64>,
    },
    /// A patient's treatment plan with each plan's estimate and the patient portion.
    TreatmentPlan {
        patient: i64,
        #[arg(long)]
        json: bool,
        /// Also print why: one line per estimate step.
        #[arg(long)]
        explain: bool,
    },
    /// Print the recovery code again (admin), optionally as a PDF.
    RecoveryKit {
        #[arg(long)]
        pdf: Option<PathBuf>,
    },
    /// Unlock with the recovery code and store the key in the keychain again.
    Unlock {
        /// The code from the recovery kit; `-` reads it from standard input.
        #[arg(long = "recovery-code")]
        recovery_code: String,
    },
    /// Write an encrypted backup of the database (same key) to FILE, or into DIR under a name
    /// with the time, with its manifest beside it (FILE.manifest.json); prints the file's path.
    Backup {
        file: Option<PathBuf>,
        #[arg(long, conflicts_with = "file")]
        to: Option<PathBuf>,
        /// Print `{"file","bytes","sha256",…}` (the manifest with the file's path).
        #[arg(long)]
        json: bool,
    },
    /// Check a backup against its manifest: checksum, that the key opens it, SQLite's integrity
    /// and foreign-key checks, the counts. Exit 1 on any difference.
    VerifyBackup {
        file: PathBuf,
        /// The code from the recovery kit; `-` reads it from standard input. Default: the keychain.
        #[arg(long = "recovery-code", conflicts_with = "passphrase")]
        recovery_code: Option<String>,
        /// The backup passphrase (backups made with one); `-` reads it from standard input.
        #[arg(long)]
        passphrase: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Restore an encrypted backup into the data folder (close FrontDesk first). The database it
    /// replaces is kept beside it. On a new computer give the recovery code.
    Restore {
        file: PathBuf,
        /// The code from the recovery kit; `-` reads it from standard input. Default: the keychain.
        #[arg(long = "recovery-code", conflicts_with = "passphrase")]
        recovery_code: Option<String>,
        /// The backup passphrase (backups made with one); `-` reads it from standard input.
        #[arg(long)]
        passphrase: Option<String>,
        /// Restore into this folder instead (a new computer: an empty or new folder).
        #[arg(long)]
        into: Option<PathBuf>,
        /// Replace the database already in the folder without asking (a safety copy is kept).
        #[arg(long)]
        yes: bool,
    },
    /// Show (or change) the automatic backups: the target folder, the daily time, on close, how
    /// many daily and monthly backups to keep; prints the schedule, the last result and whether
    /// the Today board warns. `--run-now-if-due` runs the scheduled backup if it is due.
    BackupSchedule {
        #[arg(long)]
        folder: Option<PathBuf>,
        /// "HH:MM" on the clinic's clock.
        #[arg(long = "daily-at", conflicts_with = "no_daily")]
        daily_at: Option<String>,
        #[arg(long = "no-daily")]
        no_daily: bool,
        #[arg(long = "on-close")]
        on_close: Option<bool>,
        #[arg(long = "keep-daily")]
        keep_daily: Option<u32>,
        #[arg(long = "keep-monthly")]
        keep_monthly: Option<u32>,
        #[arg(long = "run-now-if-due")]
        run_now_if_due: bool,
    },
    /// Set the office's backup passphrase (read from standard input): every later backup is
    /// encrypted with a key derived from it instead of the database key. `--clear` goes back.
    BackupPassphrase {
        #[arg(long)]
        clear: bool,
    },
    /// Re-encrypt the database under a new key; prints the new recovery code.
    Rekey,
    /// Estimate the patient portion for a scenario file (see shared/estimates/README.md).
    Estimate {
        file: PathBuf,
        #[arg(long)]
        explain: bool,
    },
    /// Print or save a statement, the check-in packets of a day, or a walkout receipt.
    #[command(subcommand)]
    Print(money_cmd::PrintCommand),
    /// Statement runs.
    #[command(subcommand)]
    Statements(money_cmd::StatementsCommand),
    /// A guarantor's account: every family member's ledger lines, balance, aging, patient due.
    Account {
        patient: i64,
        #[arg(long)]
        json: bool,
    },
    /// Take a payment (split over the family's open charges, oldest first).
    Pay {
        #[arg(long)]
        patient: i64,
        /// Dollars, e.g. 25.00.
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// cash, card or check.
        #[arg(long)]
        method: String,
        /// The card's last four digits or the check number.
        #[arg(long)]
        reference: Option<String>,
    },
    /// A day's charges, payments by type, adjustments and deposit totals.
    DaySheet {
        date: String,
        #[arg(long)]
        json: bool,
    },
    /// A report (needs "view reports"; audited): production, appointments, recall, new-patients
    /// and referrals (--from/--to,
    /// default today; appointments also --provider), aging, insurance-aging, unbilled, unearned
    /// (as of today). `--json`: money as decimal strings.
    Report {
        #[arg(value_enum)]
        name: report_cmd::ReportName,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        /// Only this provider's appointments (name or id).
        #[arg(long)]
        provider: Option<String>,
        /// Print the report as CSV (needs "print or export PHI"; audited as an export).
        #[arg(long, conflicts_with = "json")]
        csv: bool,
        #[arg(long)]
        json: bool,
    },
    /// The printers this computer can print to.
    Printers,
    /// Close the books through DATE: nothing may be posted on or before it (only moves forward).
    LockLedger { date: String },
    /// Benchmarks.
    #[command(subcommand)]
    Bench(BenchCommand),
}

#[derive(Subcommand)]
pub enum FeesCommand {
    /// Import a CSV with the columns code, description, fee (header row; `-` = standard input).
    /// New codes are added, changed ones updated; one bad row refuses the whole file.
    Import { file: PathBuf },
    /// List the fee schedule.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum PatientCommand {
    /// Search by name, phone digits, date of birth or chart number.
    Search {
        query: String,
        #[arg(long)]
        json: bool,
        #[arg(long)]
        include_archived: bool,
    },
    /// Show one patient's card (the read is audited).
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Add a patient from a JSON draft (fields as in docs/commands.md `PatientDraft`); `-` = stdin.
    Add {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Search latency over 100,000 patients, encrypted vs plaintext SQLite.
    Search {
        #[arg(long, default_value_t = 100_000)]
        patients: usize,
        #[arg(long, default_value_t = 5)]
        rounds: usize,
        #[arg(long)]
        json: bool,
    },
    /// Day load and first-available over 1,000,000 appointments (20 operatories, 30 providers,
    /// ten years), encrypted, with the day load on plaintext SQLite beside it.
    Schedule {
        #[arg(long, default_value_t = 1_000_000)]
        appointments: usize,
        #[arg(long, default_value_t = 5)]
        rounds: usize,
        #[arg(long)]
        json: bool,
    },
    /// 1000 statements of 20 ledger lines rendered to PDF, with builtin fonts and with the
    /// embedded font.
    Statements {
        #[arg(long, default_value_t = 1000)]
        statements: usize,
        #[arg(long, default_value_t = 20)]
        lines: usize,
        #[arg(long)]
        json: bool,
    },
    /// Fills an empty data folder for the real-window benchmark (`scripts/bench-ui.sh`): the demo
    /// office (administrator `admin`, password FRONTDESK_PASSWORD) for the first 5,000 patients,
    /// the rest of `--patients` added in bulk, 20 operatories and 30 providers, and
    /// `--appointments` more appointments over ten years. Not a timing itself.
    UiFolder {
        #[arg(long, default_value_t = 100_000)]
        patients: usize,
        #[arg(long, default_value_t = 1_000_000)]
        appointments: usize,
    },
    /// Procedure estimates per second for a realistic mix.
    Estimate {
        #[arg(long, default_value_t = 200_000)]
        procedures: usize,
        #[arg(long)]
        json: bool,
    },
}

fn main() -> std::process::ExitCode {
    // `frontdesk … | head` should end quietly when the reader goes away, as Unix tools do
    // (Rust ignores SIGPIPE by default, and printing then panics). The database is crash-safe.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of a signal at start-up, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    match rt.block_on(commands::run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            output::error(&e);
            std::process::ExitCode::from(1)
        }
    }
}
