//! Family / guarantor use-cases.
use frontdesk_access::Permission;
use frontdesk_domain::{Patient, PatientId, PatientSummary, Relationship};
use frontdesk_store::{family, Db};
use serde::Serialize;

use crate::patients::records::PatientCard;
use crate::{App, AppError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct FamilyMember {
    pub patient: PatientSummary,
    pub relationship: Relationship,
}

/// A guarantor and the members whose statements go to them. A patient alone is a family of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Family {
    pub guarantor: PatientSummary,
    pub members: Vec<FamilyMember>,
}

pub(crate) async fn family_of(db: &Db, patient: &Patient) -> Result<Family, AppError> {
    let guarantor_id = patient.guarantor_id.unwrap_or(patient.id);
    let guarantor = family::summary(db, guarantor_id).await?;
    let members = family::members(db, guarantor_id)
        .await?
        .into_iter()
        .map(|(patient, relationship)| FamilyMember {
            patient,
            relationship,
        })
        .collect();
    Ok(Family { guarantor, members })
}

impl App {
    pub async fn link_family(
        &self,
        member: PatientId,
        guarantor: PatientId,
        relationship: Relationship,
    ) -> Result<PatientCard, AppError> {
        self.require(Permission::EditPatients).await?;
        family::link(
            &self.db,
            member,
            guarantor,
            relationship,
            &self.actor(),
            self.cfg.clock.now(),
        )
        .await?;
        self.card_unaudited(member).await
    }

    pub async fn unlink_family(&self, member: PatientId) -> Result<PatientCard, AppError> {
        self.require(Permission::EditPatients).await?;
        family::unlink(&self.db, member, &self.actor(), self.cfg.clock.now()).await?;
        self.card_unaudited(member).await
    }
}
