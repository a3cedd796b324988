//! Automatic backups: daily at the office's chosen time and/or when the app closes, into a folder
//! the administrator chooses (a USB drive, a NAS share), keeping the newest per day for N days and
//! per month for M months (`frontdesk_domain::backup_retention`). The last result is kept so the
//! Office screen shows it and the Today board warns when the last good backup is older than two
//! days or the folder is missing.
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use frontdesk_access::Permission;
use frontdesk_domain::backup_retention::{
    backups_to_keep, DEFAULT_KEEP_DAILY, DEFAULT_KEEP_MONTHLY,
};
use frontdesk_domain::backup_schedule::{backup_stale, daily_due, parse_time_of_day};
use serde::{Deserialize, Serialize};

use crate::admin::backup_manifest::manifest_path;
use crate::{App, AppError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct BackupSchedule {
    /// The target folder (absolute). None: no automatic backups.
    pub folder: Option<String>,
    /// "HH:MM" on the clinic's clock, or None for no daily backup.
    pub daily_at: Option<String>,
    /// Also back up when the desktop app closes.
    pub on_close: bool,
    pub keep_daily: u32,
    pub keep_monthly: u32,
}

impl Default for BackupSchedule {
    fn default() -> Self {
        BackupSchedule {
            folder: None,
            daily_at: Some("18:30".into()),
            on_close: true,
            keep_daily: DEFAULT_KEEP_DAILY,
            keep_monthly: DEFAULT_KEEP_MONTHLY,
        }
    }
}

/// The last automatic or manual backup, as the Office screen shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct BackupRecord {
    pub last_attempt_at: Option<DateTime<Utc>>,
    pub last_ok: bool,
    /// What went wrong, in the coordinator's words (no patient data).
    pub last_error: Option<String>,
    pub last_good_at: Option<DateTime<Utc>>,
    pub last_good_file: Option<String>,
    pub last_good_bytes: Option<u64>,
}

/// What the Today board and the Office screen show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct BackupHealth {
    pub schedule: BackupSchedule,
    pub last: BackupRecord,
    /// The target folder is set but cannot be found (drive unplugged, share down).
    pub folder_missing: bool,
    /// No good backup in the last two days (or none at all): show the red banner.
    pub stale: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupTrigger {
    /// The desktop's minute tick: backs up if the daily time has passed.
    Scheduled,
    /// The app is closing.
    OnClose,
}

const SCHEDULE_KEY: &str = "backup_schedule";
const RECORD_KEY: &str = "backup_last";
const SYSTEM_ACTOR: &str = "system:scheduled-backup";

/// `frontdesk-YYYYMMDD-HHMMSS[-n].db`: the names the folder backups are written under (UTC).
fn made_at(name: &str) -> Option<DateTime<Utc>> {
    let stem = name.strip_prefix("frontdesk-")?.strip_suffix(".db")?;
    let stamp = stem.get(..15)?;
    let rest = &stem[15..];
    if !(rest.is_empty()
        || (rest.starts_with('-') && rest[1..].bytes().all(|b| b.is_ascii_digit())))
    {
        return None;
    }
    NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S")
        .ok()
        .map(|t| t.and_utc())
}

/// A temporary backup file left by a process that no longer runs (`.NAME.partial-PID`).
fn abandoned_partial(name: &str, path: &Path) -> bool {
    let Some((_, pid)) = name.rsplit_once(".partial-") else {
        return false;
    };
    if !name.starts_with(".frontdesk-") || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if pid == std::process::id().to_string() {
        return false;
    }
    if Path::new("/proc").is_dir() {
        return !Path::new("/proc").join(pid).exists();
    }
    // Elsewhere: a day old is surely abandoned.
    path.metadata()
        .and_then(|m| m.modified())
        .map(|t| t.elapsed().map(|e| e.as_secs() > 86_400).unwrap_or(false))
        .unwrap_or(false)
}

impl App {
    pub async fn backup_schedule(&self) -> Result<BackupSchedule, AppError> {
        self.require(Permission::BackupsRestore).await?;
        crate::admin::settings::read(&self.db, SCHEDULE_KEY).await
    }

