//! The check-in packet, pre-filled from the record: registration (with both insurances),
//! medical history, HIPAA acknowledgment, financial policy, treatment consent and, for cosmetic
//! patients, the photo consent. For one patient, or every patient booked on a day in one job.
use frontdesk_access::Permission;
use frontdesk_documents::{
    checkin_packet_pdf, default_conditions, CheckinPacketDoc, CheckinPatient, InsuranceBlock,
};
use frontdesk_domain::{Patient, PatientId};
use frontdesk_insurance::text::parse_typed_date;
use frontdesk_scheduling::AppointmentStatus;
use frontdesk_store::patients;

use crate::money::statements::us;
use crate::schedule::appointments::AppointmentView;
use crate::{App, AppError};

fn or_blank(s: &str) -> String {
    s.trim().to_string()
}

impl App {
    async fn checkin_patient(
        &self,
        p: &Patient,
        visit: Option<&AppointmentView>,
        photo_for_all: bool,
    ) -> Result<CheckinPatient, AppError> {
        let day = self.today();
        let mut insurance = Vec::new();
        for (c, plan) in self.coverages_in_force(p.id, day).await? {
            let subscriber = patients::get(&self.db, c.details.subscriber_id).await?;
            insurance.push(InsuranceBlock {
                rank: match c.details.rank {
                    frontdesk_insurance::Rank::Primary => "Primary".into(),
                    frontdesk_insurance::Rank::Secondary => "Secondary".into(),
                },
                carrier: plan.carrier_name.clone(),
                group: format!("{} {}", plan.details.group_name, plan.details.group_number)
                    .trim()
                    .to_string(),
                member_id: c.details.member_id.clone(),
                subscriber_name: format!("{} {}", subscriber.first_name, subscriber.last_name),
                subscriber_dob: subscriber.date_of_birth.format("%m/%d/%Y").to_string(),
                relationship: c.details.relationship.as_str().replace('_', " "),
            });
        }
        let guarantor = match p.guarantor_id {
            Some(g) => {
                let g = frontdesk_store::family::summary(&self.db, g).await?;
                format!("{} {}", g.first_name, g.last_name)
            }
            None => "Self".into(),
        };
        let a = &p.address;
        let city = format!("{}, {} {}", a.city, a.state, a.postal_code);
        let cosmetic = photo_for_all
            || visit.is_some_and(|v| {
                let t = v.type_name.to_lowercase();
                ["cosmetic", "botox", "filler", "laser", "aesthetic"]
                    .iter()
                    .any(|k| t.contains(k))
            });
        Ok(CheckinPatient {
            name: format!("{} {} {}", p.first_name, p.middle_name, p.last_name)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            preferred_name: or_blank(&p.preferred_name),
            chart: p.chart_number.clone(),
            dob: p.date_of_birth.format("%m/%d/%Y").to_string(),
            sex: p.sex.as_str().to_string(),
            address_lines: [a.line1.clone(), a.line2.clone(), city]
                .into_iter()
                .filter(|l| !l.trim().trim_matches(',').trim().is_empty())
                .collect(),
            phone_home: or_blank(&p.phone_home),
            phone_mobile: or_blank(&p.phone_mobile),
            phone_work: or_blank(&p.phone_work),
            email: or_blank(&p.email),
            contact_preference: p.contact.preferred.as_str().to_string(),
            guarantor,
            appointment: visit
                .map(|v| format!("{} {} — {}", us(&v.local_date), v.local_time, v.type_name))
                .unwrap_or_default(),
            insurance,
            allergies: or_blank(&p.medical.allergies),
            premedication: p.medical.premedication,
            alerts: or_blank(&p.medical.alerts),
            emergency_name: or_blank(&p.emergency_contact.name),
            emergency_relationship: or_blank(&p.emergency_contact.relationship),
            emergency_phone: or_blank(&p.emergency_contact.phone),
            cosmetic,
        })
    }

    async fn packet(
        &self,
        people: Vec<(Patient, Option<AppointmentView>)>,
    ) -> Result<Vec<u8>, AppError> {
        let settings = self.document_settings().await?;
        let mut patients_out = Vec::with_capacity(people.len());
        for (p, visit) in &people {
            patients_out.push(
                self.checkin_patient(p, visit.as_ref(), settings.photo_consent_for_all)
                    .await?,
            );
            self.audit_patient(p.id, "patient.print_checkin", "checkin_packet")
                .await?;
        }
        let doc = CheckinPacketDoc {
            office: self.letterhead().await?,
            texts: settings.policy_texts(),
            conditions: default_conditions(),
            patients: patients_out,
        };
        Ok(checkin_packet_pdf(&doc)?)
    }

    /// One patient's check-in packet (with today's visit when there is one).
    pub async fn checkin_packet_for(&self, patient: PatientId) -> Result<Vec<u8>, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        let p = patients::get(&self.db, patient).await?;
        let today = self.today().to_string();
        let visit = self
            .patient_appointments(patient)
            .await?
            .upcoming
            .into_iter()
            .find(|a| a.local_date == today);
        self.packet(vec![(p, visit)]).await
    }

    /// Every patient booked on `date` (not cancelled or missed), by time, in one PDF.
    pub async fn checkin_packets_for_day(&self, date: &str) -> Result<Vec<u8>, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        let day = parse_typed_date(date)
            .ok_or_else(|| AppError::invalid("date", "is not a real date (e.g. 03/10/2026)"))?;
        let schedule = self.day_schedule(&day.to_string()).await?;
        let mut people: Vec<(Patient, Option<AppointmentView>)> = Vec::new();
        for a in schedule.appointments {
            if matches!(
                a.status,
                AppointmentStatus::Cancelled | AppointmentStatus::Broken
            ) || people.iter().any(|(p, _)| p.id == a.patient.id)
            {
                continue;
            }
            people.push((patients::get(&self.db, a.patient.id).await?, Some(a)));
        }
        if people.is_empty() {
            return Err(AppError::new(
                crate::ErrorCode::NotFound,
                "No patients are booked on that day.",
            ));
        }
        self.packet(people).await
    }
}
