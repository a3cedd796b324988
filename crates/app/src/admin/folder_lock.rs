//! One FrontDesk per data folder: the desktop app holds an OS file lock on `frontdesk.lock` in
//! its data folder for as long as it runs, and whatever replaces or rewrites the database
//! (restore, rekey, the CLI's writing commands) takes the same lock first — so a second window,
//! or a restore, cannot pull the database from under a running app. The lock is the operating
//! system's (`flock` / `LockFileEx`): it ends with the process, even after a crash.
use std::fs::{File, OpenOptions, TryLockError};

use crate::admin::data_folder::DataDir;
use crate::{AppError, ErrorCode};

pub const LOCK_FILE: &str = "frontdesk.lock";

/// Held while it lives; dropping it (or the process ending) releases the folder.
#[derive(Debug)]
pub struct FolderLock {
    _file: File,
}

impl FolderLock {
    /// Takes the folder's lock, or says FrontDesk is open on it (a typed `in_use` error).
    pub fn acquire(dir: &DataDir) -> Result<FolderLock, AppError> {
        std::fs::create_dir_all(dir.root())?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.root().join(LOCK_FILE))?;
        match file.try_lock() {
            Ok(()) => Ok(FolderLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(in_use()),
            Err(TryLockError::Error(e)) => Err(e.into()),
        }
    }
}

pub fn in_use() -> AppError {
    AppError::new(
        ErrorCode::InUse,
        "FrontDesk is open on this data folder (in another window or another user's session); \
         close it there first",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_told_the_folder_is_in_use_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::new(dir.path());
        let first = FolderLock::acquire(&data).unwrap();
        assert_eq!(
            FolderLock::acquire(&data).unwrap_err().code,
            ErrorCode::InUse
        );
        drop(first);
        FolderLock::acquire(&data).unwrap();
    }
}
