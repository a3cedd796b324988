//! The one way the CLI opens FrontDesk: find the data folder, refuse a folder without a database
//! (unless the command is one that creates it), unlock with the keychain, run the command, close.
use std::io::Read;
use std::path::Path;

use frontdesk_app::admin::data_folder::DataDir;
use frontdesk_app::admin::folder_lock::FolderLock;
use frontdesk_app::{start, App, AppError, Config, ErrorCode, LockReason, Started};

use crate::Cli;

/// Whether the command may create a database where there is none, and whether it needs the
/// data folder to itself.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// Most commands: a folder without a database is an error. They are safe beside a running
    /// desktop app (SQLite serialises the writers of one database on one computer).
    Existing,
    /// `rekey`: re-encrypts the whole file, so it takes the folder's lock and refuses while the
    /// desktop app (or another such command) has the folder open.
    ExistingAlone,
    /// `init` and `demo`: create the encrypted database (and print its recovery code), holding
    /// the folder's lock. They sign in themselves (they may create the first administrator).
    CreateIfMissing,
}

pub fn config(cli: &Cli) -> Config {
    let dir = cli
        .data_dir
        .clone()
        .map(DataDir::new)
        .unwrap_or_else(DataDir::default_location);
    Config::new(dir)
}

/// The error for a folder that holds no database (a typo in `--data-dir` must not make one).
pub fn no_database(cfg: &Config) -> AppError {
    AppError::new(
        ErrorCode::NotFound,
        format!(
            "no FrontDesk database in {} (run frontdesk init)",
            cfg.data_dir.root().display()
        ),
    )
}

static USER: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

/// The `--user` / FRONTDESK_USER given on the command line.
pub fn set_user(user: Option<String>) {
    let _ = USER.set(user.filter(|u| !u.trim().is_empty()));
}

pub fn user_arg() -> Option<String> {
    USER.get().cloned().flatten()
}

/// The password: FRONTDESK_PASSWORD, else a prompt when standard input is a terminal.
pub fn password_for(username: &str) -> Result<String, AppError> {
    if let Ok(p) = std::env::var("FRONTDESK_PASSWORD") {
        return Ok(p);
    }
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password(format!("Password for {username}: "))
            .map_err(|e| AppError::new(ErrorCode::Unauthorized, format!("no password: {e}")));
    }
    Err(AppError::new(
        ErrorCode::Unauthorized,
        "no password: set FRONTDESK_PASSWORD or run on a terminal",
    ))
}

/// Signs in as `--user` with the password; returns the password (the recovery kit asks again).
pub async fn sign_in(app: &App) -> Result<String, AppError> {
    if app.needs_first_admin().await? {
        return Err(AppError::new(
            ErrorCode::Unauthorized,
            "this office has no users yet: run frontdesk init --admin NAME --password-stdin",
        ));
    }
    let Some(user) = user_arg() else {
        return Err(AppError::new(
            ErrorCode::Unauthorized,
            "who is acting? give --user NAME (or set FRONTDESK_USER)",
        ));
    };
    let password = password_for(&user)?;
    app.sign_in(&user, &password).await?;
    Ok(password)
}

/// Opens the database with the key from the keychain; a locked database is an error here.
async fn open(cfg: Config) -> Result<App, AppError> {
    match start(cfg).await? {
        Started::Ready(app) | Started::Created(app) => Ok(app),
        Started::Locked(l) => Err(AppError::new(
            match l.reason {
                LockReason::KeychainMissing => ErrorCode::KeychainMissing,
                LockReason::KeychainUnavailable => ErrorCode::KeychainUnavailable,
            },
            format!("{} (frontdesk unlock --recovery-code CODE)", l.message),
        )),
    }
}

/// Opens the database, runs `f`, and closes the database whether `f` succeeded or not.
pub async fn with(
    cfg: Config,
    how: Open,
    f: impl AsyncFnOnce(&mut App) -> Result<(), AppError>,
) -> Result<(), AppError> {
    // Before the lock: taking it would leave a lock file in a folder that holds no database.
    if how != Open::CreateIfMissing && !cfg.data_dir.has_database() {
        return Err(no_database(&cfg));
    }
    let _lock = match how {
        Open::Existing => None,
        Open::ExistingAlone | Open::CreateIfMissing => Some(FolderLock::acquire(&cfg.data_dir)?),
    };
    let mut app = open(cfg).await?;
    let r = async {
        if how != Open::CreateIfMissing {
            sign_in(&app).await?;
        }
        f(&mut app).await
    }
    .await;
    let _ = app.sign_out().await;
    app.close().await;
    r
}

/// After `init` or `demo` made a new database: the recovery code, once.
pub async fn print_new_database(app: &App, password: &str) -> Result<(), AppError> {
    let kit = app.recovery_kit(password).await?;
    eprintln!(
        "Created a new encrypted FrontDesk database; its key is in this computer's keychain."
    );
    eprintln!(
        "RECOVERY CODE (print it and keep it safe — without it a lost keychain means lost data):"
    );
    eprintln!("  {}", kit.code);
    Ok(())
}

/// A file's text, or standard input for `-`.
pub fn read_input(path: &Path) -> Result<String, AppError> {
    let mut s = String::new();
    if path == Path::new("-") {
        std::io::stdin().read_to_string(&mut s)?;
    } else {
        s = std::fs::read_to_string(path)?;
    }
    Ok(s)
}
