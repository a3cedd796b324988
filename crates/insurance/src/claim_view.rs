//! Claims as lists and the claim screen show them.
use frontdesk_domain::PatientSummary;
use serde::Serialize;

use crate::claim::{ClaimId, ClaimStatus};
use crate::coverage::{CoverageId, Rank};
use crate::treatment::TreatmentItem;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ClaimSummary {
    pub id: ClaimId,
    pub patient: PatientSummary,
    pub coverage_id: CoverageId,
    pub plan: String,
    pub rank: Rank,
    /// `YYYY-MM-DD`.
    pub service_date: String,
    pub status: ClaimStatus,
    pub sent_on: Option<String>,
    pub paid_on: Option<String>,
    pub denial_reason: String,
    pub follow_up_on: Option<String>,
    pub notes: String,
    pub fee_cents: i64,
    pub estimate_cents: i64,
    pub paid_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ClaimLineView {
    pub item: TreatmentItem,
    pub fee_cents: i64,
    pub estimate_cents: i64,
    pub paid_cents: i64,
    pub write_off_cents: i64,
    pub deductible_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ClaimDetail {
    pub summary: ClaimSummary,
    pub lines: Vec<ClaimLineView>,
}
