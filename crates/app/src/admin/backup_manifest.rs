//! Every backup has a manifest beside it (`FILE.manifest.json`, no patient data): the app and
//! schema version, the database id, when it was made, its size and SHA-256, and how many
//! patients, appointments, ledger entries and audit entries it holds. `verify_backup` checks a
//! backup against it: the checksum, that it opens with the key, SQLite's full integrity and
//! foreign-key checks, and the counts. Which key opens a backup: the key of the database it was
//! made from — that database's keychain entry on this computer, or its recovery code anywhere.
use frontdesk_access::Permission;
use std::io::Read;
use std::path::{Path, PathBuf};

use frontdesk_store::backup_facts::{facts, full_check, Facts};
use frontdesk_store::settings;
use frontdesk_vault::{DatabaseKey, RecoveryCode};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::admin::lifecycle::{Config, SETTING_DATABASE_ID};
use crate::admin::restore_backup::{open_backup, sync_dir, sync_file};
use crate::{App, AppError, ErrorCode};
use frontdesk_vault::backup_passphrase::PassphraseKdf;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct BackupManifest {
    /// This manifest's format (1).
    pub format: u32,
    pub app_version: String,
    pub schema_version: i64,
    pub database_id: String,
    /// RFC 3339.
    pub created_at: String,
    /// The backup's file name (the manifest sits beside it).
    pub file: String,
    pub bytes: u64,
    /// Lower-case hex.
    pub sha256: String,
    pub patients: i64,
    pub appointments: i64,
    pub ledger_entries: i64,
    pub audit_entries: i64,
    /// The audit chain's head hash at the backup (empty in manifests from before the chain).
    #[serde(default)]
    pub audit_head_hash: String,
    /// Which key opens it: `database` (the database's own key: its keychain entry or recovery
    /// code) or `passphrase` (the office's backup passphrase, through `kdf`).
    pub key: String,
    /// For `passphrase`: how the key is derived (Argon2id parameters and salt; never the
    /// passphrase).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kdf: Option<BackupKdf>,
}

/// The manifest's copy of `frontdesk_vault::backup_passphrase::PassphraseKdf`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct BackupKdf {
    pub algorithm: String,
    pub memory_kib: u32,
    pub iterations: u32,
    pub lanes: u32,
    pub salt: String,
}

impl From<PassphraseKdf> for BackupKdf {
    fn from(k: PassphraseKdf) -> Self {
        BackupKdf {
            algorithm: k.algorithm,
            memory_kib: k.memory_kib,
            iterations: k.iterations,
            lanes: k.lanes,
            salt: k.salt,
        }
    }
}

impl From<&BackupKdf> for PassphraseKdf {
    fn from(k: &BackupKdf) -> Self {
        PassphraseKdf {
            algorithm: k.algorithm.clone(),
            memory_kib: k.memory_kib,
            iterations: k.iterations,
            lanes: k.lanes,
            salt: k.salt.clone(),
        }
    }
}

/// The key that opens a backup: a passphrase needs the manifest's parameters.
pub(crate) fn backup_key_from_passphrase(
    m: &BackupManifest,
    passphrase: &str,
) -> Result<DatabaseKey, AppError> {
    let Some(kdf) = &m.kdf else {
        return Err(AppError::invalid(
            "passphrase",
            "this backup is encrypted with the database key, not a passphrase: use the keychain or the recovery code",
        ));
    };
    Ok(PassphraseKdf::from(kdf).derive(passphrase)?)
}

/// Reads the manifest beside `backup`.
pub(crate) fn read_manifest(backup: &Path) -> Result<BackupManifest, AppError> {
    let text = std::fs::read(manifest_path(backup)).map_err(|_| {
        AppError::new(
            ErrorCode::NotFound,
            "the backup has no manifest beside it (FILE.manifest.json)",
        )
    })?;
    serde_json::from_slice(&text)
        .map_err(|_| AppError::new(ErrorCode::Storage, "the backup's manifest is damaged"))
}

/// A backup that passed every check, with what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct VerifiedBackup {
    pub manifest: BackupManifest,
}

/// Where the key to check a backup with comes from.
pub enum VerifyKey<'a> {
    /// This computer's keychain entry for the backup's database.
    Keychain,
    RecoveryCode(&'a str),
    /// The office's backup passphrase (for backups made with one).
    Passphrase(&'a str),
}

pub fn manifest_path(backup: &Path) -> PathBuf {
    let mut s = backup.as_os_str().to_owned();
    s.push(".manifest.json");
    PathBuf::from(s)
}

/// The file's size and SHA-256 (hex), read in blocks.
fn checksum(path: &Path) -> Result<(u64, String), AppError> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut bytes = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        bytes += n as u64;
        hasher.update(&buf[..n]);
    }
    Ok((bytes, format!("{:x}", hasher.finalize())))
}

impl App {
    /// A backup named for the time (`frontdesk-YYYYMMDD-HHMMSS.db`) in `dir`, with its manifest.
    pub async fn backup_to_folder(&self, dir: &Path) -> Result<BackupManifest, AppError> {
        self.require(Permission::BackupsRestore).await?;
        let m = self.write_backup_into(dir, &self.actor()).await?;
        self.record_manual_backup(&dir.join(&m.file), m.bytes)
            .await?;
        Ok(m)
    }

