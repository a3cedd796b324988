//! Opening FrontDesk: first run creates the database and its key; later runs take the key from
//! the keychain; without it the app is `Locked` until the recovery code is typed.
//! A new key is never made where a database already exists.
use frontdesk_access::Permission;
use std::sync::Arc;

use chrono_tz::Tz;
use frontdesk_domain::{Clock, SystemClock};
use frontdesk_store::{settings, Db, DbKey, StoreError};
use frontdesk_vault::{DatabaseKey, KeyStore, OsKeychain, RecoveryCode, VaultError};

use crate::admin::data_folder::{DataDir, Identity};
use crate::admin::startup_status::{AppStatus, LockReason};
use crate::{AppError, ErrorCode};

pub const SETTING_TIMEZONE: &str = "clinic_timezone";
pub const SETTING_DATABASE_ID: &str = "database_id";
pub const SETTING_KIT_ACKNOWLEDGED: &str = "recovery_kit_acknowledged";

#[derive(Clone)]
pub struct Config {
    pub data_dir: DataDir,
    pub keystore: Arc<dyn KeyStore>,
    pub clock: Arc<dyn Clock>,
}

impl Config {
    /// The real thing: OS keychain, system clock.
    pub fn new(data_dir: DataDir) -> Self {
        Self {
            data_dir,
            keystore: Arc::new(OsKeychain::default()),
            clock: Arc::new(SystemClock),
        }
    }
}

/// An unlocked FrontDesk.
pub struct App {
    pub(crate) db: Db,
    pub(crate) cfg: Config,
    pub(crate) key: DatabaseKey,
    pub(crate) tz: Tz,
    pub(crate) database_id: String,
    /// Who is signed in (see `users::session`).
    pub(crate) session: crate::users::session::Session,
}

/// A database that exists but whose key the keychain could not give.
pub struct Locked {
    pub cfg: Config,
    pub reason: LockReason,
    pub message: String,
}

pub enum Started {
    /// Opened with the key from the keychain.
    Ready(App),
    /// First run: a new database was made; show the recovery kit.
    Created(App),
    Locked(Locked),
}

impl std::fmt::Debug for Started {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Started::Ready(_) => "Ready",
            Started::Created(_) => "Created",
            Started::Locked(_) => "Locked",
        })
    }
}

pub async fn start(cfg: Config) -> Result<Started, AppError> {
    if !cfg.data_dir.has_database() {
        return create(cfg).await.map(Started::Created);
    }
    let identity = cfg.data_dir.read_identity()?;
    let key = match cfg.keystore.load(&identity.database_id) {
        Ok(k) => k,
        Err(e) => return Ok(Started::Locked(locked(cfg, &e))),
    };
    match open(cfg.clone(), &identity, key).await {
        Ok(app) => Ok(Started::Ready(app)),
        Err(e) if e.code == ErrorCode::WrongKey => {
            if let Some(app) = open_with_staged_key(&cfg, &identity).await? {
                return Ok(Started::Ready(app));
            }
            Ok(Started::Locked(Locked {
                cfg,
                reason: LockReason::KeychainMissing,
                message:
                    "The key in this computer's keychain does not open the FrontDesk database. \
                      Unlock with the recovery code."
                        .into(),
            }))
        }
        Err(e) => Err(e),
    }
}

/// The keychain entry that holds a new key while the database is re-encrypted under it.
fn staged_key_id(database_id: &str) -> String {
    format!("{database_id}.next-key")
}

/// A rekey that stopped after re-encrypting (the keychain refused the switch, or the process
/// ended) leaves the new key staged: open with it, and make it the key of record.
async fn open_with_staged_key(cfg: &Config, identity: &Identity) -> Result<Option<App>, AppError> {
    let staged_id = staged_key_id(&identity.database_id);
    let Ok(staged) = cfg.keystore.load(&staged_id) else {
        return Ok(None);
    };
    let app = match open(cfg.clone(), identity, staged.clone()).await {
        Ok(app) => app,
        Err(e) if e.code == ErrorCode::WrongKey => return Ok(None),
        Err(e) => return Err(e),
    };
    cfg.keystore.store(&identity.database_id, &staged)?;
    let _ = cfg.keystore.delete(&staged_id);
    // The new key's recovery code has not been confirmed as printed.
    settings::set(&app.db, SETTING_KIT_ACKNOWLEDGED, "false").await?;
    Ok(Some(app))
}

fn locked(cfg: Config, e: &VaultError) -> Locked {
    let (reason, message) = match e {
        VaultError::KeychainUnavailable(_) => (
            LockReason::KeychainUnavailable,
            "FrontDesk cannot reach this computer's keychain to get the database key. \
             Unlock with the recovery code, or check that you are logged in to the desktop session."
                .to_string(),
        ),
        _ => (
            LockReason::KeychainMissing,
            "This computer's keychain has no key for the FrontDesk database (the keychain may have \
             been reset or the data moved to another computer). Unlock with the recovery code."
                .to_string(),
        ),
    };
    Locked {
        cfg,
        reason,
        message,
    }
}

