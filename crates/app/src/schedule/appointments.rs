//! The schedule: booking (checked by the scheduling rules against the day's appointments in the
//! same write transaction), moving, status changes (check-in/out times from the clock), a day's
//! appointments. Typed dates and times are the clinic's local clock.
use chrono::NaiveTime;
use frontdesk_access::Permission;
use frontdesk_domain::{FieldError, PatientId, PatientSummary, ValidationErrors};
use frontdesk_insurance::text::parse_typed_date;
use frontdesk_scheduling::{
    day_bounds, first_available, local_datetime, to_utc, transition, AppointmentId,
    AppointmentStatus, AppointmentType, Blockout, Booking, BookingError, Holiday, Office,
    Operatory, Provider, SlotRequest, StatusAction, StatusError, WeeklyHours, SEARCH_DAYS,
};
use frontdesk_store::family;
use frontdesk_store::schedule::{self, BookError, StoredAppointment};
use serde::{Deserialize, Serialize};

use crate::{App, AppError, ErrorCode};

/// A booking as typed: local date and time in the clinic's timezone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct AppointmentDraft {
    pub patient_id: PatientId,
    /// `3/10/2026` or `2026-03-10`.
    pub date: String,
    /// `09:30` (24-hour) or `9:30 AM`.
    pub time: String,
    pub type_id: i64,
    pub provider: i64,
    pub operatory: i64,
    /// Empty: the appointment type's length.
    pub minutes: Option<u32>,
    pub devices: Vec<i64>,
    /// Procedure codes the visit is for; None: the appointment type's.
    pub procedures: Option<Vec<String>>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AppointmentView {
    pub id: AppointmentId,
    pub patient: PatientSummary,
    /// UTC instant (RFC 3339).
    pub start: String,
    /// Local `YYYY-MM-DD` and `HH:MM` in the clinic's timezone.
    pub local_date: String,
    pub local_time: String,
    pub minutes: u32,
    pub provider_id: i64,
    pub provider: String,
    pub operatory_id: i64,
    pub operatory: String,
    pub type_id: i64,
    pub type_name: String,
    pub colour: String,
    pub status: AppointmentStatus,
    pub notes: String,
    /// Procedure codes the visit is booked for.
    pub procedures: Vec<String>,
    /// When the patient checked in (RFC 3339), once arrived.
    pub checked_in_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct DaySchedule {
    pub date: String,
    pub appointments: Vec<AppointmentView>,
}

/// The office's schedule set-up: what the booking form offers and what the manager edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ScheduleSetup {
    pub slot_minutes: u32,
    /// Opening hours on the clinic's clock.
    pub office_hours: WeeklyHours,
    pub providers: Vec<Provider>,
    pub operatories: Vec<Operatory>,
    /// Shared equipment (e.g. one laser for two rooms) that cannot be double-booked.
    pub devices: Vec<frontdesk_scheduling::Device>,
    pub types: Vec<AppointmentType>,
    pub holidays: Vec<Holiday>,
    pub blockouts: Vec<Blockout>,
    pub recall_types: Vec<frontdesk_scheduling::RecallType>,
}

/// A patient's appointments as the card shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct PatientAppointments {
    /// From today on, by start.
    pub upcoming: Vec<AppointmentView>,
    /// Broken appointments (no-shows), ever.
    pub no_shows: i64,
    pub cancellations: i64,
    /// Cancelled less than 24 hours before the appointment.
    pub late_cancellations: i64,
}

/// A free time found by "first available".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct FreeSlot {
    pub start: String,
    pub local_date: String,
    pub local_time: String,
    pub minutes: u32,
    pub operatory_id: i64,
    pub operatory: String,
}

/// A status step as the coordinator asks for it; times come from the clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum AppointmentAction {
    Confirm,
    CheckIn,
    Seat,
    CheckOut,
    Cancel { reason: String },
    MarkBroken,
}

