//! The aging report's read of who may have insurance pending, for all accounts at once.
use frontdesk_domain::PatientId;

use crate::{Db, Result};

/// Patients with a completed procedure that no paid, partially paid or denied claim settled, and
/// a coverage on file, with their guarantor (`None`: they are their own). A superset of the
/// people whose estimated insurance is pending (whether a coverage is in force that day is
/// decided by the rules); everyone else has none.
pub async fn pending_candidates(db: &Db) -> Result<Vec<(PatientId, Option<PatientId>)>> {
    Ok(sqlx::query_as(
        "SELECT DISTINCT t.patient_id, p.guarantor_id FROM treatment_items t \
         JOIN patients p ON p.id = t.patient_id \
         WHERE t.status = 'completed' \
           AND EXISTS (SELECT 1 FROM coverages c WHERE c.patient_id = t.patient_id) \
           AND NOT EXISTS (SELECT 1 FROM claim_items ci JOIN claims c ON c.id = ci.claim_id \
                           WHERE ci.treatment_item_id = t.id AND c.patient_id = t.patient_id \
                             AND c.status IN ('paid', 'partially_paid', 'denied')) \
         ORDER BY t.patient_id",
    )
    .fetch_all(&db.reader)
    .await?)
}
