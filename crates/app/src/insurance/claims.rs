//! Claims: create from completed procedures (one date of service, one coverage), move through the
//! statuses, post the plan's payment, follow up, worklists, and the printed claim form.
use chrono::NaiveDate;
use frontdesk_access::Permission;
use frontdesk_domain::PatientId;
use frontdesk_insurance::claim::{check_payment, transition, ClaimId, ClaimedLine};
use frontdesk_insurance::claim_view::{ClaimDetail, ClaimSummary};
use frontdesk_insurance::text::parse_typed_date;
use frontdesk_insurance::{ClaimAction, CoverageId, PaymentLine, Rank, TreatmentItemId};
use frontdesk_store::claims::{self, NewClaimLine};
use frontdesk_store::{coverages, treatment};
use serde::{Deserialize, Serialize};

use crate::{App, AppError, ErrorCode};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ClaimWorklist {
    /// Sent, received or appealed more than the configured days ago.
    Outstanding,
    Denied,
}

impl App {
    /// Creates a draft claim for `items` (completed on `service_date`) to `coverage`. A secondary
    /// claim can be made once the primary plan has paid those procedures.
    pub async fn create_claim(
        &self,
        patient: PatientId,
        coverage: CoverageId,
        service_date: &str,
        items: &[TreatmentItemId],
    ) -> Result<ClaimDetail, AppError> {
        self.require(Permission::WorkClaims).await?;
        let day = parse_typed_date(service_date).ok_or_else(|| {
            AppError::invalid("service_date", "is not a real date (e.g. 03/10/2026)")
        })?;
        if items.is_empty() {
            return Err(AppError::invalid(
                "items",
                "choose at least one completed procedure",
            ));
        }
        let (cov, _) = coverages::coverage_with_plan(&self.db, coverage).await?;
        if cov.patient_id != patient {
            return Err(AppError::new(
                ErrorCode::NotFound,
                "no such coverage for this patient",
            ));
        }
        if !cov.active_on(day) {
            return Err(AppError::invalid(
                "coverage_id",
                "was not in force on the date of service",
            ));
        }
        let in_force = self.coverages_in_force(patient, day).await?;
        if cov.details.rank == Rank::Secondary {
            let primary = in_force
                .iter()
                .find(|(c, _)| c.details.rank == Rank::Primary);
            let paid = match primary {
                Some((p, _)) => claims::paid_by(&self.db, p.id, items).await?,
                None => true,
            };
            if !paid {
                return Err(AppError::new(
                    ErrorCode::Refused,
                    "the secondary claim is ready once the primary plan has paid these procedures",
                ));
            }
        }
        let all = treatment::items(&self.db, patient).await?;
        let chosen: Vec<_> = all.iter().filter(|i| items.contains(&i.id)).collect();
        if chosen.len() != items.len() {
            return Err(AppError::new(
                ErrorCode::NotFound,
                "no such treatment plan procedure",
            ));
        }
        let estimate = self.estimate_items(patient, day, &all, &chosen).await?;
        let lines: Vec<NewClaimLine> = estimate
            .lines
            .iter()
            .map(|l| NewClaimLine {
                item: l.item_id,
                fee_cents: l.fee_cents,
                estimate_cents: l
                    .plans
                    .iter()
                    .find(|s| s.coverage_id == coverage)
                    .map_or(0, |s| s.estimate_cents),
            })
            .collect();
        let now = self.cfg.clock.now();
        let id =
            claims::create(&self.db, patient, coverage, day, &lines, &self.actor(), now).await?;
        self.claim(id).await
    }

    pub async fn claim(&self, id: ClaimId) -> Result<ClaimDetail, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(claims::detail(&self.db, id).await?)
    }

    pub async fn patient_claims(&self, patient: PatientId) -> Result<Vec<ClaimSummary>, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(claims::for_patient(&self.db, patient).await?)
    }

    /// Sends, marks received, denies (reason and follow-up date) or appeals a claim.
    pub async fn claim_action(
        &self,
        id: ClaimId,
        action: &ClaimAction,
    ) -> Result<ClaimDetail, AppError> {
        self.require(Permission::WorkClaims).await?;
        let from = claims::detail(&self.db, id).await?.summary.status;
        let t = transition(from, action, self.today())?;
        let now = self.cfg.clock.now();
        claims::set_status(&self.db, id, from, &t, &self.actor(), now).await?;
        self.claim(id).await
    }

    /// Posts the plan's payment per procedure; the claim becomes paid or partially paid, and the
    /// amounts count as benefits used from then on.
    pub async fn post_claim_payment(
        &self,
        id: ClaimId,
        paid_on: &str,
        lines: &[PaymentLine],
    ) -> Result<ClaimDetail, AppError> {
        self.require(Permission::WorkClaims).await?;
        let day = parse_typed_date(paid_on)
            .ok_or_else(|| AppError::invalid("paid_on", "is not a real date (e.g. 03/10/2026)"))?;
        if day > self.today() {
            return Err(AppError::invalid("paid_on", "is in the future"));
        }
        let detail = claims::detail(&self.db, id).await?;
        let claimed: Vec<ClaimedLine> = detail
            .lines
            .iter()
            .map(|l| ClaimedLine {
                treatment_item_id: l.item.id,
                fee: frontdesk_domain::money::Cents(l.fee_cents),
            })
            .collect();
        let (posted, status) = check_payment(detail.summary.status, &claimed, lines)?;
        let now = self.cfg.clock.now();
        let lock = self.locked_through().await?;
        claims::post_payment(
            &self.db,
            id,
            detail.summary.status,
            &posted,
            status,
            day,
            lock,
            &self.actor(),
            now,
        )
        .await?;
        self.claim(id).await
    }

    /// Sets when to follow up (empty: none) and the notes.
    pub async fn claim_follow_up(
        &self,
        id: ClaimId,
        follow_up: &str,
        notes: &str,
    ) -> Result<ClaimDetail, AppError> {
        self.require(Permission::WorkClaims).await?;
        let date: Option<NaiveDate> = if follow_up.trim().is_empty() {
            None
        } else {
            Some(parse_typed_date(follow_up).ok_or_else(|| {
                AppError::invalid("follow_up", "is not a real date (e.g. 03/10/2026)")
            })?)
        };
        let notes = notes.trim();
        if notes.chars().count() > 2000 {
            return Err(AppError::invalid("notes", "is longer than 2000 characters"));
        }
        let now = self.cfg.clock.now();
        claims::set_follow_up(&self.db, id, date, notes, &self.actor(), now).await?;
        self.claim(id).await
    }

    /// The outstanding (older than the configured days) or denied claims.
    pub async fn claim_worklist(&self, list: ClaimWorklist) -> Result<Vec<ClaimSummary>, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(match list {
            ClaimWorklist::Denied => claims::denied(&self.db).await?,
            ClaimWorklist::Outstanding => {
                let days = self.worklist_limits().await?.claims_outstanding_days;
                let before = self.today() - chrono::Duration::days(days);
                claims::outstanding(&self.db, before).await?
            }
        })
    }
}
