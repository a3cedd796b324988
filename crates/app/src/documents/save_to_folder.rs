//! Saving a document the coordinator asked for: into the given folder, else the user's Documents
//! folder (else home), created if missing.
use std::path::{Path, PathBuf};

use crate::{AppError, ErrorCode};

/// Writes `bytes` as `name` in `dir` (default: Documents); returns the path.
pub fn save_document(dir: Option<&Path>, name: &str, bytes: &[u8]) -> Result<PathBuf, AppError> {
    let dir = dir
        .map(Path::to_path_buf)
        .or_else(dirs::document_dir)
        .or_else(dirs::home_dir)
        .ok_or_else(|| AppError::new(ErrorCode::Storage, "no Documents folder to save into"))?;
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(name);
    std::fs::write(&path, bytes)?;
    Ok(path)
}

/// Writes `bytes` to a new file at `path` (never over an existing one).
pub fn write_new_file(path: &Path, bytes: &[u8]) -> Result<(), AppError> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                AppError::invalid("file", "That file already exists; choose a new name.")
            }
            _ => e.into(),
        })?;
    f.write_all(bytes)?;
    f.sync_all()?;
    Ok(())
}
