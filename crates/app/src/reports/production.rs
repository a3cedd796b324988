//! The production report: charges, discounts, write-offs, refunds and payments by day (the rules
//! are `frontdesk_ledger::production`), with the range's totals.
use frontdesk_access::Permission;
use frontdesk_ledger::production::{production_by_day, total, Production};
use serde::Serialize;

use super::Range;
use crate::{App, AppError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ProductionRow {
    /// `YYYY-MM-DD`.
    pub date: String,
    #[serde(flatten)]
    pub figures: Production,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ProductionReport {
    pub from: String,
    pub to: String,
    /// Days with entries, oldest first.
    pub rows: Vec<ProductionRow>,
    pub totals: Production,
}

impl App {
    pub async fn production_report(&self, range: Range) -> Result<ProductionReport, AppError> {
        self.require(Permission::ViewReports).await?;
        let (in_range, originals) = self.dated_entries(range.from, range.to).await?;
        let days = production_by_day(&in_range, &originals);
        self.audit_report("production", Some(range)).await?;
        Ok(ProductionReport {
            from: range.from.to_string(),
            to: range.to.to_string(),
            totals: total(days.values()),
            rows: days
                .into_iter()
                .map(|(d, figures)| ProductionRow {
                    date: d.to_string(),
                    figures,
                })
                .collect(),
        })
    }
}
