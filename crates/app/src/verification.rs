//! Eligibility verification of a patient's coverage, and the worklist of coverages to verify.
use frontdesk_domain::PatientId;
use frontdesk_insurance::verification::{validate_verification, Verification, VerificationDraft};
use frontdesk_insurance::CoverageId;
use frontdesk_store::{coverages, verifications};

use crate::{App, AppError, ErrorCode};

impl App {
    /// Records a verification of `coverage` (the patient's); returns its verifications, newest first.
    pub async fn verify_coverage(
        &self,
        patient: PatientId,
        coverage: CoverageId,
        draft: &VerificationDraft,
    ) -> Result<Vec<Verification>, AppError> {
        let days = self.worklist_limits().await?.reverify_days;
        let v = validate_verification(draft, self.today(), days)?;
        let (c, _) = coverages::coverage_with_plan(&self.db, coverage).await?;
        if c.patient_id != patient {
            return Err(AppError::new(
                ErrorCode::NotFound,
                "no such coverage for this patient",
            ));
        }
        let now = self.cfg.clock.now();
        verifications::add(&self.db, coverage, &v, self.actor(), now).await?;
        self.verifications(coverage).await
    }

    pub async fn verifications(&self, coverage: CoverageId) -> Result<Vec<Verification>, AppError> {
        Ok(verifications::for_coverage(&self.db, coverage).await?)
    }
}
