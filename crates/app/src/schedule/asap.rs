//! The ASAP list: patients who want an earlier time. When a time frees up (a cancellation or a
//! no-show), the requests that fit it (type length, provider, the patient's preferences, and the
//! scheduling rules at that time) are offered, oldest request first; taking one books it (or moves
//! the patient's existing appointment there) and takes the request off the list.
use frontdesk_access::Permission;
use frontdesk_domain::{FieldError, PatientId, PatientSummary, ValidationErrors};
use frontdesk_scheduling::{
    check_booking, local_datetime, AppointmentId, Booking, Preferences, Span,
};
use frontdesk_store::{asap, family, schedule};
use serde::{Deserialize, Serialize};

use crate::schedule::appointments::{AppointmentDraft, AppointmentView};
use crate::{App, AppError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct AsapDraft {
    pub type_id: i64,
    /// Only with this provider (None: any).
    pub provider: Option<i64>,
    /// The appointment the patient already has and wants earlier, if any.
    pub appointment: Option<AppointmentId>,
    #[serde(default)]
    pub preferences: Preferences,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AsapEntry {
    pub id: i64,
    pub patient: PatientSummary,
    pub type_id: i64,
    pub type_name: String,
    pub provider_id: Option<i64>,
    pub provider: Option<String>,
    pub preferences: Preferences,
    pub note: String,
    /// Their current appointment, local `YYYY-MM-DD HH:MM`, if any.
    pub current: Option<String>,
    pub appointment_id: Option<AppointmentId>,
}

impl App {
    pub async fn add_asap(
        &self,
        patient: PatientId,
        d: &AsapDraft,
    ) -> Result<Vec<AsapEntry>, AppError> {
        self.require(Permission::Schedule).await?;
        let office = self.office().await?;
        let mut problems = Vec::new();
        if office.appointment_type(d.type_id).is_none() {
            problems.push(FieldError::new("type_id", "choose the appointment type"));
        }
        if d.provider.is_some_and(|p| office.provider(p).is_none()) {
            problems.push(FieldError::new("provider", "no such provider"));
        }
        if d.note.chars().count() > 500 {
            problems.push(FieldError::new("note", "is longer than 500 characters"));
        }
        if !problems.is_empty() {
            return Err(ValidationErrors(problems).into());
        }
        if let Some(a) = d.appointment {
            let existing = schedule::get(&self.db, a).await?;
            if existing.patient_id != patient {
                return Err(ValidationErrors(vec![FieldError::new(
                    "appointment",
                    "is another patient's",
                )])
                .into());
            }
        }
        let now = self.cfg.clock.now();
        asap::add(
            &self.db,
            patient,
            d.appointment,
            d.type_id,
            d.provider,
            &d.preferences,
            d.note.trim(),
            &self.actor(),
            now,
        )
        .await?;
        self.asap_list().await
    }

    pub async fn remove_asap(&self, id: i64) -> Result<Vec<AsapEntry>, AppError> {
        self.require(Permission::Schedule).await?;
        asap::close(&self.db, id).await?;
        self.asap_list().await
    }

    pub async fn asap_list(&self) -> Result<Vec<AsapEntry>, AppError> {
        self.require(Permission::ViewPatients).await?;
        let office = self.office().await?;
        let mut out = Vec::new();
        for r in asap::active(&self.db).await? {
            let current = match r.appointment_id {
                Some(a) => Some(schedule::get(&self.db, a).await?),
                None => None,
            };
            out.push(AsapEntry {
                id: r.id,
                patient: family::summary(&self.db, r.patient_id).await?,
                type_id: r.type_id,
                type_name: office
                    .appointment_type(r.type_id)
                    .map(|t| t.name.clone())
                    .unwrap_or_default(),
                provider_id: r.provider_id,
                provider: r
                    .provider_id
                    .and_then(|p| office.provider(p).map(|x| x.name.clone())),
                preferences: r.preferences,
                note: r.note,
                current: current.as_ref().map(|c| {
                    local_datetime(self.tz, c.appointment.start)
                        .format("%Y-%m-%d %H:%M")
                        .to_string()
                }),
                appointment_id: r.appointment_id,
            });
        }
        Ok(out)
    }

    /// The ASAP requests that fit the time `freed` held (an appointment just cancelled or
    /// missed): same provider if they asked for one, a type that fits in it, their preferences, and
    /// a booking the rules accept there now; oldest request first.
    pub async fn asap_candidates(&self, freed: AppointmentId) -> Result<Vec<AsapEntry>, AppError> {
        self.require(Permission::ViewPatients).await?;
        let office = self.office().await?;
        let slot = schedule::get(&self.db, freed).await?.appointment;
        let around = schedule::between(
            &self.db,
            slot.start - chrono::Duration::hours(12),
            slot.start + chrono::Duration::hours(12),
        )
        .await?;
        let mut fits = Vec::new();
        for e in self.asap_list().await? {
            let Some(kind) = office.appointment_type(e.type_id) else {
                continue;
            };
            let minutes = kind.minutes(office.slot);
            if minutes > slot.minutes || e.provider_id.is_some_and(|p| p != slot.provider) {
                continue;
            }
            if !e
                .preferences
                .allows(self.tz, &Span::minutes(slot.start, minutes))
            {
                continue;
            }
            let booking = Booking {
                moving: e.appointment_id,
                start: slot.start,
                minutes,
                provider: slot.provider,
                operatory: slot.operatory,
                devices: Vec::new(),
                type_id: e.type_id,
            };
            let existing: Vec<_> = around.iter().map(|a| a.appointment.clone()).collect();
            if check_booking(&booking, &existing, &office).is_ok() {
                fits.push(e);
            }
        }
        Ok(fits)
    }

    /// Books the request into the time `freed` held (moving their appointment if they had one)
    /// and takes it off the list.
    pub async fn fill_from_asap(
        &self,
        freed: AppointmentId,
        request: i64,
    ) -> Result<AppointmentView, AppError> {
        self.require(Permission::Schedule).await?;
        let e = self
            .asap_candidates(freed)
            .await?
            .into_iter()
            .find(|c| c.id == request)
            .ok_or_else(|| {
                AppError::from(ValidationErrors(vec![FieldError::new(
                    "request",
                    "does not fit that time",
                )]))
            })?;
        let slot = schedule::get(&self.db, freed).await?.appointment;
        let local = local_datetime(self.tz, slot.start);
        let draft = AppointmentDraft {
            patient_id: e.patient.id,
            date: local.date().to_string(),
            time: local.time().format("%H:%M").to_string(),
            type_id: e.type_id,
            provider: slot.provider,
            operatory: slot.operatory,
            minutes: None,
            devices: Vec::new(),
            procedures: None,
            notes: e.note.clone(),
        };
        let booked = match e.appointment_id {
            Some(a) => self.move_appointment(a, &draft).await?,
            None => self.book_appointment(&draft).await?,
        };
        asap::close(&self.db, e.id).await?;
        Ok(booked)
    }
}
