//! Running FrontDesk from the command line: `init`, `demo`, `timezone`, `limits`,
//! `recovery-kit`, `unlock`, `backup`, `restore`, `rekey`.
use std::path::{Path, PathBuf};

use frontdesk_app::admin::backup_manifest::VerifyKey;
use frontdesk_app::admin::data_folder::DataDir;
use frontdesk_app::admin::folder_lock::FolderLock;
use frontdesk_app::admin::restore_backup::{restore_backup, RestoreKey};
use frontdesk_app::admin::worklist_limits::WorklistLimits;
use frontdesk_app::users::sign_in::FirstAdmin;
use frontdesk_app::{start, unlock_with_recovery_code, App, AppError, Config, ErrorCode, Started};

use crate::open_app::{no_database, read_input, with, Open};
use crate::output;

/// The first administrator's password: standard input's first line, or FRONTDESK_PASSWORD / a
/// prompt.
fn admin_password(username: &str, stdin: bool) -> Result<String, AppError> {
    if stdin {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_string());
    }
    crate::open_app::password_for(username)
}

/// `init`: a new database and its first administrator (an existing database without users,
/// e.g. from before users existed, gets its administrator too).
pub async fn init(
    cfg: Config,
    admin: Option<String>,
    full_name: Option<String>,
    password_stdin: bool,
) -> Result<(), AppError> {
    let Some(admin) = admin.filter(|a| !a.trim().is_empty()) else {
        return Err(AppError::invalid(
            "admin",
            "Name the first administrator: frontdesk init --admin NAME --password-stdin",
        ));
    };
    let new = !cfg.data_dir.has_database();
    if !new {
        // Refused before asking for a password.
        with_existing_users_check(&cfg).await?;
    }
    let password = admin_password(&admin, password_stdin)?;
    let first = FirstAdmin {
        full_name: full_name.unwrap_or_else(|| "Office Administrator".into()),
        username: admin.clone(),
        password: password.clone(),
    };
    first.check()?;
    with(cfg, Open::CreateIfMissing, async |app| {
        if !app.needs_first_admin().await? {
            return Err(already_has_users());
        }
        let me = app.create_first_admin(&first).await?;
        eprintln!("administrator: {}", me.username);
        if new {
            crate::open_app::print_new_database(app, &password).await?;
        }
        println!("{}", app.db().path().display());
        Ok(())
    })
    .await
}

fn already_has_users() -> AppError {
    AppError::new(
        ErrorCode::AlreadyInitialized,
        "a FrontDesk database with users already exists in that folder",
    )
}

async fn with_existing_users_check(cfg: &Config) -> Result<(), AppError> {
    let app = match start(cfg.clone()).await? {
        Started::Ready(app) | Started::Created(app) => app,
        Started::Locked(_) => return Err(already_has_users()),
    };
    let needs = app.needs_first_admin().await;
    app.close().await;
    if needs? {
        Ok(())
    } else {
        Err(already_has_users())
    }
}

/// A password for the demo administrator when FRONTDESK_PASSWORD is not set (printed once).
fn generated_password() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..16].to_string()
}

pub async fn demo(cfg: Config, patients: usize, seed: u64) -> Result<(), AppError> {
    let new = !cfg.data_dir.has_database();
    with(cfg, Open::CreateIfMissing, async |app| {
        let password = if app.needs_first_admin().await? {
            let (password, generated) = match std::env::var("FRONTDESK_PASSWORD") {
                Ok(p) => (p, false),
                Err(_) => (generated_password(), true),
            };
            app.create_first_admin(&FirstAdmin {
                full_name: "Office Administrator".into(),
                username: "admin".into(),
                password: password.clone(),
            })
            .await?;
            if generated {
                eprintln!("administrator: admin  password: {password}  (change it: frontdesk user passwd admin)");
            }
            if new {
                crate::open_app::print_new_database(app, &password).await?;
            }
            password
        } else {
            crate::open_app::sign_in(app).await?
        };
        let users = frontdesk_demo::add_demo_users(app, &password).await?;
        if users > 0 {
            eprintln!("demo users (same password): front_desk, billing, clinical, manager");
        }
        if app.patient_count().await? > 0 {
            return Err(AppError::new(
                ErrorCode::AlreadyInitialized,
                "the database already has patients; demo data goes into an empty database",
            ));
        }
        let s = frontdesk_demo::load_demo(app, patients, seed).await?;
        println!(
            "demo data: {} patients ({} families, {} with insurance), {} providers, {} operatories, {} appointments",
            s.patients, s.families, s.covered, s.providers, s.operatories, s.appointments
        );
        Ok(())
    })
    .await
}

pub async fn timezone(app: &mut App, zone: Option<String>) -> Result<(), AppError> {
    if let Some(z) = zone {
        app.set_clinic_timezone(&z).await?;
    }
    println!("{}", app.clinic_timezone().name());
    Ok(())
}