fn parse_time(s: &str) -> Option<NaiveTime> {
    let t = s.trim().to_uppercase();
    ["%H:%M", "%I:%M %p", "%I:%M%p", "%H%M"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(&t, f).ok())
}

impl From<BookError> for AppError {
    fn from(e: BookError) -> Self {
        match e {
            BookError::Rules(BookingError::Invalid(v)) => v.into(),
            BookError::Rules(BookingError::Conflict(c)) => AppError::new(
                ErrorCode::ScheduleConflict,
                format!("That time cannot be booked: {c}."),
            ),
            BookError::Store(s) => s.into(),
        }
    }
}

impl App {
    pub(crate) async fn office(&self) -> Result<Office, AppError> {
        Ok(schedule::office(&self.db, self.tz).await?)
    }

    pub async fn schedule_setup(&self) -> Result<ScheduleSetup, AppError> {
        self.require(Permission::ViewPatients).await?;
        let o = self.office().await?;
        Ok(ScheduleSetup {
            slot_minutes: o.slot.minutes(),
            office_hours: o.hours,
            providers: o.providers,
            operatories: o.operatories,
            devices: o.devices,
            types: o.types,
            holidays: o.holidays,
            blockouts: o.blockouts,
            recall_types: frontdesk_store::recall::recall_types(&self.db).await?,
        })
    }

    /// The typed draft as a booking for the rules.
    fn booking(
        &self,
        office: &Office,
        d: &AppointmentDraft,
        moving: Option<AppointmentId>,
    ) -> Result<Booking, AppError> {
        let mut problems = Vec::new();
        let date = parse_typed_date(&d.date);
        if date.is_none() {
            problems.push(FieldError::new(
                "date",
                "is not a real date (e.g. 03/10/2026)",
            ));
        }
        let time = parse_time(&d.time);
        if time.is_none() {
            problems.push(FieldError::new(
                "time",
                "is not a time (e.g. 09:30 or 2:15 PM)",
            ));
        }
        let kind = office.appointment_type(d.type_id);
        if kind.is_none() {
            problems.push(FieldError::new("type_id", "choose the appointment type"));
        }
        if !problems.is_empty() {
            return Err(ValidationErrors(problems).into());
        }
        let (date, time) = (date.expect("checked"), time.expect("checked"));
        let start = to_utc(office.tz, date, time)
            .map_err(|e| AppError::from(ValidationErrors(vec![e.field_error("time")])))?;
        Ok(Booking {
            moving,
            start,
            minutes: d
                .minutes
                .unwrap_or_else(|| kind.expect("checked").minutes(office.slot)),
            provider: d.provider,
            operatory: d.operatory,
            devices: d.devices.clone(),
            type_id: d.type_id,
        })
    }

    /// The procedure codes a booking is for: as given (trimmed, upper-case), else the type's.
    fn procedures_of(
        &self,
        office: &Office,
        d: &AppointmentDraft,
    ) -> Result<Vec<String>, AppError> {
        let codes: Vec<String> = match &d.procedures {
            Some(list) => list
                .iter()
                .map(|c| c.trim().to_uppercase())
                .filter(|c| !c.is_empty())
                .collect(),
            None => office
                .appointment_type(d.type_id)
                .map(|t| t.procedure_codes.clone())
                .unwrap_or_default(),
        };
        if codes.len() > 20 || codes.iter().any(|c| c.chars().count() > 12) {
            return Err(AppError::invalid(
                "procedures",
                "at most 20 codes of up to 12 characters",
            ));
        }
        Ok(codes)
    }

    /// Books an appointment; conflicts are refused with the appointment, hours, holiday or
    /// blockout that stands in the way, and nothing is written.
    pub async fn book_appointment(
        &self,
        d: &AppointmentDraft,
    ) -> Result<AppointmentView, AppError> {
        self.require(Permission::Schedule).await?;
        let office = self.office().await?;
        let booking = self.booking(&office, d, None)?;
        let notes = d.notes.trim();
        if notes.chars().count() > 1000 {
            return Err(AppError::invalid("notes", "is longer than 1000 characters"));
        }
        let procedures = self.procedures_of(&office, d)?;
        let now = self.cfg.clock.now();
        let id = schedule::book(
            &self.db,
            &office,
            d.patient_id,
            &booking,
            &procedures,
            notes,
            &self.actor(),
            now,
        )
        .await?;
        self.appointment(id).await
    }

