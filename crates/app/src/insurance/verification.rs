//! Eligibility verification of a patient's coverage, and the worklist of coverages to verify.
use frontdesk_access::Permission;
use frontdesk_domain::{PatientId, PatientSummary};
use frontdesk_insurance::verification::{validate_verification, Verification, VerificationDraft};
use frontdesk_insurance::Coverage;
use frontdesk_insurance::CoverageId;
use frontdesk_scheduling::{day_bounds, local_datetime};
use frontdesk_store::{coverages, family, schedule, verifications};
use serde::Serialize;

use crate::{App, AppError, ErrorCode};

/// A coverage to verify before the patient's appointment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct EligibilityDue {
    pub patient: PatientSummary,
    pub coverage: Coverage,
    /// The appointment, local `YYYY-MM-DD HH:MM`.
    pub appointment: String,
    /// "never verified" or "last verified 2026-09-30".
    pub reason: String,
}

impl App {
    /// Patients with an appointment from now through the next N days (the office's look-ahead)
    /// whose coverage in force on that day was never verified or was last verified longer ago
    /// than the re-verify limit; soonest appointment first.
    pub async fn eligibility_worklist(&self) -> Result<Vec<EligibilityDue>, AppError> {
        self.require(Permission::ViewPatients).await?;
        let limits = self.worklist_limits().await?;
        let today = self.today();
        let until = day_bounds(
            self.tz,
            today + chrono::Duration::days(limits.eligibility_lookahead_days),
        )
        .end;
        let stale_before = today - chrono::Duration::days(limits.reverify_days);
        let mut out = Vec::new();
        for (patient, start) in
            schedule::patients_booked_between(&self.db, self.now(), until).await?
        {
            let local = local_datetime(self.tz, start);
            for (c, _) in coverages::coverages_with_plans(&self.db, patient).await? {
                if !c.active_on(local.date()) {
                    continue;
                }
                let reason = match c
                    .last_verified
                    .as_deref()
                    .and_then(frontdesk_insurance::text::parse_typed_date)
                {
                    None => "never verified".to_string(),
                    Some(d) if d < stale_before => format!("last verified {d}"),
                    Some(_) => continue,
                };
                out.push(EligibilityDue {
                    patient: family::summary(&self.db, patient).await?,
                    coverage: c,
                    appointment: local.format("%Y-%m-%d %H:%M").to_string(),
                    reason,
                });
            }
        }
        Ok(out)
    }

    /// Records a verification of `coverage` (the patient's); returns its verifications, newest first.
    pub async fn verify_coverage(
        &self,
        patient: PatientId,
        coverage: CoverageId,
        draft: &VerificationDraft,
    ) -> Result<Vec<Verification>, AppError> {
        self.require(Permission::VerifyInsurance).await?;
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
        verifications::add(&self.db, coverage, &v, &self.actor(), now).await?;
        self.verifications(coverage).await
    }

    pub async fn verifications(&self, coverage: CoverageId) -> Result<Vec<Verification>, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(verifications::for_coverage(&self.db, coverage).await?)
    }
}