async fn create(cfg: Config) -> Result<App, AppError> {
    std::fs::create_dir_all(cfg.data_dir.root())?;
    let key = DatabaseKey::generate()?;
    let identity = Identity {
        database_id: uuid::Uuid::new_v4().to_string(),
        created_at: cfg.clock.now(),
    };
    // The exclusive create is the lock: a second process starting at the same moment gets
    // `AlreadyExists` here and must not remove what the first one made.
    let db = match Db::create(&cfg.data_dir.db_path(), &DbKey::Raw(key.bytes())).await {
        Ok(db) => db,
        Err(StoreError::Io(e)) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(AppError::new(
                ErrorCode::AlreadyInitialized,
                "another FrontDesk has just created the database in this folder; start again",
            ))
        }
        Err(e) => {
            cfg.data_dir.remove_new_database(false);
            return Err(e.into());
        }
    };
    let mut identity_written = false;
    let result = async {
        settings::set(&db, SETTING_DATABASE_ID, &identity.database_id).await?;
        settings::set(&db, SETTING_KIT_ACKNOWLEDGED, "false").await?;
        let tz = iana_time_zone::get_timezone()
            .ok()
            .filter(|t| t.parse::<Tz>().is_ok());
        settings::set(&db, SETTING_TIMEZONE, tz.as_deref().unwrap_or("UTC")).await?;
        cfg.data_dir.write_identity(&identity)?;
        identity_written = true;
        // The key goes into the keychain before anyone can put data in the database.
        cfg.keystore.store(&identity.database_id, &key)?;
        Ok::<(), AppError>(())
    }
    .await;
    db.close().await;
    match result {
        Ok(()) => open(cfg, &identity, key).await,
        Err(e) => {
            // Only what this process made: its own database file and, if written, its identity.
            cfg.data_dir.remove_new_database(identity_written);
            Err(e)
        }
    }
}

async fn open(cfg: Config, identity: &Identity, key: DatabaseKey) -> Result<App, AppError> {
    let db = Db::open(&cfg.data_dir.db_path(), &DbKey::Raw(key.bytes())).await?;
    db.migrate().await?;
    let stored_id = settings::get(&db, SETTING_DATABASE_ID).await?;
    if stored_id.as_deref() != Some(identity.database_id.as_str()) {
        return Err(AppError::new(
            ErrorCode::Storage,
            "the database does not match its identity file; restore both from the same backup",
        ));
    }
    let tz = settings::get(&db, SETTING_TIMEZONE)
        .await?
        .and_then(|t| t.parse::<Tz>().ok())
        .unwrap_or(Tz::UTC);
    Ok(App {
        db,
        cfg,
        key,
        tz,
        database_id: identity.database_id.clone(),
        session: Default::default(),
    })
}

/// Opens a locked database with the recovery code and puts the key back into the keychain.
/// A wrong code changes nothing.
pub async fn unlock_with_recovery_code(locked: &Locked, code: &str) -> Result<App, AppError> {
    let key = RecoveryCode::parse_key(code)?;
    let identity = locked.cfg.data_dir.read_identity()?;
    let app = match open(locked.cfg.clone(), &identity, key.clone()).await {
        Err(e) if e.code == ErrorCode::WrongKey => {
            return Err(AppError::new(
                ErrorCode::InvalidRecoveryCode,
                "That recovery code does not open this database. Check it against the printed recovery kit.",
            ))
        }
        other => other?,
    };
    locked.cfg.keystore.store(&identity.database_id, &key)?;
    // Whoever typed the code has the kit: no need to show it again at start-up.
    app.mark_recovery_kit_acknowledged().await?;
    Ok(app)
}

impl App {
    /// What the window shows: the first-administrator form, the sign-in or lock screen, or the
    /// signed-in user (and whether the recovery kit still waits to be printed).
    pub async fn current_status(&self) -> Result<AppStatus, AppError> {
        let ack = settings::get(&self.db, SETTING_KIT_ACKNOWLEDGED).await?;
        let auto_lock_minutes = self.read_security_settings().await?.auto_lock_minutes;
        Ok(AppStatus::Ready {
            recovery_kit_pending: ack.as_deref() != Some("true"),
            needs_first_admin: self.needs_first_admin().await?,
            user: self.signed_in(),
            locked_user: self.locked_user(),
            auto_lock_minutes,
        })
    }

    pub fn clinic_timezone(&self) -> Tz {
        self.tz
    }

    pub fn database_id(&self) -> &str {
        &self.database_id
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Now, from the injected clock.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.cfg.clock.now()
    }

    /// Today on the clinic's clock.
    pub fn today(&self) -> chrono::NaiveDate {
        self.cfg.clock.today_in(self.tz)
    }