    /// Saves the schedule; the folder must exist and be absolute, the time "HH:MM".
    pub async fn set_backup_schedule(&self, s: &BackupSchedule) -> Result<(), AppError> {
        self.require(Permission::BackupsRestore).await?;
        let mut s = s.clone();
        s.folder = s
            .folder
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty());
        if let Some(f) = &s.folder {
            let p = Path::new(f);
            if !p.is_absolute() || !p.is_dir() {
                return Err(AppError::invalid(
                    "folder",
                    "Choose an existing folder (e.g. a USB drive).",
                ));
            }
        }
        s.daily_at = s
            .daily_at
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty());
        if let Some(t) = &s.daily_at {
            if parse_time_of_day(t).is_none() {
                return Err(AppError::invalid(
                    "daily_at",
                    "Give the time as HH:MM (24-hour).",
                ));
            }
        }
        if !(1..=365).contains(&s.keep_daily) {
            return Err(AppError::invalid(
                "keep_daily",
                "Keep from 1 to 365 daily backups.",
            ));
        }
        if s.keep_monthly > 120 {
            return Err(AppError::invalid(
                "keep_monthly",
                "Keep at most 120 monthly backups.",
            ));
        }
        crate::admin::settings::write(&self.db, SCHEDULE_KEY, &s).await
    }

    /// For the Today board's banner and the Office screen: readable by anyone signed in.
    pub async fn backup_health(&self) -> Result<BackupHealth, AppError> {
        self.require_signed_in()?;
        let schedule: BackupSchedule = crate::admin::settings::read(&self.db, SCHEDULE_KEY).await?;
        let last: BackupRecord = crate::admin::settings::read(&self.db, RECORD_KEY).await?;
        let folder_missing = schedule
            .folder
            .as_deref()
            .is_some_and(|f| !Path::new(f).is_dir());
        Ok(BackupHealth {
            stale: backup_stale(last.last_good_at, self.now()),
            schedule,
            last,
            folder_missing,
        })
    }

    /// Runs the automatic backup if it is due (the schedule's daily time has passed, or the app
    /// is closing and on-close backups are on). Runs whoever is signed in, or nobody: the
    /// administrator set it up. Returns the new backup's file, if one was made; a failure is
    /// recorded (the banner shows it) and returned.
    pub async fn run_due_backup(
        &self,
        trigger: BackupTrigger,
    ) -> Result<Option<PathBuf>, AppError> {
        let schedule: BackupSchedule = crate::admin::settings::read(&self.db, SCHEDULE_KEY).await?;
        let Some(folder) = schedule.folder.clone() else {
            return Ok(None);
        };
        let record: BackupRecord = crate::admin::settings::read(&self.db, RECORD_KEY).await?;
        let due = match trigger {
            BackupTrigger::OnClose => schedule.on_close,
            BackupTrigger::Scheduled => {
                match schedule.daily_at.as_deref().and_then(parse_time_of_day) {
                    Some(at) => daily_due(
                        at,
                        self.now().with_timezone(&self.tz).naive_local(),
                        record
                            .last_attempt_at
                            .map(|t| t.with_timezone(&self.tz).naive_local()),
                    ),
                    None => false,
                }
            }
        };
        if !due {
            return Ok(None);
        }
        let dir = PathBuf::from(&folder);
        let result = self.write_backup_into(&dir, SYSTEM_ACTOR).await;
        let mut next = BackupRecord {
            last_attempt_at: Some(self.now()),
            ..record
        };
        match &result {
            Ok(m) => {
                next.last_ok = true;
                next.last_error = None;
                next.last_good_at = Some(self.now());
                next.last_good_file = Some(dir.join(&m.file).display().to_string());
                next.last_good_bytes = Some(m.bytes);
            }
            Err(e) => {
                next.last_ok = false;
                next.last_error = Some(e.message.clone());
            }
        }
        crate::admin::settings::write(&self.db, RECORD_KEY, &next).await?;
        let manifest = result?;
        self.prune_backups(&dir, &schedule)?;
        Ok(Some(dir.join(manifest.file)))
    }

    /// Removes the folder's automatic backups (and their manifests) that the retention rule does
    /// not keep, and temporary files left by backups that were interrupted. Other files are never
    /// touched.
    fn prune_backups(&self, dir: &Path, s: &BackupSchedule) -> Result<(), AppError> {
        let mut found: Vec<(PathBuf, NaiveDateTime)> = vec![];
        for entry in std::fs::read_dir(dir)?.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if abandoned_partial(&name, &path) {
                let _ = std::fs::remove_file(&path);
                continue;
            }
            if let Some(t) = made_at(&name) {
                found.push((path, t.with_timezone(&self.tz).naive_local()));
            }
        }
        let times: Vec<NaiveDateTime> = found.iter().map(|(_, t)| *t).collect();
        let keep = backups_to_keep(&times, s.keep_daily, s.keep_monthly);
        for (i, (path, _)) in found.iter().enumerate() {
            if !keep.contains(&i) {
                std::fs::remove_file(path)?;
                let _ = std::fs::remove_file(manifest_path(path));
            }
        }
        if found.len() > keep.len() {
            crate::admin::restore_backup::sync_dir(dir)?;
        }
        Ok(())
    }

    /// Records a manual backup's result too (the Office screen shows the last one of either).
    pub(crate) async fn record_manual_backup(
        &self,
        file: &Path,
        bytes: u64,
    ) -> Result<(), AppError> {
        let record = BackupRecord {
            last_attempt_at: Some(self.now()),
            last_ok: true,
            last_error: None,
            last_good_at: Some(self.now()),
            last_good_file: Some(file.display().to_string()),
            last_good_bytes: Some(bytes),
        };
        crate::admin::settings::write(&self.db, RECORD_KEY, &record).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_schedules_names_are_backups() {
        assert!(made_at("frontdesk-20261201-183000.db").is_some());
        assert!(made_at("frontdesk-20261201-183000-2.db").is_some());
        for other in [
            "frontdesk.db",
            "frontdesk-20261201.db",
            "notes-20261201-183000.db",
            "frontdesk-20261201-183000.db.manifest.json",
            "frontdesk-20261201-183000-x.db",
        ] {
            assert!(made_at(other).is_none(), "{other}");
        }
        let here = std::process::id().to_string();
        assert!(!abandoned_partial(
            &format!(".frontdesk-1.db.partial-{here}"),
            Path::new("/x")
        ));
        assert!(!abandoned_partial("report.partial-12", Path::new("/x")));
    }
}