    /// Moves (or changes) a scheduled or confirmed appointment.
    pub async fn move_appointment(
        &self,
        id: AppointmentId,
        d: &AppointmentDraft,
    ) -> Result<AppointmentView, AppError> {
        self.require(Permission::Schedule).await?;
        let office = self.office().await?;
        let booking = self.booking(&office, d, Some(id))?;
        let procedures = self.procedures_of(&office, d)?;
        let now = self.cfg.clock.now();
        schedule::book(
            &self.db,
            &office,
            d.patient_id,
            &booking,
            &procedures,
            d.notes.trim(),
            &self.actor(),
            now,
        )
        .await?;
        self.appointment(id).await
    }

    pub async fn appointment_action(
        &self,
        id: AppointmentId,
        action: &AppointmentAction,
    ) -> Result<AppointmentView, AppError> {
        self.require(Permission::Schedule).await?;
        let a = schedule::get(&self.db, id).await?;
        let at = self.cfg.clock.now();
        let step = match action {
            AppointmentAction::Confirm => StatusAction::Confirm,
            AppointmentAction::CheckIn => StatusAction::CheckIn { at },
            AppointmentAction::Seat => StatusAction::Seat { at },
            AppointmentAction::CheckOut => StatusAction::CheckOut { at },
            AppointmentAction::Cancel { reason } => StatusAction::Cancel {
                reason: reason.clone(),
            },
            AppointmentAction::MarkBroken => StatusAction::MarkBroken,
        };
        let change = transition(a.appointment.status, &step).map_err(|e| match e {
            StatusError::Invalid(v) => AppError::from(v),
            other => AppError::invalid("status", other.to_string()),
        })?;
        schedule::set_status(
            &self.db,
            id,
            a.appointment.status,
            &change,
            &self.actor(),
            at,
        )
        .await?;
        self.appointment(id).await
    }

    pub async fn appointment(&self, id: AppointmentId) -> Result<AppointmentView, AppError> {
        self.require(Permission::ViewPatients).await?;
        let office = self.office().await?;
        let a = schedule::get(&self.db, id).await?;
        self.view(&office, a).await
    }

    /// The next `count` free times for `request` from the start of local date `from` (today if
    /// empty, never before now) over the next 90 days, within working hours, honouring
    /// blockouts, holidays and the patient's preferences.
    pub async fn first_available(
        &self,
        request: &SlotRequest,
        from: &str,
        count: usize,
    ) -> Result<Vec<FreeSlot>, AppError> {
        self.require(Permission::ViewPatients).await?;
        let day = if from.trim().is_empty() {
            self.today()
        } else {
            parse_typed_date(from)
                .ok_or_else(|| AppError::invalid("from", "is not a real date (e.g. 03/10/2026)"))?
        };
        let office = self.office().await?;
        let start = day_bounds(self.tz, day).start.max(self.cfg.clock.now());
        let end = start + chrono::Duration::days(i64::from(SEARCH_DAYS) + 1);
        let taken = schedule::for_request(
            &self.db,
            start,
            end,
            request.provider,
            &request.operatories,
            !request.devices.is_empty(),
        )
        .await?;
        let found = first_available(
            request,
            &taken,
            &office,
            start,
            SEARCH_DAYS,
            count.clamp(1, 50),
        )?;
        Ok(found
            .into_iter()
            .map(|o| {
                let local = local_datetime(self.tz, o.start);
                FreeSlot {
                    start: o.start.to_rfc3339(),
                    local_date: local.date().to_string(),
                    local_time: local.time().format("%H:%M").to_string(),
                    minutes: o.minutes,
                    operatory_id: o.operatory,
                    operatory: office
                        .operatory(o.operatory)
                        .map(|x| x.name.clone())
                        .unwrap_or_default(),
                }
            })
            .collect())
    }

