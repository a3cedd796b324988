//! Dental insurance records and their rules, without I/O:
//! [`carrier`] and [`plan`] (benefits, validated by the estimate engine's own parser),
//! [`coverage`] (a patient's primary/secondary coverage through a subscriber),
//! [`treatment`] (treatment-plan procedures), [`claim`] (statuses and payment posting),
//! [`benefit_year`] (the window benefits used are counted in) and [`patient_estimate`]
//! (turns those records into an estimate scenario and runs the engine).
pub mod benefit_year;
pub mod carrier;
pub mod claim;
pub mod claim_view;
pub mod coverage;
pub mod patient_estimate;
pub mod plan;
pub mod preauth;
pub mod text;
pub mod treatment;
pub mod verification;

pub use carrier::{Carrier, CarrierDraft, CarrierId};
pub use claim::{ClaimAction, ClaimStatus, PaymentLine};
pub use coverage::{Coverage, CoverageDraft, CoverageId, Rank};
pub use frontdesk_estimate as estimate;
pub use plan::{Plan, PlanBenefits, PlanDraft, PlanId, PlanType};
pub use treatment::{TreatmentItem, TreatmentItemDraft, TreatmentItemId, TreatmentStatus};
