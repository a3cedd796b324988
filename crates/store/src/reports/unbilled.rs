//! Completed procedures of insured patients that no claim carries (the unbilled report): the
//! patient had a coverage in force on the day the procedure was completed, and no claim — in
//! any status — lists it.
use chrono::NaiveDate;

use crate::{Db, Result};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UnbilledProcedure {
    pub item_id: i64,
    pub patient_id: i64,
    pub code: String,
    pub tooth: String,
    pub surface: String,
    pub units: i64,
    /// Per unit.
    pub fee_cents: i64,
    pub completed_on: NaiveDate,
    /// The primary (else secondary) coverage's carrier and group name on that day.
    pub plan: String,
}

/// Every unbilled procedure, oldest first.
pub async fn procedures(db: &Db) -> Result<Vec<UnbilledProcedure>> {
    Ok(sqlx::query_as(
        "SELECT t.id AS item_id, t.patient_id, t.code, t.tooth, t.surface, t.units, t.fee_cents, \
                t.completed_on, \
                (SELECT ca.name || ' - ' || pl.group_name \
                   FROM coverages c JOIN subscribers s ON s.id = c.subscriber_id \
                   JOIN plans pl ON pl.id = s.plan_id JOIN carriers ca ON ca.id = pl.carrier_id \
                  WHERE c.patient_id = t.patient_id AND c.effective <= t.completed_on \
                    AND (c.termination IS NULL OR c.termination >= t.completed_on) \
                  ORDER BY c.rank LIMIT 1) AS plan \
         FROM treatment_items t \
         WHERE t.status = 'completed' \
           AND NOT EXISTS (SELECT 1 FROM claim_items ci WHERE ci.treatment_item_id = t.id) \
           AND EXISTS (SELECT 1 FROM coverages c WHERE c.patient_id = t.patient_id \
                         AND c.effective <= t.completed_on \
                         AND (c.termination IS NULL OR c.termination >= t.completed_on)) \
         ORDER BY t.completed_on, t.patient_id, t.position",
    )
    .fetch_all(&db.reader)
    .await?)
}
