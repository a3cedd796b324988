//! Opening the SQLCipher database: key first, then WAL, foreign keys, one writer.
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use zeroize::Zeroizing;

use crate::{Result, StoreError};

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// How the database file is keyed.
#[derive(Clone)]
pub enum DbKey {
    /// A raw 256-bit SQLCipher key (no KDF: opens in well under a millisecond).
    Raw(Zeroizing<[u8; 32]>),
    /// No encryption. Only for the benchmark's plaintext baseline.
    Plaintext,
}

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbKey::Raw(_) => f.write_str("DbKey::Raw([redacted])"),
            DbKey::Plaintext => f.write_str("DbKey::Plaintext"),
        }
    }
}

impl DbKey {
    fn pragma_value(&self) -> Option<String> {
        match self {
            DbKey::Raw(k) => Some(format!("\"x'{}'\"", hex::encode_upper(&k[..]))),
            DbKey::Plaintext => None,
        }
    }
}

/// The database: a single writer connection and a small pool of readers.
#[derive(Clone, Debug)]
pub struct Db {
    pub(crate) writer: SqlitePool,
    pub(crate) reader: SqlitePool,
    path: PathBuf,
}

/// Initialises SQLite (and SQLCipher with it) once per process, on one thread, before any
/// connection opens. `sqlite3_initialize` marks SQLite initialised *before* it runs SQLCipher's
/// own set-up (`sqlcipher_extra_init`, outside SQLite's init mutex), so a thread opening its first
/// connection while another thread was still in that set-up got SQLITE_ERROR from `PRAGMA key`
/// ("An error occurred with PRAGMA key or rekey …"; seen in CI on a test's first open). Here the
/// other threads wait until the first call has returned, and by then the set-up is complete.
fn initialise_sqlite() -> Result<()> {
    static INITIALISED: std::sync::OnceLock<std::os::raw::c_int> = std::sync::OnceLock::new();
    // SAFETY: `sqlite3_initialize` takes no arguments and may be called at any time, from any
    // thread; it is idempotent.
    let rc = *INITIALISED.get_or_init(|| {
        let rc = unsafe { libsqlite3_sys::sqlite3_initialize() };
        skip_sqlcipher_teardown_at_exit();
        rc
    });
    if rc == libsqlite3_sys::SQLITE_OK {
        Ok(())
    } else {
        Err(StoreError::Io(std::io::Error::other(format!(
            "the SQLite library could not be initialised (code {rc})"
        ))))
    }
}

/// SQLCipher's set-up registers an `atexit` handler that frees its mutexes and private heap. A
/// process that exits while another thread is still closing a connection (a pool dropped without
/// `close`, worker threads winding down) then crashed in that thread: SIGSEGV at exit, seen in CI
/// after every test of a binary had passed. Registered after SQLCipher's handler (handlers run in
/// reverse order), this one runs first and ends the process with the same status, so that
/// teardown never runs while other threads are still in SQLite (the OS reclaims the memory).
/// Rust's standard output is line-buffered and flushed before `exit`; C's is flushed here.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn skip_sqlcipher_teardown_at_exit() {
    extern "C" {
        // glibc: like `atexit`, with the status given to `exit`.
        fn on_exit(
            function: extern "C" fn(std::os::raw::c_int, *mut std::ffi::c_void),
            arg: *mut std::ffi::c_void,
        ) -> std::os::raw::c_int;
    }
    extern "C" fn end_now(status: std::os::raw::c_int, _: *mut std::ffi::c_void) {
        // SAFETY: both are async-signal-safe enough for an exit path; `_exit` does not return.
        unsafe {
            libc::fflush(std::ptr::null_mut());
            libc::_exit(status);
        }
    }
    // SAFETY: registers a plain C function with no captured state.
    unsafe {
        on_exit(end_now, std::ptr::null_mut());
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn skip_sqlcipher_teardown_at_exit() {}

fn options(path: &Path, key: &DbKey, create: bool) -> Result<SqliteConnectOptions> {
    initialise_sqlite()?;
    let mut o = SqliteConnectOptions::from_str("sqlite://")
        .map_err(StoreError::Sqlx)?
        .filename(path)
        .create_if_missing(create);
    if let Some(k) = key.pragma_value() {
        // SQLCipher requires the key before anything else touches the file.
        o = o.pragma("key", k).pragma("cipher_log_level", "NONE");
    }
    // A 32 MiB page cache per connection (default 2 MiB): with SQLCipher every page read from
    // disk is decrypted, so a cache that holds the patient indexes keeps searches at plaintext speed.
    o = o.pragma("cache_size", "-32768");
    Ok(o.journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5)))
}

