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
use crate::{AppError, ErrorCode};

/// Where the key of the backup comes from.
pub enum RestoreKey<'a> {
    /// The keychain entry of the database already in the data folder.
    Keychain,
    /// The recovery code from the recovery kit (needed on a new computer).
    RecoveryCode(&'a str),
}

#[derive(Debug)]
pub struct Restored {
    pub database_id: String,
    /// Where the database that was replaced now lives, if there was one.
    pub replaced: Option<PathBuf>,
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
    let key = match key {
        RestoreKey::RecoveryCode(code) => RecoveryCode::parse_key(code)?,
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

    let replaced = if dir.db_path().exists() {
        let stamp = cfg.clock.now().format("%Y%m%dT%H%M%SZ");
        let aside = dir.root().join(format!("{DB_FILE}.before-restore-{stamp}"));
        move_with_sidecars(&dir.db_path(), &aside)?;
        Some(aside)
    } else {
        None
    };
    std::fs::rename(&staged, dir.db_path())?;
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
    })
}

/// Opens the copy with the key, runs the integrity check and reads which database it is.
async fn check_backup(path: &Path, key: &DatabaseKey) -> Result<String, AppError> {
    let db = Db::open(path, &DbKey::Raw(key.bytes()))
        .await
        .map_err(|e| match e {
            StoreError::WrongKey => AppError::new(
                ErrorCode::InvalidRecoveryCode,
                "the key does not open that backup (or it is not a FrontDesk backup)",
            ),
            other => other.into(),
        })?;
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

/// Moves a database with its WAL and shared-memory files (they belong together).
fn move_with_sidecars(from: &Path, to: &Path) -> Result<(), AppError> {
    for suffix in ["-wal", "-shm"] {
        let f = sidecar(from, suffix);
        if f.exists() {
            std::fs::rename(&f, sidecar(to, suffix))?;
        }
    }
    std::fs::rename(from, to)?;
    Ok(())
}
