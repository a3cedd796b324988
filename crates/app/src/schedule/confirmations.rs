//! Confirming tomorrow's patients: the confirmation list for the next business day(s) with how to
//! reach each patient, logging every contact attempt to the patient's communication log (a
//! "confirmed" answer confirms the appointment), and the reminder export for a texting service.
use chrono::{Duration, NaiveDate};
use frontdesk_access::Permission;
use frontdesk_domain::contact_log::{validate_contact, ContactDraft, ContactEntry, ContactOutcome};
use frontdesk_domain::{ContactMethod, PatientId};
use frontdesk_insurance::text::parse_typed_date;
use frontdesk_scheduling::calendar::holiday_on;
use frontdesk_scheduling::{AppointmentStatus, DayOfWeek, Office};
use frontdesk_store::{contact_log, patients};
use serde::Serialize;

use crate::schedule::appointments::{AppointmentAction, AppointmentView};
use crate::{App, AppError, ErrorCode};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ConfirmationState {
    Unconfirmed,
    LeftMessage,
    Confirmed,
    WillCancel,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ConfirmationItem {
    pub appointment: AppointmentView,
    pub state: ConfirmationState,
    /// The phone to call first (mobile, then home, then work).
    pub phone: String,
    pub email: String,
    pub preferred: ContactMethod,
    pub ok_text: bool,
    pub ok_voicemail: bool,
    pub last_contact: Option<ContactEntry>,
}

fn open_on(office: &Office, day: NaiveDate) -> bool {
    !office.hours.on(DayOfWeek::of(day)).is_empty() && holiday_on(&office.holidays, day).is_none()
}

impl App {
    /// The next `days` days the office is open after today (1 to 7).
    pub(crate) async fn next_business_days(&self, days: i64) -> Result<Vec<NaiveDate>, AppError> {
        let office = self.office().await?;
        let mut out = Vec::new();
        let mut day = self.today();
        for _ in 0..60 {
            if out.len() as i64 >= days.clamp(1, 7) {
                break;
            }
            day += Duration::days(1);
            if open_on(&office, day) {
                out.push(day);
            }
        }
        Ok(out)
    }

    /// Appointments on the next `days` business days that still hold time, with how to reach
    /// each patient and where the confirmation stands.
    pub async fn confirmation_list(&self, days: i64) -> Result<Vec<ConfirmationItem>, AppError> {
        self.require(Permission::ViewPatients).await?;
        let mut out = Vec::new();
        for day in self.next_business_days(days).await? {
            for a in self.day_schedule(&day.to_string()).await?.appointments {
                if matches!(
                    a.status,
                    AppointmentStatus::Cancelled | AppointmentStatus::Broken
                ) {
                    continue;
                }
                out.push(self.confirmation_item(a).await?);
            }
        }
        Ok(out)
    }

    async fn confirmation_item(&self, a: AppointmentView) -> Result<ConfirmationItem, AppError> {
        let p = patients::get(&self.db, a.patient.id).await?;
        let last = contact_log::latest_for_appointment(&self.db, a.id).await?;
        let state = match (a.status, last.as_ref().map(|c| c.outcome)) {
            (AppointmentStatus::Confirmed, _) | (_, Some(ContactOutcome::Confirmed)) => {
                ConfirmationState::Confirmed
            }
            (_, Some(ContactOutcome::WillCancel)) => ConfirmationState::WillCancel,
            (_, Some(ContactOutcome::LeftMessage)) => ConfirmationState::LeftMessage,
            _ => ConfirmationState::Unconfirmed,
        };
        let phone = [&p.phone_mobile, &p.phone_home, &p.phone_work]
            .into_iter()
            .find(|x| !x.is_empty())
            .cloned()
            .unwrap_or_default();
        Ok(ConfirmationItem {
            appointment: a,
            state,
            phone,
            email: p.email.clone(),
            preferred: p.contact.preferred,
            ok_text: p.contact.ok_text,
            ok_voicemail: p.contact.ok_voicemail,
            last_contact: last,
        })
    }

    /// Logs a contact about an appointment; "confirmed" also confirms a scheduled appointment.
    pub async fn log_appointment_contact(
        &self,
        appointment: i64,
        draft: &ContactDraft,
    ) -> Result<ConfirmationItem, AppError> {
        self.require(Permission::Schedule).await?;
        let d = validate_contact(draft)?;
        let a = self.appointment(appointment).await?;
        let now = self.cfg.clock.now();
        contact_log::add(&self.db, a.patient.id, Some(a.id), &d, &self.actor(), now).await?;
        let a =
            if d.outcome == ContactOutcome::Confirmed && a.status == AppointmentStatus::Scheduled {
                self.appointment_action(a.id, &AppointmentAction::Confirm)
                    .await?
            } else {
                a
            };
        self.confirmation_item(a).await
    }

    /// Logs a contact that is not about one appointment (a follow-up call, say).
    pub async fn log_contact(
        &self,
        patient: PatientId,
        draft: &ContactDraft,
    ) -> Result<Vec<ContactEntry>, AppError> {
        self.require(Permission::EditPatients).await?;
        let d = validate_contact(draft)?;
        let now = self.cfg.clock.now();
        contact_log::add(&self.db, patient, None, &d, &self.actor(), now).await?;
        self.patient_contacts(patient).await
    }

    /// The patient's communication log, newest first.
    pub async fn patient_contacts(
        &self,
        patient: PatientId,
    ) -> Result<Vec<ContactEntry>, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(contact_log::for_patient(&self.db, patient, 200).await?)
    }

    /// The confirmation list as a printable call list (PDF).
    pub async fn call_list_pdf(&self, days: i64) -> Result<Vec<u8>, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        self.audit_export("export.call_list", "appointments", None, "call_list")
            .await?;
        let list = self.confirmation_list(days).await?;
        let days = self.next_business_days(days).await?;
        let title = match (days.first(), days.last()) {
            (Some(a), Some(b)) if a != b => format!(
                "Calls for {} to {}",
                a.format("%m/%d/%Y"),
                b.format("%m/%d/%Y")
            ),
            (Some(a), _) => format!("Calls for {}", a.format("%A %m/%d/%Y")),
            _ => "Calls".to_string(),
        };
        let rows = list
            .iter()
            .map(|c| frontdesk_documents::CallListRow {
                time: c.appointment.local_time.clone(),
                patient: format!(
                    "{}, {}",
                    c.appointment.patient.last_name, c.appointment.patient.first_name
                ),
                phone: c.phone.clone(),
                prefers: c.preferred.as_str().to_string(),
                visit: format!("{} - {}", c.appointment.type_name, c.appointment.provider),
                status: match c.state {
                    ConfirmationState::Unconfirmed => "",
                    ConfirmationState::LeftMessage => "left message",
                    ConfirmationState::Confirmed => "confirmed",
                    ConfirmationState::WillCancel => "will cancel",
                }
                .to_string(),
            })
            .collect();
        frontdesk_documents::call_list_pdf(&frontdesk_documents::CallListDoc {
            title,
            printed: self.today().format("%m/%d/%Y").to_string(),
            rows,
        })
        .map_err(|e| {
            AppError::new(
                ErrorCode::Internal,
                format!("the call list could not be made: {e}"),
            )
        })
    }

    /// Saves the call list PDF in `dir` (Documents by default); returns the path.
    pub async fn save_call_list_pdf(
        &self,
        days: i64,
        dir: Option<&std::path::Path>,
    ) -> Result<std::path::PathBuf, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        let pdf = self.call_list_pdf(days).await?;
        let name = format!("FrontDesk call list {}.pdf", self.today());
        crate::documents::save_to_folder::save_document(dir, &name, &pdf)
    }

    /// Saves the reminder CSV of `date` in `dir` (Documents by default); returns the path.
    pub async fn save_reminders_csv(
        &self,
        date: &str,
        dir: Option<&std::path::Path>,
    ) -> Result<std::path::PathBuf, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        let csv = self.reminders_csv(date).await?;
        let day = parse_typed_date(date)
            .map(|d| d.to_string())
            .unwrap_or_default();
        crate::documents::save_to_folder::save_document(
            dir,
            &format!("FrontDesk reminders {day}.csv"),
            csv.as_bytes(),
        )
    }

    /// A CSV of a day's appointments for a texting/email reminder service: one row per patient who
    /// accepts texts or email (by their preference), never the others.
    pub async fn reminders_csv(&self, date: &str) -> Result<String, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        self.audit_export("export.reminders", "appointments", None, "reminders_csv")
            .await?;
        let day = parse_typed_date(date).ok_or_else(|| {
            AppError::from(frontdesk_domain::ValidationErrors(vec![
                frontdesk_domain::FieldError::new("date", "is not a real date (e.g. 03/10/2026)"),
            ]))
        })?;
        let mut w = csv::Writer::from_writer(Vec::new());
        let header = [
            "date",
            "time",
            "first_name",
            "channel",
            "to",
            "with",
            "where",
        ];
        let fail =
            |e: csv::Error| AppError::new(ErrorCode::Internal, format!("reminder export: {e}"));
        w.write_record(header).map_err(fail)?;
        for a in self.day_schedule(&day.to_string()).await?.appointments {
            if matches!(
                a.status,
                AppointmentStatus::Cancelled | AppointmentStatus::Broken
            ) {
                continue;
            }
            let p = patients::get(&self.db, a.patient.id).await?;
            let text = p.contact.ok_text && !p.phone_mobile.is_empty();
            let email = p.contact.ok_email && !p.email.is_empty();
            let channel = match (p.contact.preferred, text, email) {
                (ContactMethod::Email, _, true) => Some(("email", p.email.clone())),
                (_, true, _) => Some((
                    "text",
                    frontdesk_domain::search_key::phone_digits(&p.phone_mobile),
                )),
                (_, _, true) => Some(("email", p.email.clone())),
                _ => None,
            };
            let Some((channel, to)) = channel else {
                continue;
            };
            let first = if p.preferred_name.is_empty() {
                &p.first_name
            } else {
                &p.preferred_name
            };
            w.write_record([
                a.local_date.as_str(),
                a.local_time.as_str(),
                first.as_str(),
                channel,
                to.as_str(),
                a.provider.as_str(),
                a.operatory.as_str(),
            ])
            .map_err(fail)?;
        }
        let bytes = w
            .into_inner()
            .map_err(|e| AppError::new(ErrorCode::Internal, format!("reminder export: {e}")))?;
        Ok(String::from_utf8(bytes).expect("csv of strings is UTF-8"))
    }
}
