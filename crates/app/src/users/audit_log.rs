//! The audit log for those with "view audit": filtered lists, the chain check, the head hash, and
//! a CSV export (itself audited).
use chrono::NaiveDate;
use frontdesk_access::audit_chain::{Break, Verdict};
use frontdesk_access::Permission;
use frontdesk_store::audit::{self, AuditFilter as StoreFilter, ChainedEntry};
use frontdesk_store::AuditEvent;
use serde::{Deserialize, Serialize};

use crate::{App, AppError, ErrorCode};

#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
pub struct AuditQuery {
    pub user: Option<String>,
    pub patient_id: Option<i64>,
    /// An action or its start (`patient.`, `session.sign_in`).
    pub action: Option<String>,
    /// Dates on the clinic's calendar, both inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// At most this many, newest first (0: the default of 500).
    #[serde(default)]
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AuditRow {
    pub id: i64,
    /// RFC 3339, UTC.
    pub at: String,
    pub user: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    /// Field names only, never values.
    pub fields: Vec<String>,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AuditCheck {
    pub intact: bool,
    pub entries: u32,
    /// The newest entry's hash (compare it with a printed or backed-up one).
    pub head_hash: String,
    /// The first entry that was altered, or that does not follow the one before it.
    pub first_bad_entry: Option<i64>,
    pub problem: Option<String>,
}

fn row(e: ChainedEntry) -> AuditRow {
    AuditRow {
        id: e.id,
        at: e.at,
        user: e.actor,
        action: e.action,
        entity: e.entity,
        entity_id: e.entity_id,
        fields: serde_json::from_str(&e.fields).unwrap_or_default(),
        hash: e.hash.unwrap_or_default(),
    }
}

impl App {
    fn store_filter(&self, q: &AuditQuery, default_limit: i64) -> Result<StoreFilter, AppError> {
        let day_start = |d: NaiveDate| {
            frontdesk_scheduling::local_time::boundary_to_utc(
                self.tz,
                d.and_time(chrono::NaiveTime::MIN),
            )
        };
        if let (Some(f), Some(t)) = (q.from, q.to) {
            if t < f {
                return Err(AppError::invalid(
                    "to",
                    "The end date is before the start date.",
                ));
            }
        }
        Ok(StoreFilter {
            actor: q
                .user
                .as_ref()
                .map(|u| u.trim().to_lowercase())
                .filter(|u| !u.is_empty()),
            patient_id: q.patient_id,
            action_prefix: q.action.clone().filter(|a| !a.trim().is_empty()),
            from: q.from.map(day_start),
            to: q.to.and_then(|d| d.succ_opt()).map(day_start),
            limit: if q.limit == 0 {
                default_limit
            } else {
                q.limit as i64
            },
        })
    }

    pub async fn audit_list(&self, q: &AuditQuery) -> Result<Vec<AuditRow>, AppError> {
        self.require(Permission::ViewAudit).await?;
        let f = self.store_filter(q, 500)?;
        Ok(audit::list(&self.db, &f)
            .await?
            .into_iter()
            .map(row)
            .collect())
    }

    /// Walks the whole chain; names the first bad entry.
    pub async fn audit_verify(&self) -> Result<AuditCheck, AppError> {
        self.require(Permission::ViewAudit).await?;
        let (count, head) = audit::head_hash(&self.db).await?;
        Ok(match audit::verify_chain(&self.db).await? {
            Verdict::Intact { entries, head } => AuditCheck {
                intact: true,
                entries: entries as u32,
                head_hash: head,
                first_bad_entry: None,
                problem: None,
            },
            Verdict::Broken { entry_id, problem } => AuditCheck {
                intact: false,
                entries: count as u32,
                head_hash: head,
                first_bad_entry: Some(entry_id),
                problem: Some(
                    match problem {
                        Break::Altered => "its content does not match its hash (it was changed)",
                        Break::NotLinked => {
                            "it does not follow the entry before it (an entry was removed or inserted)"
                        }
                    }
                    .to_string(),
                ),
            },
        })
    }

    /// The chain's head hash and entry count (for the manifest and the administrator's screen).
    pub async fn audit_head(&self) -> Result<(i64, String), AppError> {
        self.require(Permission::ViewAudit).await?;
        Ok(audit::head_hash(&self.db).await?)
    }

    /// Writes the entries matching `q` (all, oldest first, when unfiltered) as CSV; audited.
    pub async fn audit_export_csv(
        &self,
        q: &AuditQuery,
        path: &std::path::Path,
    ) -> Result<u32, AppError> {
        self.require(Permission::ViewAudit).await?;
        let f = self.store_filter(q, 0)?;
        let mut rows = audit::list(&self.db, &f).await?;
        rows.reverse();
        let mut out = csv::Writer::from_writer(Vec::new());
        let csv_err = |_| AppError::new(ErrorCode::Internal, "the audit CSV could not be written");
        out.write_record([
            "id",
            "at",
            "user",
            "action",
            "entity",
            "entity_id",
            "fields",
            "prev_hash",
            "hash",
        ])
        .map_err(csv_err)?;
        for r in &rows {
            out.write_record([
                r.id.to_string(),
                r.at.clone(),
                r.actor.clone(),
                r.action.clone(),
                r.entity.clone(),
                r.entity_id.map(|i| i.to_string()).unwrap_or_default(),
                r.fields.clone(),
                r.prev_hash.clone().unwrap_or_default(),
                r.hash.clone().unwrap_or_default(),
            ])
            .map_err(csv_err)?;
        }
        let bytes = out.into_inner().map_err(|_| {
            AppError::new(ErrorCode::Internal, "the audit CSV could not be written")
        })?;
        crate::documents::save_to_folder::write_new_file(path, &bytes)?;
        let event = AuditEvent {
            actor: &self.actor(),
            action: "audit.export",
            entity: "audit_log",
            entity_id: None,
            fields: vec![format!("{} entries", rows.len())],
        };
        frontdesk_store::audit::append(&self.db, &event, self.now()).await?;
        Ok(rows.len() as u32)
    }

    /// Saves the CSV in `dir` (default: Documents) under a dated name; returns the path.
    pub async fn save_audit_csv(
        &self,
        q: &AuditQuery,
        dir: Option<&std::path::Path>,
    ) -> Result<std::path::PathBuf, AppError> {
        self.require(Permission::ViewAudit).await?;
        let dir = dir
            .map(std::path::Path::to_path_buf)
            .or_else(dirs::document_dir)
            .or_else(dirs::home_dir)
            .ok_or_else(|| AppError::new(ErrorCode::Storage, "no Documents folder to save into"))?;
        std::fs::create_dir_all(&dir)?;
        let stamp = self.now().format("%Y-%m-%d %H%M%S");
        let path = dir.join(format!("FrontDesk audit log {stamp}.csv"));
        self.audit_export_csv(q, &path).await?;
        Ok(path)
    }
}
