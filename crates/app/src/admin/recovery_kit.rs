//! The recovery kit: the key as a recovery code, on screen once at first start and as a PDF.
use frontdesk_access::Permission;
use frontdesk_store::{audit, settings, AuditEvent};
use frontdesk_vault::RecoveryCode;
use serde::Serialize;
use std::path::{Path, PathBuf};

use crate::admin::data_folder::Identity;
use crate::admin::lifecycle::SETTING_KIT_ACKNOWLEDGED;
use crate::{App, AppError, ErrorCode};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct RecoveryKit {
    pub code: String,
    pub database_id: String,
    pub created_at: String,
}

impl App {
    /// The recovery code of this database: only for those with "view the recovery kit", after
    /// typing their password again (logged: showing it is a sensitive act).
    pub async fn recovery_kit(&self, password: &str) -> Result<RecoveryKit, AppError> {
        self.require(Permission::ViewRecoveryKit).await?;
        self.confirm_password(password).await?;
        let identity: Identity = self.cfg.data_dir.read_identity()?;
        let event = AuditEvent {
            actor: &self.actor(),
            action: "recovery_kit.view",
            entity: "database",
            entity_id: None,
            fields: vec![],
        };
        audit::append(&self.db, &event, self.cfg.clock.now()).await?;
        Ok(RecoveryKit {
            code: RecoveryCode::from_key(&self.key).as_str().to_string(),
            database_id: self.database_id.clone(),
            created_at: identity.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        })
    }

    /// The user confirmed the kit is printed or saved: stop showing it at start-up.
    pub async fn acknowledge_recovery_kit(&self) -> Result<(), AppError> {
        self.require(Permission::ViewRecoveryKit).await?;
        self.mark_recovery_kit_acknowledged().await
    }

    pub(crate) async fn mark_recovery_kit_acknowledged(&self) -> Result<(), AppError> {
        settings::set(&self.db, SETTING_KIT_ACKNOWLEDGED, "true").await?;
        Ok(())
    }

    /// Renders the recovery kit as a one-page PDF.
    pub async fn recovery_kit_pdf(&self, password: &str) -> Result<Vec<u8>, AppError> {
        let kit = self.recovery_kit(password).await?;
        let computer = std::env::var("HOSTNAME").unwrap_or_default();
        frontdesk_documents::recovery_kit_pdf(&frontdesk_documents::RecoveryKitDoc {
            code: &kit.code,
            database_id: &kit.database_id,
            created: &kit.created_at,
            computer: &computer,
        })
        .map_err(|e| {
            AppError::new(
                ErrorCode::Internal,
                format!("the recovery kit PDF could not be made: {e}"),
            )
        })
    }

    /// Saves the recovery kit PDF in `dir` (the user's Documents folder by default); returns the path.
    pub async fn save_recovery_kit_pdf(
        &self,
        dir: Option<&Path>,
        password: &str,
    ) -> Result<PathBuf, AppError> {
        let date = self.today().format("%Y-%m-%d");
        let pdf = self.recovery_kit_pdf(password).await?;
        crate::documents::save_to_folder::save_document(
            dir,
            &format!("FrontDesk recovery kit {date}.pdf"),
            &pdf,
        )
    }
}
