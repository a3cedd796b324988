//! The data directory: the encrypted database and a small plaintext identity file (no PHI) that
//! names the keychain entry holding the key.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

use crate::{AppError, ErrorCode};

pub const DB_FILE: &str = "frontdesk.db";
pub const IDENTITY_FILE: &str = "frontdesk-id.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub database_id: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// `FRONTDESK_DATA_DIR`, else the OS app-data directory (`~/.local/share/FrontDesk`,
    /// `%APPDATA%\FrontDesk`, `~/Library/Application Support/FrontDesk`).
    pub fn default_location() -> Self {
        if let Some(d) = std::env::var_os("FRONTDESK_DATA_DIR") {
            return Self::new(d);
        }
        Self::new(
            dirs::data_dir()
                .unwrap_or_else(|| PathBuf::from("."))
                .join("FrontDesk"),
        )
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
    pub fn db_path(&self) -> PathBuf {
        self.root.join(DB_FILE)
    }
    fn identity_path(&self) -> PathBuf {
        self.root.join(IDENTITY_FILE)
    }

    /// True when any trace of a database is present (then a new key must never be made here).
    pub fn has_database(&self) -> bool {
        self.db_path().exists() || self.identity_path().exists()
    }

    pub fn read_identity(&self) -> Result<Identity, AppError> {
        let text = std::fs::read_to_string(self.identity_path()).map_err(|_| {
            AppError::new(
                ErrorCode::Storage,
                format!("the data folder has a database but its identity file {IDENTITY_FILE} is missing"),
            )
        })?;
        serde_json::from_str(&text)
            .map_err(|_| AppError::new(ErrorCode::Storage, format!("{IDENTITY_FILE} is damaged")))
    }

    pub fn write_identity(&self, id: &Identity) -> Result<(), AppError> {
        std::fs::create_dir_all(&self.root)?;
        let tmp = self
            .root
            .join(format!("{IDENTITY_FILE}.{}.tmp", std::process::id()));
        std::fs::write(
            &tmp,
            serde_json::to_vec_pretty(id).expect("identity serializes"),
        )?;
        std::fs::rename(tmp, self.identity_path())?;
        Ok(())
    }

    /// Removes what this process's failed first start made (only called before any data was
    /// written): its database file with the WAL and shared-memory files, and the identity file
    /// only when this process wrote it.
    pub(crate) fn remove_new_database(&self, identity_written: bool) {
        for f in [DB_FILE, "frontdesk.db-wal", "frontdesk.db-shm"] {
            let _ = std::fs::remove_file(self.root.join(f));
        }
        if identity_written {
            let _ = std::fs::remove_file(self.identity_path());
        }
    }
}
