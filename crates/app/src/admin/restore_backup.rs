//! Restoring an encrypted backup into the data folder — after a damaged disk, or onto a new
//! computer. The backup must open with the key (from the keychain, or typed as the recovery
//! code), pass SQLite's integrity check and belong to this folder's database. The database it
//! replaces is kept beside it. When any check fails nothing in the folder changes.
//! Run it with FrontDesk closed.
use std::path::{Path, PathBuf};

use frontdesk_store::{settings, Db, DbKey, StoreError};
use frontdesk_vault::{DatabaseKey, RecoveryCode};

use crate::admin::data_folder::{Identity, DB_FILE};
use crate::admin::lifecycle::{Config, SETTING_DATABASE_ID};
use crate::{App, AppError, ErrorCode};

/// Where the key of the backup comes from.
pub enum RestoreKey<'a> {
    /// The keychain entry of the database already in the data folder.
    Keychain,
    /// The recovery code from the recovery kit (needed on a new computer).
    RecoveryCode(&'a str),
    /// The office's backup passphrase, for backups made with one (the manifest beside the backup
    /// gives the key's parameters). The restored database is re-encrypted under this folder's
    /// key, or on a new computer under a new key (its recovery code is returned).
    Passphrase(&'a str),
}

#[derive(Debug)]
pub struct Restored {
    pub database_id: String,
    /// Where the database that was replaced now lives, if there was one.
    pub replaced: Option<PathBuf>,
    /// A passphrase backup restored onto a new computer gets a new database key: its recovery
    /// code (print it).
    pub new_recovery_code: Option<String>,
}

pub async fn restore_backup(
    cfg: &Config,
    backup: &Path,
    key: RestoreKey<'_>,
) -> Result<Restored, AppError> {
    if !backup.is_file() {
        return Err(AppError::new(
            ErrorCode::NotFound,
            "the backup file does not exist",
        ));
    }
    let dir = &cfg.data_dir;
    let identity = if dir.has_database() {
        Some(dir.read_identity()?)
    } else {
        None
    };
    let by_passphrase = matches!(key, RestoreKey::Passphrase(_));
    let key = match key {
        RestoreKey::RecoveryCode(code) => RecoveryCode::parse_key(code)?,
        RestoreKey::Passphrase(p) => {
            let m = crate::admin::backup_manifest::read_manifest(backup)?;
            crate::admin::backup_manifest::backup_key_from_passphrase(&m, p)?
        }
        RestoreKey::Keychain => match &identity {
            Some(id) => cfg.keystore.load(&id.database_id)?,
            None => return Err(AppError::new(
                ErrorCode::Validation,
                "this data folder has no FrontDesk database yet; restore with the recovery code",
            )),
        },
    };

    // Check a private copy: the file given is never opened for writing.
    std::fs::create_dir_all(dir.root())?;
    let staged = dir.root().join(format!("{DB_FILE}.restoring"));
    remove_with_sidecars(&staged);
    std::fs::copy(backup, &staged)?;
    let checked = check_backup(&staged, &key).await;
    remove_sidecars(&staged);
    let backup_id = match checked {
        Ok(id) => id,
        Err(e) => {
            remove_with_sidecars(&staged);
            return Err(e);
        }
    };
    if let Some(id) = &identity {
        if id.database_id != backup_id {
            remove_with_sidecars(&staged);
            return Err(AppError::new(
                ErrorCode::Validation,
                "that backup is of a different FrontDesk database than the one in this data folder",
            ));
        }
    }

    // A passphrase backup becomes this folder's database: under the live key, or a new one.
    let mut new_recovery_code = None;
    let key = if by_passphrase {
        let target = match &identity {
            Some(id) => cfg.keystore.load(&id.database_id)?,
            None => {
                let k = DatabaseKey::generate()?;
                new_recovery_code = Some(RecoveryCode::from_key(&k).as_str().to_string());
                k
            }
        };
        if let Err(e) = reencrypt(&staged, &key, &target).await {
            remove_with_sidecars(&staged);
            return Err(e);
        }
        target
    } else {
        key
    };

    let stamp = cfg.clock.now().format("%Y%m%dT%H%M%SZ");
    let aside = dir.root().join(format!("{DB_FILE}.before-restore-{stamp}"));
    let replaced = switch_in(&staged, &dir.db_path(), &aside, Crash::Never)?;
    if identity.is_none() {
        dir.write_identity(&Identity {
            database_id: backup_id.clone(),
            created_at: cfg.clock.now(),
        })?;
    }
    cfg.keystore.store(&backup_id, &key)?;
    Ok(Restored {
        database_id: backup_id,
        replaced,
        new_recovery_code,
    })
}

async fn reencrypt(path: &Path, from: &DatabaseKey, to: &DatabaseKey) -> Result<(), AppError> {
    let db = open_backup(path, from).await?;
    let r = db.rekey(&DbKey::Raw(to.bytes())).await;
    db.close().await;
    remove_sidecars(path);
    Ok(r?)
}

/// Opens a private copy of a backup with `key`; a key that does not open it is
/// `invalid_recovery_code`.
pub(crate) async fn open_backup(path: &Path, key: &DatabaseKey) -> Result<Db, AppError> {
    Db::open(path, &DbKey::Raw(key.bytes()))
        .await
        .map_err(|e| match e {
            StoreError::WrongKey => AppError::new(
                ErrorCode::InvalidRecoveryCode,
                "the key does not open that backup (or it is not a FrontDesk backup)",
            ),
            other => other.into(),
        })
}

/// Opens the copy with the key, runs the integrity check and reads which database it is.
async fn check_backup(path: &Path, key: &DatabaseKey) -> Result<String, AppError> {
    let db = open_backup(path, key).await?;
    let result = async {
        if !db.quick_check().await? {
            return Err(AppError::new(
                ErrorCode::Storage,
                "the backup is damaged (integrity check failed)",
            ));
        }
        settings::get(&db, SETTING_DATABASE_ID)
            .await?
            .ok_or_else(|| {
                AppError::new(ErrorCode::Validation, "that file is not a FrontDesk backup")
            })
    }
    .await;
    db.close().await;
    result
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn remove_sidecars(path: &Path) {
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(sidecar(path, suffix));
    }
}

fn remove_with_sidecars(path: &Path) {
    let _ = std::fs::remove_file(path);
    remove_sidecars(path);
}

/// Where a test stops the switch as a crash would (the switch's steps are each atomic).
#[derive(Clone, Copy, PartialEq)]
enum Crash {
    Never,
    #[cfg(test)]
    BeforeSwitch,
}

/// Puts the checked copy `staged` in place of the live database so that a crash at any moment
/// leaves a database at `live`: the live file and its WAL are first linked (or copied) to
/// `aside` — the safety copy — and the staged file is then renamed over the live one, which
/// the file system does in one step; the file and the folder are synced. Returns the safety
/// copy's path when there was a live database.
fn switch_in(
    staged: &Path,
    live: &Path,
    aside: &Path,
    crash: Crash,
) -> Result<Option<PathBuf>, AppError> {
    sync_file(staged)?;
    let replaced = if live.exists() {
        keep_copy(live, aside)?;
        let wal = sidecar(live, "-wal");
        if wal.exists() {
            keep_copy(&wal, &sidecar(aside, "-wal"))?;
        }
        Some(aside.to_path_buf())
    } else {
        None
    };
    if crash != Crash::Never {
        return Err(AppError::new(
            ErrorCode::Internal,
            "stopped before the switch (test)",
        ));
    }
    // The live WAL belongs to the database being replaced (its content is in the safety copy).
    remove_sidecars(live);
    std::fs::rename(staged, live)?;
    if let Some(folder) = live.parent() {
        sync_dir(folder)?;
    }
    Ok(replaced)
}

/// A copy of `from` at `to` that shares nothing it could lose: a hard link where the file
/// system has them (instant, and the rename over `from` then leaves `to` the old file), else a
/// byte copy, synced.
fn keep_copy(from: &Path, to: &Path) -> Result<(), AppError> {
    if std::fs::hard_link(from, to).is_err() {
        std::fs::copy(from, to)?;
        sync_file(to)?;
    }
    Ok(())
}

pub(crate) fn sync_file(path: &Path) -> Result<(), AppError> {
    std::fs::File::open(path)?.sync_all()?;
    Ok(())
}

/// Makes a rename in `dir` durable (a no-op where folders cannot be opened, as on Windows).
pub(crate) fn sync_dir(dir: &Path) -> Result<(), AppError> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(p: &Path, s: &str) {
        std::fs::write(p, s).unwrap();
    }

    #[test]
    fn a_crash_before_the_switch_leaves_the_live_database_and_a_safety_copy() {
        let dir = tempfile::tempdir().unwrap();
        let (staged, live, aside) = (
            dir.path().join("new.db"),
            dir.path().join("frontdesk.db"),
            dir.path().join("frontdesk.db.before"),
        );
        write(&staged, "new");
        write(&live, "old");
        write(&sidecar(&live, "-wal"), "old wal");
        assert!(switch_in(&staged, &live, &aside, Crash::BeforeSwitch).is_err());
        assert_eq!(
            std::fs::read_to_string(&live).unwrap(),
            "old",
            "the live database is there"
        );
        assert_eq!(
            std::fs::read_to_string(sidecar(&live, "-wal")).unwrap(),
            "old wal"
        );
        assert_eq!(std::fs::read_to_string(&aside).unwrap(), "old");
    }

    #[test]
    fn the_switch_replaces_the_live_file_in_one_step_and_keeps_the_old_one_with_its_wal() {
        let dir = tempfile::tempdir().unwrap();
        let (staged, live, aside) = (
            dir.path().join("new.db"),
            dir.path().join("frontdesk.db"),
            dir.path().join("frontdesk.db.before"),
        );
        write(&staged, "new");
        write(&live, "old");
        write(&sidecar(&live, "-wal"), "old wal");
        write(&sidecar(&live, "-shm"), "old shm");
        let kept = switch_in(&staged, &live, &aside, Crash::Never).unwrap();
        assert_eq!(kept.as_deref(), Some(aside.as_path()));
        assert_eq!(std::fs::read_to_string(&live).unwrap(), "new");
        assert!(!sidecar(&live, "-wal").exists() && !sidecar(&live, "-shm").exists());
        assert_eq!(std::fs::read_to_string(&aside).unwrap(), "old");
        assert_eq!(
            std::fs::read_to_string(sidecar(&aside, "-wal")).unwrap(),
            "old wal"
        );
        assert!(!staged.exists());
    }

    #[test]
    fn onto_an_empty_folder_there_is_nothing_to_keep() {
        let dir = tempfile::tempdir().unwrap();
        let (staged, live) = (dir.path().join("new.db"), dir.path().join("frontdesk.db"));
        write(&staged, "new");
        let kept = switch_in(&staged, &live, &dir.path().join("aside"), Crash::Never).unwrap();
        assert_eq!(kept, None);
        assert_eq!(std::fs::read_to_string(&live).unwrap(), "new");
    }
}

impl App {
    /// Before a backup replaces this database: the signed-in user needs "backups and restore";
    /// the restore is written to this database's audit log (kept as the safety copy).
    pub async fn approve_restore(&self) -> Result<(), AppError> {
        self.require(frontdesk_access::Permission::BackupsRestore)
            .await?;
        let event = frontdesk_store::AuditEvent {
            actor: &self.actor(),
            action: "backup.restore",
            entity: "database",
            entity_id: None,
            fields: vec![],
        };
        Ok(frontdesk_store::audit::append(&self.db, &event, self.now()).await?)
    }
}
