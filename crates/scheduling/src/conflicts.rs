//! Whether a booking may be made. Input problems come first ([`validate_booking`], field errors);
//! then the calendar (holiday, office hours, the provider's hours, blockouts); then other
//! appointments. Every conflict names what it clashes with: the other appointment's id, the
//! blockout's id and reason, the holiday's date and name.
//!
//! - Cancelled and broken appointments hold no time; a moved appointment does not clash with
//!   itself ([`Booking::moving`]).
//! - Two appointments of the same provider may overlap when **either** of their types may
//!   overlap the provider (the dentist's exam during a hygiene visit, whichever was booked
//!   first); they still may not share an operatory or a device.
//! - A booking must fit in one period of the office's hours and one of the provider's hours on
//!   the local date it starts: a booking across lunch is outside the provider's hours.
use chrono_tz::Tz;
use frontdesk_domain::{FieldError, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::calendar::{dates_of, holiday_on, BlockoutId};
use crate::model::{Appointment, AppointmentId, Booking, DeviceId, Office};
use crate::span::{inside, Span};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Conflict {
    #[error("the office is closed on {date} ({name})")]
    Holiday {
        date: chrono::NaiveDate,
        name: String,
    },
    #[error("outside the office's hours")]
    OutsideOfficeHours,
    #[error("outside the provider's working hours")]
    OutsideProviderHours,
    #[error("blocked: {reason} (blockout {id})")]
    Blockout { id: BlockoutId, reason: String },
    #[error("the provider is already booked in appointment {with}")]
    Provider { with: AppointmentId },
    #[error("the operatory is already booked in appointment {with}")]
    Operatory { with: AppointmentId },
    #[error("device {device} is already booked in appointment {with}")]
    Device {
        device: DeviceId,
        with: AppointmentId,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BookingError {
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error(transparent)]
    Conflict(#[from] Conflict),
}

/// Field problems of a booking: `start` (on a slot boundary), `minutes` (whole slots, at most
/// 12 hours), `provider`, `operatory`, `type_id` (known), `devices` (known, usable in the
/// operatory).
pub fn validate_booking(b: &Booking, office: &Office) -> Result<(), ValidationErrors> {
    let mut problems = Vec::new();
    if let Err(e) = office.slot.check_start("start", office.tz, b.start) {
        problems.push(e);
    }
    if let Err(e) = office.slot.check_length("minutes", b.minutes) {
        problems.push(e);
    }
    if office.provider(b.provider).is_none() {
        problems.push(FieldError::new("provider", "does not exist"));
    }
    if office.operatory(b.operatory).is_none() {
        problems.push(FieldError::new("operatory", "does not exist"));
    }
    if office.appointment_type(b.type_id).is_none() {
        problems.push(FieldError::new("type_id", "does not exist"));
    }
    if let Some(problem) = device_problem(office, &b.devices, b.operatory) {
        problems.push(FieldError::new("devices", problem));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ValidationErrors(problems))
    }
}

/// Why these devices cannot be used in `operatory`, if they cannot.
pub(crate) fn device_problem(
    office: &Office,
    devices: &[DeviceId],
    operatory: crate::model::OperatoryId,
) -> Option<&'static str> {
    for id in devices {
        match office.device(*id) {
            None => return Some("lists a device that does not exist"),
            Some(d) if !d.serves(operatory) => {
                return Some("lists a device that is not available in this operatory")
            }
            Some(_) => {}
        }
    }
    None
}

/// Validates the booking, then returns its first conflict, if any (calendar before other
/// appointments, appointments by start time).
pub fn check_booking(
    b: &Booking,
    existing: &[Appointment],
    office: &Office,
) -> Result<(), BookingError> {
    validate_booking(b, office)?;
    match conflicts(b, existing, office).into_iter().next() {
        Some(c) => Err(c.into()),
        None => Ok(()),
    }
}

/// Every conflict of the booking (for showing them all); does not validate it.
pub fn conflicts(b: &Booking, existing: &[Appointment], office: &Office) -> Vec<Conflict> {
    let mut out = Vec::new();
    calendar_conflicts(b, office, &mut out);
    appointment_conflicts(b, existing, office, &mut out);
    out
}

fn calendar_conflicts(b: &Booking, office: &Office, out: &mut Vec<Conflict>) {
    let tz: Tz = office.tz;
    let span = b.span();
    let dates = dates_of(tz, &span);
    for date in &dates {
        if let Some(h) = holiday_on(&office.holidays, *date) {
            out.push(Conflict::Holiday {
                date: h.date,
                name: h.name.clone(),
            });
        }
    }
    let first = dates[0];
    if !inside(&office.hours.spans(tz, first), &span) {
        out.push(Conflict::OutsideOfficeHours);
    }
    let provider_open = office
        .provider(b.provider)
        .is_some_and(|p| inside(&p.hours.spans(tz, first), &span));
    if !provider_open {
        out.push(Conflict::OutsideProviderHours);
    }
    for bl in &office.blockouts {
        if bl.applies_to(b.provider, b.operatory)
            && !bl.lets_in(b.type_id)
            && bl.overlaps(tz, &span)
        {
            out.push(Conflict::Blockout {
                id: bl.id,
                reason: bl.reason.clone(),
            });
        }
    }
}

/// Two appointments of one provider may overlap when either type allows it.
pub(crate) fn provider_may_overlap(
    office: &Office,
    a: crate::model::AppointmentTypeId,
    b: crate::model::AppointmentTypeId,
) -> bool {
    office.may_overlap_provider(a) || office.may_overlap_provider(b)
}

/// `a` occupies time that a booking moving `moving` must respect.
pub(crate) fn holds_time(a: &Appointment, moving: Option<AppointmentId>) -> bool {
    a.status.holds_time() && Some(a.id) != moving
}

fn appointment_conflicts(
    b: &Booking,
    existing: &[Appointment],
    office: &Office,
    out: &mut Vec<Conflict>,
) {
    let span: Span = b.span();
    let mut others: Vec<&Appointment> = existing
        .iter()
        .filter(|a| holds_time(a, b.moving) && a.span().overlaps(&span))
        .collect();
    others.sort_by_key(|a| (a.start, a.id));
    let mut devices = b.devices.clone();
    devices.sort_unstable();
    devices.dedup();
    for a in others {
        if a.provider == b.provider && !provider_may_overlap(office, b.type_id, a.type_id) {
            out.push(Conflict::Provider { with: a.id });
        }
        if a.operatory == b.operatory {
            out.push(Conflict::Operatory { with: a.id });
        }
        for d in devices.iter().filter(|d| a.devices.contains(d)) {
            out.push(Conflict::Device {
                device: *d,
                with: a.id,
            });
        }
    }
}

#[cfg(test)]
mod tests;
