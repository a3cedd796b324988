//! Pre-authorizations: create from planned procedures for one coverage, send, record the plan's
//! answer, the pending worklist. Approved amounts replace estimates (see `treatment_plan`).
use frontdesk_access::Permission;
use frontdesk_domain::PatientId;
use frontdesk_insurance::preauth::{preauth_transition, Preauth, PreauthAction, PreauthId};
use frontdesk_insurance::{CoverageId, TreatmentItemId};
use frontdesk_store::preauths;

use crate::{App, AppError};

impl App {
    pub async fn create_preauth(
        &self,
        patient: PatientId,
        coverage: CoverageId,
        items: &[TreatmentItemId],
    ) -> Result<Preauth, AppError> {
        self.require(Permission::WorkClaims).await?;
        let now = self.cfg.clock.now();
        let id = preauths::create(
            &self.db,
            patient,
            coverage,
            items,
            self.today(),
            &self.actor(),
            now,
        )
        .await?;
        self.preauth(id).await
    }

    pub async fn preauth(&self, id: PreauthId) -> Result<Preauth, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(preauths::get(&self.db, id, self.today()).await?)
    }

    pub async fn patient_preauths(&self, patient: PatientId) -> Result<Vec<Preauth>, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(preauths::for_patient(&self.db, patient, self.today()).await?)
    }

    /// Sends, approves (amount per procedure, expiry date) or denies (reason).
    pub async fn preauth_action(
        &self,
        id: PreauthId,
        action: &PreauthAction,
    ) -> Result<Preauth, AppError> {
        self.require(Permission::WorkClaims).await?;
        let p = self.preauth(id).await?;
        let items: Vec<TreatmentItemId> = p.lines.iter().map(|l| l.item.id).collect();
        let change = preauth_transition(p.status, action, &items, self.today())?;
        let now = self.cfg.clock.now();
        preauths::apply(&self.db, id, p.status, &change, &self.actor(), now).await?;
        self.preauth(id).await
    }

    /// Sent and unanswered for longer than the office's limit (21 days unless changed).
    pub async fn preauth_worklist(&self) -> Result<Vec<Preauth>, AppError> {
        self.require(Permission::ViewPatients).await?;
        let days = self.worklist_limits().await?.preauth_pending_days;
        let today = self.today();
        Ok(preauths::pending(&self.db, today - chrono::Duration::days(days), today).await?)
    }
}
