//! Insurance: carriers and plans, coverages, eligibility verification, the treatment plan with
//! its estimates, pre-authorizations and claims.
pub mod carriers_plans;
pub mod claims;
pub mod coverages;
pub mod preauthorizations;
pub mod treatment_plan;
pub mod verification;