    /// Re-encrypts the database under a fresh key and returns the new recovery code (the old one
    /// stops working). The order keeps a key for the database in the keychain at every moment:
    /// the new key is staged in the keychain first, then the database is re-encrypted, then the
    /// keychain entry is switched. If the switch fails, start-up opens with the staged key (and
    /// `recovery_kit` already shows the new code).
    pub async fn rekey(&mut self) -> Result<RecoveryCode, AppError> {
        self.require(Permission::BackupsRestore).await?;
        let new_key = DatabaseKey::generate()?;
        let staged_id = staged_key_id(&self.database_id);
        self.cfg.keystore.store(&staged_id, &new_key)?;
        if let Err(e) = self.db.rekey(&DbKey::Raw(new_key.bytes())).await {
            let _ = self.cfg.keystore.delete(&staged_id);
            let old_key = self.key.clone();
            self.reopen(old_key).await?;
            return Err(e.into());
        }
        self.reopen(new_key).await?;
        settings::set(&self.db, SETTING_KIT_ACKNOWLEDGED, "false").await?;
        if let Err(e) = self.cfg.keystore.store(&self.database_id, &self.key) {
            return Err(AppError::new(
                AppError::from(e).code,
                "The database has its new key, but the keychain did not take it; FrontDesk keeps \
                 it as a staged entry and opens with it next time. Print the new recovery kit now.",
            ));
        }
        let _ = self.cfg.keystore.delete(&staged_id);
        Ok(RecoveryCode::from_key(&self.key))
    }

    /// Closes the connections and opens the database again with `key`.
    async fn reopen(&mut self, key: DatabaseKey) -> Result<(), AppError> {
        self.db.close().await;
        self.db = Db::open(&self.cfg.data_dir.db_path(), &DbKey::Raw(key.bytes())).await?;
        self.key = key;
        Ok(())
    }

    /// Writes an encrypted backup (same key) to `dest`: into a temporary file in the destination
    /// folder, which is checked (it opens with the key and passes the integrity check) and synced
    /// before it is renamed to `dest`, so `dest` is either a whole, checked backup or absent.
    /// Writes the manifest beside it (see `backup_manifest`) and returns it.
    pub async fn backup(
        &self,
        dest: &std::path::Path,
    ) -> Result<crate::admin::backup_manifest::BackupManifest, AppError> {
        self.require(Permission::BackupsRestore).await?;
        let m = self.write_backup(dest, &self.actor()).await?;
        self.record_manual_backup(dest, m.bytes).await?;
        Ok(m)
    }

    /// Changes the clinic's timezone; an unknown name is a validation error and changes nothing.
    pub async fn set_clinic_timezone(&mut self, name: &str) -> Result<(), AppError> {
        self.require(Permission::OfficeSetup).await?;
        let tz: Tz = name.trim().parse().map_err(|_| {
            AppError::from(frontdesk_domain::ValidationErrors(vec![
                frontdesk_domain::FieldError::new(
                    "timezone",
                    "is not a timezone name (e.g. America/Chicago)",
                ),
            ]))
        })?;
        settings::set(&self.db, SETTING_TIMEZONE, tz.name()).await?;
        self.tz = tz;
        Ok(())
    }

    pub async fn close(self) {
        self.db.close().await;
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::sync::Mutex;

    use super::*;
    use crate::admin::data_folder::{DB_FILE, IDENTITY_FILE};

    #[derive(Default)]
    struct Keys(Mutex<HashMap<String, DatabaseKey>>);

    impl KeyStore for Keys {
        fn load(&self, id: &str) -> Result<DatabaseKey, VaultError> {
            self.0
                .lock()
                .unwrap()
                .get(id)
                .cloned()
                .ok_or(VaultError::KeychainMissing)
        }
        fn store(&self, id: &str, key: &DatabaseKey) -> Result<(), VaultError> {
            self.0.lock().unwrap().insert(id.into(), key.clone());
            Ok(())
        }
        fn delete(&self, id: &str) -> Result<(), VaultError> {
            self.0.lock().unwrap().remove(id);
            Ok(())
        }
    }

    fn config(dir: &std::path::Path) -> Config {
        Config {
            data_dir: DataDir::new(dir),
            keystore: Arc::new(Keys::default()),
            clock: Arc::new(SystemClock),
        }
    }

    /// A second process that saw an empty folder and then finds another's brand-new database
    /// must fail without removing it (the old code deleted the database and its identity).
    #[tokio::test]
    async fn creating_where_another_process_just_created_deletes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let winner = match start(config(dir.path())).await.unwrap() {
            Started::Created(app) => app,
            other => panic!("expected a new database, got {other:?}"),
        };
        winner.close().await;
        let db_before = std::fs::read(dir.path().join(DB_FILE)).unwrap();
        let id_before = std::fs::read(dir.path().join(IDENTITY_FILE)).unwrap();

        let Err(e) = create(config(dir.path())).await else {
            panic!("a second create must fail");
        };
        assert_eq!(e.code, ErrorCode::AlreadyInitialized, "{}", e.message);
        assert_eq!(std::fs::read(dir.path().join(DB_FILE)).unwrap(), db_before);
        assert_eq!(
            std::fs::read(dir.path().join(IDENTITY_FILE)).unwrap(),
            id_before
        );
    }
}
