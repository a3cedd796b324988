//! Patient use-cases: search, open the card (audited), create, edit, archive, restore.
use frontdesk_access::Permission;
use frontdesk_domain::patient_diff::changed_fields;
use frontdesk_domain::search_query::parse_search;
use frontdesk_domain::validation::validate_patient;
use frontdesk_domain::{Patient, PatientDraft, PatientId, PatientStatus, PatientSummary};
use frontdesk_store::{audit, patient_search, patients, AuditEvent};
use serde::Serialize;

use crate::patients::family::{family_of, Family};
use crate::{App, AppError};

/// Most hits a search returns.
pub const SEARCH_LIMIT: usize = 50;

/// Everything the patient card shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct PatientCard {
    pub patient: Patient,
    pub family: Family,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AuditLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub fields: Vec<String>,
}

impl App {
    pub async fn search_patients(
        &self,
        query: &str,
        include_archived: bool,
    ) -> Result<Vec<PatientSummary>, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(patient_search::search(
            &self.db,
            &parse_search(query),
            include_archived,
            SEARCH_LIMIT,
        )
        .await?)
    }

    /// Opens a patient's card; the read is written to the audit log.
    pub async fn patient_card(&self, id: PatientId) -> Result<PatientCard, AppError> {
        self.require(Permission::ViewPatients).await?;
        let card = self.card_unaudited(id).await?;
        let event = AuditEvent {
            actor: &self.actor(),
            action: "patient.read",
            entity: "patient",
            entity_id: Some(id),
            fields: vec![],
        };
        audit::append(&self.db, &event, self.cfg.clock.now()).await?;
        Ok(card)
    }

    /// Writes one audit entry about a patient record (`what`: the part read or printed).
    pub(crate) async fn audit_patient(
        &self,
        id: PatientId,
        action: &str,
        what: &str,
    ) -> Result<(), AppError> {
        let event = AuditEvent {
            actor: &self.actor(),
            action,
            entity: "patient",
            entity_id: Some(id),
            fields: vec![what.to_string()],
        };
        Ok(audit::append(&self.db, &event, self.cfg.clock.now()).await?)
    }

    pub(crate) async fn card_unaudited(&self, id: PatientId) -> Result<PatientCard, AppError> {
        let patient = patients::get(&self.db, id).await?;
        let family = family_of(&self.db, &patient).await?;
        Ok(PatientCard { patient, family })
    }

    pub async fn create_patient(&self, draft: &PatientDraft) -> Result<PatientCard, AppError> {
        self.require(Permission::EditPatients).await?;
        let valid = validate_patient(draft, self.today())?;
        let id = patients::create(&self.db, &valid, &self.actor(), self.cfg.clock.now()).await?;
        self.card_unaudited(id).await
    }

    /// Saves an edit made from `version` of the record; refuses if someone saved in between.
    pub async fn update_patient(
        &self,
        id: PatientId,
        version: i64,
        draft: &PatientDraft,
    ) -> Result<PatientCard, AppError> {
        self.require(Permission::EditPatients).await?;
        let valid = validate_patient(draft, self.today())?;
        let before = patients::get(&self.db, id).await?;
        let fields = changed_fields(&before.to_draft(), &valid.draft);
        patients::update(
            &self.db,
            id,
            version,
            &valid,
            fields,
            &self.actor(),
            self.cfg.clock.now(),
        )
        .await?;
        self.card_unaudited(id).await
    }

    pub async fn archive_patient(
        &self,
        id: PatientId,
        version: i64,
    ) -> Result<PatientCard, AppError> {
        self.require(Permission::EditPatients).await?;
        self.set_status(id, version, PatientStatus::Archived).await
    }

    pub async fn unarchive_patient(
        &self,
        id: PatientId,
        version: i64,
    ) -> Result<PatientCard, AppError> {
        self.require(Permission::EditPatients).await?;
        self.set_status(id, version, PatientStatus::Active).await
    }

    async fn set_status(
        &self,
        id: PatientId,
        version: i64,
        status: PatientStatus,
    ) -> Result<PatientCard, AppError> {
        patients::set_status(
            &self.db,
            id,
            version,
            status,
            &self.actor(),
            self.cfg.clock.now(),
        )
        .await?;
        self.card_unaudited(id).await
    }

    /// The audit trail of one patient record, newest first.
    pub async fn patient_audit(&self, id: PatientId) -> Result<Vec<AuditLine>, AppError> {
        self.require(Permission::ViewAudit).await?;
        let entries = audit::for_entity(&self.db, "patient", id, 200).await?;
        Ok(entries
            .into_iter()
            .map(|e| AuditLine {
                at: e.at.to_rfc3339(),
                actor: e.actor,
                action: e.action,
                fields: e.fields,
            })
            .collect())
    }

    pub async fn patient_count(&self) -> Result<i64, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(patients::count(&self.db).await?)
    }
}
