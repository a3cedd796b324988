//! The office fee schedule: import from CSV (all or nothing), list.
use frontdesk_access::Permission;
use frontdesk_domain::fee_schedule::{parse_fee_csv, FeeEntry, FeeImport};
use frontdesk_store::fee_schedule;

use crate::{App, AppError};

impl App {
    /// Imports a fee-schedule CSV: new codes are added, changed ones updated, the rest kept.
    /// Any bad row refuses the whole file, naming each line and column.
    pub async fn import_fee_schedule(&self, csv: &str) -> Result<FeeImport, AppError> {
        self.require(Permission::OfficeSetup).await?;
        let entries = parse_fee_csv(csv)?;
        Ok(fee_schedule::import(&self.db, &entries, &self.actor(), self.cfg.clock.now()).await?)
    }

    pub async fn fee_schedule(&self) -> Result<Vec<FeeEntry>, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(fee_schedule::list(&self.db).await?)
    }
}
