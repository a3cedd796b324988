//! The printed claim (ADA 2019-style layout): gathers the claim, the patient, the subscriber, the
//! carrier and the practice's billing details, and renders them with the documents crate.
use frontdesk_access::Permission;
use std::path::{Path, PathBuf};

use frontdesk_documents::{claim_form_pdf, ClaimFormDoc, ClaimLine, ClaimParty, ClaimPerson};
use frontdesk_domain::money::Cents;
use frontdesk_domain::{Address, Patient, Relationship};
use frontdesk_insurance::claim::ClaimId;
use frontdesk_insurance::treatment::area_code;
use frontdesk_store::{coverages, insurance_plans, patients};
use serde::{Deserialize, Serialize};

use crate::{App, AppError, ErrorCode};

/// The practice as it appears on claims (billing dentist). Stored as settings; no patient data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct PracticeInfo {
    pub name: String,
    pub address: Address,
    pub phone: String,
    pub npi: String,
    pub license: String,
    pub tin: String,
    pub treating_dentist: String,
}

const SETTING_PRACTICE: &str = "practice_info";

fn address_lines(a: &Address) -> Vec<String> {
    let city = format!("{} {} {}", a.city, a.state, a.postal_code);
    [a.line1.as_str(), a.line2.as_str(), city.trim()]
        .into_iter()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

fn person(p: &Patient) -> ClaimPerson {
    ClaimPerson {
        name: format!("{}, {} {}", p.last_name, p.first_name, p.middle_name)
            .trim()
            .to_string(),
        address: address_lines(&p.address),
        date_of_birth: p.date_of_birth.format("%m/%d/%Y").to_string(),
        sex: match p.sex.as_str() {
            "female" => "F",
            "male" => "M",
            _ => "U",
        }
        .into(),
    }
}

/// `MM/DD/YYYY`, as US claim forms print dates.
fn us_date(iso: &str) -> String {
    frontdesk_insurance::text::parse_typed_date(iso)
        .map_or_else(|| iso.to_string(), |d| d.format("%m/%d/%Y").to_string())
}

impl App {
    pub async fn practice_info(&self) -> Result<PracticeInfo, AppError> {
        self.require_signed_in()?;
        crate::admin::settings::read(&self.db, SETTING_PRACTICE).await
    }

    pub async fn set_practice_info(&self, info: &PracticeInfo) -> Result<(), AppError> {
        self.require(Permission::OfficeSetup).await?;
        crate::admin::settings::write(&self.db, SETTING_PRACTICE, info).await
    }

    /// The claim as a PDF in the ADA 2019-style layout.
    pub async fn claim_pdf(&self, id: ClaimId) -> Result<Vec<u8>, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        self.audit_export("claim.pdf", "claim", Some(id), "claim_form")
            .await?;
        let claim = self.claim(id).await?;
        let s = &claim.summary;
        let (cov, plan) = coverages::coverage_with_plan(&self.db, s.coverage_id).await?;
        let carrier = insurance_plans::carrier(&self.db, plan.details.carrier_id).await?;
        let patient = patients::get(&self.db, s.patient.id).await?;
        let subscriber = patients::get(&self.db, cov.details.subscriber_id).await?;
        let practice = self.practice_info().await?;
        let other = self
            .coverages_in_force(s.patient.id, self.today())
            .await?
            .into_iter()
            .find(|(c, _)| c.id != cov.id)
            .map(|(c, p)| format!("{}, member {}", p.label(), c.details.member_id));
        let doc = ClaimFormDoc {
            predetermination: false,
            claim_number: format!("Claim {id}"),
            carrier: ClaimParty {
                name: carrier.details.name.clone(),
                address: address_lines(&carrier.details.address),
                phone: carrier.details.phone.clone(),
            },
            payer_id: carrier.details.payer_id.clone(),
            other_coverage: other,
            subscriber: person(&subscriber),
            member_id: cov.details.member_id.clone(),
            group_number: plan.details.group_number.clone(),
            employer: plan.details.employer.clone(),
            patient: person(&patient),
            relationship: match cov.details.relationship {
                Relationship::SelfGuarantor => "Self",
                Relationship::Spouse => "Spouse",
                Relationship::Child => "Dependent child",
                Relationship::Parent | Relationship::Other => "Other",
            }
            .into(),
            chart_number: patient.chart_number.clone(),
            lines: claim
                .lines
                .iter()
                .map(|l| ClaimLine {
                    date: us_date(&s.service_date),
                    area: area_code(&l.item.tooth).unwrap_or("").into(),
                    tooth: if area_code(&l.item.tooth).is_some() {
                        String::new()
                    } else {
                        l.item.tooth.clone()
                    },
                    surface: l.item.surface.clone(),
                    code: l.item.code.clone(),
                    description: l.item.description.clone(),
                    fee: Cents(l.fee_cents).to_grouped(),
                })
                .collect(),
            total_fee: Cents(s.fee_cents).to_grouped(),
            billing: ClaimParty {
                name: practice.name.clone(),
                address: address_lines(&practice.address),
                phone: practice.phone.clone(),
            },
            npi: practice.npi.clone(),
            license: practice.license.clone(),
            tin: practice.tin.clone(),
            treating_dentist: practice.treating_dentist.clone(),
            printed_on: self.today().format("%m/%d/%Y").to_string(),
        };
        claim_form_pdf(&doc).map_err(|e| {
            AppError::new(
                ErrorCode::Internal,
                format!("the claim form could not be made: {e}"),
            )
        })
    }

    /// Saves the claim form PDF in `dir` (Documents by default); returns the path.
    pub async fn save_claim_pdf(
        &self,
        id: ClaimId,
        dir: Option<&Path>,
    ) -> Result<PathBuf, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        let pdf = self.claim_pdf(id).await?;
        crate::documents::save_to_folder::save_document(
            dir,
            &format!("FrontDesk claim {id}.pdf"),
            &pdf,
        )
    }
}