    pub(crate) async fn write_backup_into(
        &self,
        dir: &Path,
        actor: &str,
    ) -> Result<BackupManifest, AppError> {
        if !dir.is_dir() {
            return Err(AppError::new(
                ErrorCode::NotFound,
                "the backup folder does not exist (is the drive connected?)",
            ));
        }
        let stamp = self.now().format("%Y%m%d-%H%M%S");
        let mut dest = dir.join(format!("frontdesk-{stamp}.db"));
        let mut n = 1;
        while dest.exists() {
            n += 1;
            dest = dir.join(format!("frontdesk-{stamp}-{n}.db"));
        }
        self.write_backup(&dest, actor).await
    }

    /// Describes the finished backup at `dest` (`f` was read from the checked copy itself) and
    /// writes the manifest beside it.
    /// `content` is the finished backup's bytes (still under its temporary name); `dest` is the
    /// name it will have.
    pub(crate) fn write_manifest(
        &self,
        dest: &Path,
        content: &Path,
        f: Facts,
        kdf: Option<PassphraseKdf>,
    ) -> Result<BackupManifest, AppError> {
        let (bytes, sha256) = checksum(content)?;
        let manifest = BackupManifest {
            format: 1,
            app_version: env!("CARGO_PKG_VERSION").into(),
            schema_version: f.schema_version,
            database_id: self.database_id.clone(),
            created_at: self.now().to_rfc3339(),
            file: dest
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            bytes,
            sha256,
            patients: f.patients,
            appointments: f.appointments,
            ledger_entries: f.ledger_entries,
            audit_entries: f.audit_entries,
            audit_head_hash: f.audit_head,
            key: if kdf.is_some() {
                "passphrase"
            } else {
                "database"
            }
            .into(),
            kdf: kdf.map(BackupKdf::from),
        };
        let path = manifest_path(dest);
        let tmp = path.with_extension("json.partial");
        std::fs::write(
            &tmp,
            serde_json::to_vec_pretty(&manifest).expect("manifest serializes"),
        )?;
        sync_file(&tmp)?;
        std::fs::rename(&tmp, &path)?;
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            sync_dir(folder)?;
        }
        Ok(manifest)
    }
}

fn changed() -> AppError {
    AppError::new(
        ErrorCode::Storage,
        "the backup does not match its manifest: it changed after it was written (checksum)",
    )
}

/// Checks `backup` against its manifest; any changed byte, a wrong key, a failed integrity or
/// foreign-key check or other counts give a typed error. The file is never opened for writing:
/// a private copy is checked.
pub async fn verify_backup(
    cfg: &Config,
    backup: &Path,
    key: VerifyKey<'_>,
) -> Result<VerifiedBackup, AppError> {
    if !backup.is_file() {
        return Err(AppError::new(
            ErrorCode::NotFound,
            "the backup file does not exist",
        ));
    }
    let manifest = read_manifest(backup)?;
    let (bytes, sha256) = checksum(backup)?;
    if bytes != manifest.bytes || sha256 != manifest.sha256 {
        return Err(changed());
    }
    let key: DatabaseKey = match key {
        VerifyKey::RecoveryCode(code) => RecoveryCode::parse_key(code)?,
        VerifyKey::Keychain => cfg.keystore.load(&manifest.database_id)?,
        VerifyKey::Passphrase(p) => backup_key_from_passphrase(&manifest, p)?,
    };
    let dir = std::env::temp_dir().join(format!("frontdesk-verify-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let copy = dir.join("backup.db");
    let checked = async {
        std::fs::copy(backup, &copy)?;
        check_copy(&copy, &key, &manifest).await
    }
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    checked?;
    Ok(VerifiedBackup { manifest })
}

async fn check_copy(copy: &Path, key: &DatabaseKey, m: &BackupManifest) -> Result<(), AppError> {
    let db = open_backup(copy, key).await?;
    let result = async {
        if !full_check(&db).await? {
            return Err(AppError::new(
                ErrorCode::Storage,
                "the backup is damaged (integrity or foreign-key check failed)",
            ));
        }
        let id = settings::get(&db, SETTING_DATABASE_ID).await?;
        let f = facts(&db).await?;
        let expected = Facts {
            schema_version: m.schema_version,
            patients: m.patients,
            appointments: m.appointments,
            ledger_entries: m.ledger_entries,
            audit_entries: m.audit_entries,
            audit_head: if m.audit_head_hash.is_empty() {
                f.audit_head.clone()
            } else {
                m.audit_head_hash.clone()
            },
        };
        if id.as_deref() != Some(m.database_id.as_str()) || f != expected {
            return Err(changed());
        }
        let chain = frontdesk_store::audit::verify_chain(&db).await?;
        if let frontdesk_access::audit_chain::Verdict::Broken { entry_id, .. } = chain {
            return Err(AppError::new(
                ErrorCode::Storage,
                format!("the backup's audit log was tampered with at entry {entry_id}"),
            ));
        }
        Ok(())
    }
    .await;
    db.close().await;
    result
}