impl Db {
    /// Opens an existing database. A wrong key gives [`StoreError::WrongKey`].
    pub async fn open(path: &Path, key: &DbKey) -> Result<Db> {
        if !path.exists() {
            return Err(StoreError::Missing);
        }
        Self::connect(path, key, false).await
    }

    /// Creates a new database file and applies every migration. The file is created exclusively
    /// (`O_EXCL`): when another process has just made one there, this fails with an
    /// `AlreadyExists` I/O error and touches nothing of it.
    pub async fn create(path: &Path, key: &DbKey) -> Result<Db> {
        // An empty file is an empty database to SQLite (and SQLCipher encrypts its first page).
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)?;
        let db = Self::connect_schema_first(path, key, false, true).await?;
        db.migrate().await?;
        Ok(db)
    }

    async fn connect(path: &Path, key: &DbKey, create: bool) -> Result<Db> {
        Self::connect_schema_first(path, key, create, false).await
    }

    /// `schema_first`: a new, empty file gets its schema through the writer before any read-only
    /// connection opens it (a read-only connection cannot key an empty encrypted file, and one
    /// opened while the first pages were being written failed now and then under load).
    async fn connect_schema_first(
        path: &Path,
        key: &DbKey,
        create: bool,
        schema_first: bool,
    ) -> Result<Db> {
        let opts = options(path, key, create)?;
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(opts.clone())
            .await?;
        // Touch the schema: with a wrong key this is where SQLCipher says "file is not a database".
        sqlx::query("SELECT count(*) FROM sqlite_master")
            .execute(&writer)
            .await?;
        if schema_first {
            MIGRATOR.run(&writer).await?;
        }
        let reader = SqlitePoolOptions::new()
            .max_connections(4)
            .min_connections(1)
            .connect_with(opts.read_only(true))
            .await?;
        Ok(Db {
            writer,
            reader,
            path: path.to_path_buf(),
        })
    }

    pub async fn migrate(&self) -> Result<()> {
        MIGRATOR.run(&self.writer).await?;
        crate::audit::seal_unchained(self).await?;
        Ok(())
    }

    /// Applies migrations up to and including `version` only (tests of upgrades from an older schema).
    pub async fn migrate_to(&self, version: i64) -> Result<()> {
        let older = sqlx::migrate::Migrator::with_migrations(
            MIGRATOR
                .iter()
                .filter(|m| m.version <= version)
                .cloned()
                .collect(),
        );
        older.run(&self.writer).await?;
        Ok(())
    }

    /// Creates an empty database file without applying migrations (upgrade tests).
    pub async fn create_empty(path: &Path, key: &DbKey) -> Result<Db> {
        Self::connect(path, key, true).await
    }

    /// The newest migration applied to this database.
    pub async fn schema_version(&self) -> Result<i64> {
        let v: Option<i64> =
            sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(&self.reader)
                .await?;
        Ok(v.unwrap_or(0))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Re-encrypts the database under a new key.
    pub async fn rekey(&self, new_key: &DbKey) -> Result<()> {
        let Some(k) = new_key.pragma_value() else {
            return Err(StoreError::FamilyRule(
                "a database cannot be rekeyed to plaintext",
            ));
        };
        // The reader connections keep the old key: close them first.
        self.reader.close().await;
        sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA rekey = {k}")))
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// Writes an encrypted copy (same key) of the database to `dest`.
    pub async fn backup_to(&self, dest: &Path) -> Result<()> {
        sqlx::query("VACUUM INTO ?")
            .bind(dest.to_string_lossy().to_string())
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// SQLite's `PRAGMA quick_check`: true when the file's structure is sound.
    pub async fn quick_check(&self) -> Result<bool> {
        let r: String = sqlx::query_scalar("PRAGMA quick_check")
            .fetch_one(&self.writer)
            .await?;
        Ok(r == "ok")
    }

    /// Checkpoints the WAL and closes every connection.
    pub async fn close(&self) {
        let _ = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.writer)
            .await;
        self.reader.close().await;
        self.writer.close().await;
    }
}
