//! The office's worklist limits, in days: when a sent claim is outstanding, when an unanswered
//! pre-authorization needs a call, when a coverage must be verified again, and how far ahead the
//! eligibility worklist looks at appointments. Stored as settings; defaults as the issue says.
use frontdesk_access::Permission;
use frontdesk_domain::{FieldError, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::{App, AppError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct WorklistLimits {
    /// Sent claims waiting longer than this are outstanding (default 30).
    pub claims_outstanding_days: i64,
    /// Sent pre-authorizations unanswered longer than this need a call (default 21).
    pub preauth_pending_days: i64,
    /// A coverage last verified longer ago than this is due again (default 30).
    pub reverify_days: i64,
    /// The eligibility worklist looks at appointments this many days ahead (default 7).
    pub eligibility_lookahead_days: i64,
}

impl Default for WorklistLimits {
    fn default() -> Self {
        WorklistLimits {
            claims_outstanding_days: 30,
            preauth_pending_days: 21,
            reverify_days: 30,
            eligibility_lookahead_days: 7,
        }
    }
}

const KEY: &str = "worklist_limits";

impl App {
    pub async fn worklist_limits(&self) -> Result<WorklistLimits, AppError> {
        self.require_signed_in()?;
        crate::admin::settings::read(&self.db, KEY).await
    }

    /// Each limit must be from 1 to 365 days; nothing is saved otherwise.
    pub async fn set_worklist_limits(&self, l: &WorklistLimits) -> Result<(), AppError> {
        self.require(Permission::OfficeSetup).await?;
        let problems: Vec<FieldError> = [
            ("claims_outstanding_days", l.claims_outstanding_days),
            ("preauth_pending_days", l.preauth_pending_days),
            ("reverify_days", l.reverify_days),
            ("eligibility_lookahead_days", l.eligibility_lookahead_days),
        ]
        .into_iter()
        .filter(|(_, v)| !(1..=365).contains(v))
        .map(|(f, _)| FieldError::new(f, "must be from 1 to 365 days"))
        .collect();
        if !problems.is_empty() {
            return Err(ValidationErrors(problems).into());
        }
        crate::admin::settings::write(&self.db, KEY, l).await
    }
}