/// The new value of each limit given on the command line (`None`: unchanged).
pub struct LimitChanges {
    pub claims_outstanding_days: Option<i64>,
    pub preauth_pending_days: Option<i64>,
    pub reverify_days: Option<i64>,
    pub eligibility_lookahead_days: Option<i64>,
}

pub async fn limits(app: &App, c: LimitChanges) -> Result<(), AppError> {
    let old = app.worklist_limits().await?;
    let new = WorklistLimits {
        claims_outstanding_days: c
            .claims_outstanding_days
            .unwrap_or(old.claims_outstanding_days),
        preauth_pending_days: c.preauth_pending_days.unwrap_or(old.preauth_pending_days),
        reverify_days: c.reverify_days.unwrap_or(old.reverify_days),
        eligibility_lookahead_days: c
            .eligibility_lookahead_days
            .unwrap_or(old.eligibility_lookahead_days),
    };
    if new != old {
        app.set_worklist_limits(&new).await?;
    }
    output::json(&app.worklist_limits().await?);
    Ok(())
}

/// The recovery kit asks for the password again (FRONTDESK_PASSWORD, or a second prompt).
pub async fn recovery_kit(app: &App, pdf: Option<PathBuf>) -> Result<(), AppError> {
    let password = crate::open_app::password_for(&app.actor())?;
    let kit = app.recovery_kit(&password).await?;
    println!("{}", kit.code);
    if let Some(path) = pdf {
        std::fs::write(&path, app.recovery_kit_pdf(&password).await?)?;
        eprintln!("saved {}", path.display());
    }
    Ok(())
}

/// A code given as `-` is read from standard input.
fn code_from(arg: &str) -> Result<String, AppError> {
    if arg == "-" {
        read_input(Path::new("-"))
    } else {
        Ok(arg.to_string())
    }
}

pub async fn unlock(cfg: Config, recovery_code: &str) -> Result<(), AppError> {
    if !cfg.data_dir.has_database() {
        return Err(no_database(&cfg));
    }
    let code = code_from(recovery_code)?;
    let app = match start(cfg).await? {
        Started::Locked(l) => {
            let app = unlock_with_recovery_code(&l, &code).await?;
            println!("unlocked; the key is back in this computer's keychain");
            app
        }
        Started::Ready(app) | Started::Created(app) => {
            println!("already unlocked: the keychain holds this database's key");
            app
        }
    };
    app.close().await;
    Ok(())
}

/// Prints the backup file's path (with `--json`: the manifest, `file` being the full path).
pub async fn backup(
    app: &App,
    file: Option<PathBuf>,
    to: Option<PathBuf>,
    json: bool,
) -> Result<(), AppError> {
    let (mut m, path) = match (file, to) {
        (Some(file), None) => (app.backup(&file).await?, file),
        (None, Some(dir)) => {
            let m = app.backup_to_folder(&dir).await?;
            let path = dir.join(&m.file);
            (m, path)
        }
        _ => return Err(AppError::invalid("file", "Give a backup FILE or --to DIR.")),
    };
    m.file = path.display().to_string();
    if json {
        output::json(&m);
    } else {
        println!("{}", m.file);
        eprintln!(
            "encrypted backup written: {} bytes, sha256 {}; manifest beside it",
            m.bytes, m.sha256
        );
    }
    Ok(())
}

pub async fn verify_backup(
    cfg: Config,
    file: &Path,
    recovery_code: Option<&str>,
    passphrase: Option<&str>,
    json: bool,
) -> Result<(), AppError> {
    let code = recovery_code.map(code_from).transpose()?;
    let phrase = passphrase.map(code_from).transpose()?;
    let key = match (&code, &phrase) {
        (Some(c), _) => VerifyKey::RecoveryCode(c.trim()),
        (None, Some(p)) => VerifyKey::Passphrase(p.trim_end_matches(['\r', '\n'])),
        (None, None) => VerifyKey::Keychain,
    };
    let v = frontdesk_app::admin::backup_manifest::verify_backup(&cfg, file, key).await?;
    let m = &v.manifest;
    if json {
        output::json(m);
    } else {
        println!(
            "ok: checksum, key, integrity and foreign keys; {} patients, {} appointments, {} ledger entries, {} audit entries (schema {}, made {})",
            m.patients, m.appointments, m.ledger_entries, m.audit_entries, m.schema_version, m.created_at
        );
    }
    Ok(())
}

/// `restore --into DIR`: a new folder (e.g. on a new computer) that holds no database yet.
pub fn into_folder(dir: PathBuf) -> Result<Config, AppError> {
    let cfg = Config::new(DataDir::new(dir));
    if cfg.data_dir.has_database() {
        return Err(AppError::new(
            ErrorCode::AlreadyInitialized,
            "--into needs a folder without a FrontDesk database (restore into the live folder without --into)",
        ));
    }
    Ok(cfg)
}

