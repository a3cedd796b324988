//! Writing a backup: logged first, written to a temporary name in the destination folder,
//! checked (it opens with the key and passes the integrity check), synced, renamed, and described
//! by its manifest. Shared by `backup` (a user with "backups and restore") and the schedule.
use frontdesk_store::{Db, DbKey, StoreError};

use crate::{App, AppError, ErrorCode};

impl App {
    /// Writes an encrypted backup (same key) to `dest`: into a temporary file in the destination
    /// folder, which is checked (it opens with the key and passes the integrity check) and synced
    /// before it is renamed to `dest`, so `dest` is either a whole, checked backup or absent.
    /// Writes the manifest beside it (see `backup_manifest`) and returns it.
    pub(crate) async fn write_backup(
        &self,
        dest: &std::path::Path,
        actor: &str,
    ) -> Result<crate::admin::backup_manifest::BackupManifest, AppError> {
        // Logged first, so the backup holds the entry and the manifest's head hash is the live
        // chain's head right after.
        let event = frontdesk_store::AuditEvent {
            actor,
            action: "backup.create",
            entity: "database",
            entity_id: None,
            fields: vec![],
        };
        frontdesk_store::audit::append(&self.db, &event, self.now()).await?;
        if dest.exists() {
            return Err(AppError::new(
                ErrorCode::Storage,
                "the backup file already exists; choose a new name",
            ));
        }
        let name = dest.file_name().ok_or_else(|| {
            AppError::invalid(
                "file",
                "Give the backup a file name, e.g. frontdesk-backup.db",
            )
        })?;
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".partial-{}", std::process::id()));
        let tmp = dest.with_file_name(tmp_name);
        let _ = std::fs::remove_file(&tmp);
        let passphrase = self.backup_passphrase_key().await?;
        let written = self.write_checked_backup(&tmp, passphrase.as_ref()).await;
        // The manifest goes into place before the backup does: a backup file in the folder always
        // has its manifest (an interruption in between leaves only a manifest without a file).
        let kdf = passphrase.map(|p| p.kdf);
        let published = async {
            let facts = written?;
            crate::admin::restore_backup::sync_file(&tmp)?;
            let manifest = self.write_manifest(dest, &tmp, facts, kdf)?;
            std::fs::rename(&tmp, dest)?;
            match dest.parent().filter(|p| !p.as_os_str().is_empty()) {
                Some(folder) => crate::admin::restore_backup::sync_dir(folder)?,
                None => crate::admin::restore_backup::sync_dir(std::path::Path::new("."))?,
            }
            Ok::<_, AppError>(manifest)
        }
        .await;
        if published.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        published
    }

    /// Writes the backup to `tmp`, checks it and reads, from the same opening, what its manifest
    /// records.
    async fn write_checked_backup(
        &self,
        tmp: &std::path::Path,
        passphrase: Option<&crate::admin::backup_passphrase::PassphraseKey>,
    ) -> Result<frontdesk_store::backup_facts::Facts, AppError> {
        self.db.backup_to(tmp).await.map_err(|e| match e {
            StoreError::Sqlx(_) => {
                AppError::new(ErrorCode::Storage, "the backup could not be written")
            }
            other => other.into(),
        })?;
        // With a backup passphrase the copy is re-encrypted under the passphrase's key before
        // it is checked (and so before it can be kept).
        let key = match passphrase {
            Some(p) => {
                let copy = Db::open(tmp, &DbKey::Raw(self.key.bytes())).await?;
                let r = copy.rekey(&DbKey::Raw(p.key.bytes())).await;
                copy.close().await;
                r?;
                p.key.clone()
            }
            None => self.key.clone(),
        };
        let copy = Db::open(tmp, &DbKey::Raw(key.bytes())).await?;
        let checked = async {
            if !copy.quick_check().await? {
                return Err(AppError::new(
                    ErrorCode::Storage,
                    "the backup did not pass the integrity check; it was not kept",
                ));
            }
            Ok(frontdesk_store::backup_facts::facts(&copy).await?)
        }
        .await;
        copy.close().await;
        checked
    }
}
