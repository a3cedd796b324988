//! Mapping between the `patients` table and the domain's `Patient`.
use chrono::{DateTime, NaiveDate, Utc};
use frontdesk_domain::{
    Address, ContactMethod, ContactPreferences, EmergencyContact, MedicalAlerts, Patient,
    PatientStatus, PatientSummary, RecordMeta, Relationship, Sex,
};

pub(crate) const PATIENT_COLUMNS: &str = "id, last_name, first_name, middle_name, preferred_name, date_of_birth, sex, \
    address_line1, address_line2, address_city, address_state, address_postal_code, address_country, \
    phone_home, phone_mobile, phone_work, email, contact_preferred, ok_voicemail, ok_text, ok_email, \
    chart_number, status, allergies, premedication, medical_alerts, notes, emergency_name, \
    emergency_relationship, emergency_phone, referral_source, guarantor_id, relationship_to_guarantor, \
    created_at, created_by, updated_at, updated_by, version";

pub(crate) const SUMMARY_COLUMNS: &str = "p.id, p.last_name, p.first_name, p.preferred_name, p.date_of_birth, \
    p.chart_number, p.phone_mobile, p.phone_home, p.phone_work, p.status, \
    (p.premedication <> 0 OR p.allergies <> '' OR p.medical_alerts <> '') AS has_alerts, p.guarantor_id";

#[derive(sqlx::FromRow)]
pub(crate) struct PatientRow {
    id: i64,
    last_name: String,
    first_name: String,
    middle_name: String,
    preferred_name: String,
    date_of_birth: NaiveDate,
    sex: String,
    address_line1: String,
    address_line2: String,
    address_city: String,
    address_state: String,
    address_postal_code: String,
    address_country: String,
    phone_home: String,
    phone_mobile: String,
    phone_work: String,
    email: String,
    contact_preferred: String,
    ok_voicemail: bool,
    ok_text: bool,
    ok_email: bool,
    chart_number: String,
    status: String,
    allergies: String,
    premedication: bool,
    medical_alerts: String,
    notes: String,
    emergency_name: String,
    emergency_relationship: String,
    emergency_phone: String,
    referral_source: String,
    guarantor_id: Option<i64>,
    relationship_to_guarantor: String,
    created_at: DateTime<Utc>,
    created_by: String,
    updated_at: DateTime<Utc>,
    updated_by: String,
    version: i64,
}

impl From<PatientRow> for Patient {
    fn from(r: PatientRow) -> Patient {
        Patient {
            id: r.id,
            last_name: r.last_name,
            first_name: r.first_name,
            middle_name: r.middle_name,
            preferred_name: r.preferred_name,
            date_of_birth: r.date_of_birth,
            sex: Sex::parse(&r.sex).unwrap_or(Sex::Unknown),
            address: Address {
                line1: r.address_line1,
                line2: r.address_line2,
                city: r.address_city,
                state: r.address_state,
                postal_code: r.address_postal_code,
                country: r.address_country,
            },
            phone_home: r.phone_home,
            phone_mobile: r.phone_mobile,
            phone_work: r.phone_work,
            email: r.email,
            contact: ContactPreferences {
                preferred: ContactMethod::parse(&r.contact_preferred)
                    .unwrap_or(ContactMethod::Call),
                ok_voicemail: r.ok_voicemail,
                ok_text: r.ok_text,
                ok_email: r.ok_email,
            },
            chart_number: r.chart_number,
            status: PatientStatus::parse(&r.status).unwrap_or(PatientStatus::Active),
            medical: MedicalAlerts {
                allergies: r.allergies,
                premedication: r.premedication,
                alerts: r.medical_alerts,
            },
            notes: r.notes,
            emergency_contact: EmergencyContact {
                name: r.emergency_name,
                relationship: r.emergency_relationship,
                phone: r.emergency_phone,
            },
            referral_source: r.referral_source,
            guarantor_id: r.guarantor_id,
            relationship_to_guarantor: Relationship::parse(&r.relationship_to_guarantor)
                .unwrap_or(Relationship::SelfGuarantor),
            meta: RecordMeta {
                created_at: r.created_at,
                created_by: r.created_by,
                updated_at: r.updated_at,
                updated_by: r.updated_by,
                version: r.version,
            },
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SummaryRow {
    id: i64,
    last_name: String,
    first_name: String,
    preferred_name: String,
    date_of_birth: NaiveDate,
    chart_number: String,
    phone_mobile: String,
    phone_home: String,
    phone_work: String,
    status: String,
    has_alerts: bool,
    guarantor_id: Option<i64>,
}

impl From<SummaryRow> for PatientSummary {
    fn from(r: SummaryRow) -> PatientSummary {
        let phone = [r.phone_mobile, r.phone_home, r.phone_work]
            .into_iter()
            .find(|p| !p.is_empty())
            .unwrap_or_default();
        PatientSummary {
            id: r.id,
            last_name: r.last_name,
            first_name: r.first_name,
            preferred_name: r.preferred_name,
            date_of_birth: r.date_of_birth,
            chart_number: r.chart_number,
            phone,
            status: PatientStatus::parse(&r.status).unwrap_or(PatientStatus::Active),
            has_alerts: r.has_alerts,
            guarantor_id: r.guarantor_id,
        }
    }
}