/// Asks on the terminal before the live database is replaced; without a terminal, no.
fn confirmed(cfg: &Config) -> Result<bool, AppError> {
    use std::io::{BufRead, IsTerminal, Write};
    if !std::io::stdin().is_terminal() {
        return Ok(false);
    }
    eprint!(
        "Replace the FrontDesk database in {} with the backup? A safety copy of it is kept. [y/N] ",
        cfg.data_dir.root().display()
    );
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "Yes"))
}

/// Restores a backup; on a new computer (no database yet) the recovery code sets the folder up.
pub async fn restore(
    cfg: Config,
    file: &Path,
    recovery_code: Option<&str>,
    passphrase: Option<&str>,
    yes: bool,
) -> Result<(), AppError> {
    // Refused while FrontDesk is open on the folder (it holds the folder's lock).
    let _lock = FolderLock::acquire(&cfg.data_dir)?;
    if cfg.data_dir.has_database() && !yes && !confirmed(&cfg)? {
        return Err(AppError::new(
            ErrorCode::Refused,
            "not restored: replacing the database needs a yes (give --yes to confirm)",
        ));
    }
    if cfg.data_dir.has_database() {
        // Replacing a live database: only a user with "backups and restore", and audited.
        let app = match start(cfg.clone()).await? {
            Started::Ready(app) | Started::Created(app) => app,
            Started::Locked(_) => {
                return Err(AppError::new(
                    ErrorCode::KeychainMissing,
                    "the live database is locked: unlock it first (frontdesk unlock)",
                ))
            }
        };
        let approved = async {
            crate::open_app::sign_in(&app).await?;
            app.approve_restore().await
        }
        .await;
        app.close().await;
        approved?;
    }
    let code = recovery_code.map(code_from).transpose()?;
    let phrase = passphrase.map(code_from).transpose()?;
    let key = match (&code, &phrase) {
        (Some(c), _) => RestoreKey::RecoveryCode(c.trim()),
        (None, Some(p)) => RestoreKey::Passphrase(p.trim_end_matches(['\r', '\n'])),
        (None, None) => RestoreKey::Keychain,
    };
    let done = restore_backup(&cfg, file, key).await?;
    println!("restored {}", file.display());
    if let Some(code) = &done.new_recovery_code {
        eprintln!(
            "The restored database has a new key on this computer. RECOVERY CODE (print it):"
        );
        eprintln!("  {code}");
    }
    if let Some(old) = done.replaced {
        println!("the database it replaced is kept at {}", old.display());
    }
    Ok(())
}

/// `backup-passphrase`: sets the office's backup passphrase from standard input, or clears it.
pub async fn backup_passphrase(app: &App, clear: bool) -> Result<(), AppError> {
    if clear {
        app.set_backup_passphrase(None).await?;
        println!("backups are encrypted with the database key again");
    } else {
        let p = read_input(Path::new("-"))?;
        app.set_backup_passphrase(Some(p.trim_end_matches(['\r', '\n'])))
            .await?;
        println!("backups are now encrypted with the backup passphrase (keep it safe: without it they cannot be opened)");
    }
    Ok(())
}

/// What `backup-schedule` changes (`None`: unchanged).
pub struct ScheduleChanges {
    pub folder: Option<PathBuf>,
    pub daily_at: Option<Option<String>>,
    pub on_close: Option<bool>,
    pub keep_daily: Option<u32>,
    pub keep_monthly: Option<u32>,
    pub run_now_if_due: bool,
}

pub async fn backup_schedule(app: &App, c: ScheduleChanges) -> Result<(), AppError> {
    use frontdesk_app::admin::backup_schedule::{BackupSchedule, BackupTrigger};
    let old = app.backup_schedule().await?;
    let folder = match c.folder {
        Some(f) => Some(std::path::absolute(&f)?.display().to_string()),
        None => old.folder.clone(),
    };
    let new = BackupSchedule {
        folder,
        daily_at: c.daily_at.unwrap_or(old.daily_at.clone()),
        on_close: c.on_close.unwrap_or(old.on_close),
        keep_daily: c.keep_daily.unwrap_or(old.keep_daily),
        keep_monthly: c.keep_monthly.unwrap_or(old.keep_monthly),
    };
    if new != old {
        app.set_backup_schedule(&new).await?;
    }
    if c.run_now_if_due {
        if let Some(file) = app.run_due_backup(BackupTrigger::Scheduled).await? {
            eprintln!("backed up to {}", file.display());
        }
    }
    output::json(&app.backup_health().await?);
    Ok(())
}

pub async fn rekey(app: &mut App) -> Result<(), AppError> {
    let code = app.rekey().await?;
    println!("{}", code.as_str());
    eprintln!(
        "The database has a new key; the old recovery code no longer works. Print the new one."
    );
    Ok(())
}