    /// The patient's appointments from today on, and their no-show and cancellation counts.
    pub async fn patient_appointments(
        &self,
        patient: PatientId,
    ) -> Result<PatientAppointments, AppError> {
        self.require(Permission::ViewPatients).await?;
        let office = self.office().await?;
        let from = day_bounds(self.tz, self.today()).start;
        let person = family::summary(&self.db, patient).await?;
        let upcoming = schedule::upcoming_for(&self.db, patient, from)
            .await?
            .into_iter()
            .map(|a| view_of(self.tz, &office, a, person.clone()))
            .collect();
        let (no_shows, cancellations, late_cancellations) =
            schedule::missed_and_cancelled(&self.db, patient).await?;
        Ok(PatientAppointments {
            upcoming,
            no_shows,
            cancellations,
            late_cancellations,
        })
    }

    /// Every change made to an appointment (booked, moved, each status step), newest first.
    pub async fn appointment_history(
        &self,
        id: AppointmentId,
    ) -> Result<Vec<crate::patients::records::AuditLine>, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(
            frontdesk_store::audit::for_entity(&self.db, "appointment", id, 100)
                .await?
                .into_iter()
                .map(|e| crate::patients::records::AuditLine {
                    at: e.at.to_rfc3339(),
                    actor: e.actor,
                    action: e.action,
                    fields: e.fields,
                })
                .collect(),
        )
    }

    /// The appointments of a local date, by start (one query for them, one for their patients).
    pub async fn day_schedule(&self, date: &str) -> Result<DaySchedule, AppError> {
        self.require(Permission::ViewPatients).await?;
        let day = parse_typed_date(date)
            .ok_or_else(|| AppError::invalid("date", "is not a real date (e.g. 03/10/2026)"))?;
        let office = self.office().await?;
        let span = day_bounds(self.tz, day);
        let rows = schedule::between(&self.db, span.start, span.end).await?;
        let mut ids: Vec<PatientId> = rows.iter().map(|a| a.patient_id).collect();
        ids.sort_unstable();
        ids.dedup();
        let people = family::summaries(&self.db, &ids).await?;
        let appointments = rows
            .into_iter()
            .filter_map(|a| {
                let patient = people.get(&a.patient_id)?.clone();
                Some(view_of(self.tz, &office, a, patient))
            })
            .collect();
        Ok(DaySchedule {
            date: day.to_string(),
            appointments,
        })
    }

    async fn view(
        &self,
        office: &Office,
        s: StoredAppointment,
    ) -> Result<AppointmentView, AppError> {
        let patient = family::summary(&self.db, s.patient_id).await?;
        Ok(view_of(self.tz, office, s, patient))
    }
}

fn view_of(
    tz: chrono_tz::Tz,
    office: &Office,
    s: StoredAppointment,
    patient: PatientSummary,
) -> AppointmentView {
    let a = s.appointment;
    let local = local_datetime(tz, a.start);
    let kind = office.appointment_type(a.type_id);
    AppointmentView {
        id: a.id,
        patient,
        start: a.start.to_rfc3339(),
        local_date: local.date().to_string(),
        local_time: local.time().format("%H:%M").to_string(),
        minutes: a.minutes,
        provider_id: a.provider,
        provider: office
            .provider(a.provider)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        operatory_id: a.operatory,
        operatory: office
            .operatory(a.operatory)
            .map(|o| o.name.clone())
            .unwrap_or_default(),
        type_id: a.type_id,
        type_name: kind.map(|k| k.name.clone()).unwrap_or_default(),
        colour: kind.map(|k| k.colour.clone()).unwrap_or_default(),
        status: a.status,
        notes: s.notes,
        procedures: s.procedures,
        checked_in_at: s.checked_in_at.map(|t| t.to_rfc3339()),
    }
}
