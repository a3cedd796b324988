//! Carriers and plans: save (checked, plan benefits through the estimate engine) and list.
use frontdesk_access::Permission;
use frontdesk_insurance::carrier::validate_carrier;
use frontdesk_insurance::plan::{check_alternate_fees, validate_plan};
use frontdesk_insurance::{Carrier, CarrierDraft, CarrierId, Plan, PlanDraft, PlanId};
use frontdesk_store::{fee_schedule, insurance_plans};

use crate::{App, AppError};

impl App {
    /// Adds a carrier (`id` None) or changes one.
    pub async fn save_carrier(
        &self,
        id: Option<CarrierId>,
        draft: &CarrierDraft,
    ) -> Result<Carrier, AppError> {
        self.require(Permission::ManageInsurancePlans).await?;
        let d = validate_carrier(draft)?;
        let now = self.cfg.clock.now();
        let id = insurance_plans::save_carrier(&self.db, id, &d, &self.actor(), now).await?;
        Ok(insurance_plans::carrier(&self.db, id).await?)
    }

    pub async fn carriers(&self) -> Result<Vec<Carrier>, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(insurance_plans::carriers(&self.db).await?)
    }

    /// Adds a plan (`id` None) or changes one; its benefits must be ones the estimate engine reads,
    /// and a percentage plan's alternate benefits need the office fee of the code they pay as.
    pub async fn save_plan(&self, id: Option<PlanId>, draft: &PlanDraft) -> Result<Plan, AppError> {
        self.require(Permission::ManageInsurancePlans).await?;
        let d = validate_plan(draft)?;
        if !d.benefits.downgrades.is_empty() {
            let fees = fee_schedule::list(&self.db).await?;
            check_alternate_fees(&d, |code| fees.iter().any(|f| f.code == code))?;
        }
        let now = self.cfg.clock.now();
        let id = insurance_plans::save_plan(&self.db, id, &d, &self.actor(), now).await?;
        Ok(insurance_plans::plan(&self.db, id).await?)
    }

    pub async fn plans(&self) -> Result<Vec<Plan>, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(insurance_plans::plans(&self.db).await?)
    }
}
