//! A patient's coverages: add or change (one primary and one secondary in force at a time).
use frontdesk_access::Permission;
use frontdesk_domain::PatientId;
use frontdesk_insurance::coverage::validate_coverage;
use frontdesk_insurance::{Coverage, CoverageDraft, CoverageId};
use frontdesk_store::coverages;

use crate::{App, AppError};

impl App {
    /// Adds (`id` None) or changes a coverage of `patient`; returns the patient's coverages.
    pub async fn save_coverage(
        &self,
        patient: PatientId,
        id: Option<CoverageId>,
        draft: &CoverageDraft,
    ) -> Result<Vec<Coverage>, AppError> {
        self.require(Permission::EditPatients).await?;
        let v = validate_coverage(patient, draft)?;
        let now = self.cfg.clock.now();
        coverages::save_coverage(&self.db, id, patient, &v, &self.actor(), now).await?;
        self.coverages(patient).await
    }

    /// Primary first; newest first within a rank (ended ones included, marked by their dates).
    pub async fn coverages(&self, patient: PatientId) -> Result<Vec<Coverage>, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(coverages::coverages_with_plans(&self.db, patient)
            .await?
            .into_iter()
            .map(|(c, _)| c)
            .collect())
    }
}
