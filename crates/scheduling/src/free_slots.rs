//! Find first available: the next N openings for an appointment type with one provider, on the
//! office's slot grid, from a given instant over the next days (normally [`SEARCH_DAYS`]).
//!
//! An opening passes [`crate::check_booking`] as it stands: it fits in one period of the
//! office's and the provider's hours, not on a holiday, clear of blockouts that do not let the
//! type in, of the provider's other appointments (unless either type may overlap), of the
//! requested devices' appointments, and of the operatory's appointments. It also honours the
//! patient's [`Preferences`]. For each start time the first free operatory of the request's list
//! (or of the office's, when the request names none) is offered; operatories without every
//! requested device are left out.
//!
//! The appointments are sorted once into busy lists per resource; each candidate slot is then a
//! few binary searches, so 90 days of a busy provider take a few milliseconds.
use chrono::{DateTime, Utc};
use frontdesk_domain::{FieldError, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::calendar::{holiday_on, BlockoutScope};
use crate::conflicts::{device_problem, holds_time, provider_may_overlap};
use crate::local_time::{day_bounds, local_date};
use crate::model::{
    Appointment, AppointmentId, AppointmentTypeId, Booking, DeviceId, Office, OperatoryId,
    ProviderId,
};
use crate::preferences::Preferences;
use crate::slot::day_slots;
use crate::span::{any_overlap, inside, intersect, normalize, Span};

/// How far ahead "find first available" looks by default.
pub const SEARCH_DAYS: u32 = 90;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct SlotRequest {
    pub type_id: AppointmentTypeId,
    pub provider: ProviderId,
    /// The length; by default the type's.
    #[serde(default)]
    pub minutes: Option<u32>,
    /// Operatories to offer, in order of preference; empty = any, in the office's order.
    #[serde(default)]
    pub operatories: Vec<OperatoryId>,
    #[serde(default)]
    pub devices: Vec<DeviceId>,
    #[serde(default)]
    pub preferences: Preferences,
    /// Looking for a new time for this appointment (its own time is free).
    #[serde(default)]
    pub moving: Option<AppointmentId>,
}

/// A free start time, with the operatory it is free in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Opening {
    pub start: DateTime<Utc>,
    pub minutes: u32,
    pub operatory: OperatoryId,
}

impl SlotRequest {
    /// The booking that takes `opening`.
    pub fn booking(&self, opening: &Opening) -> Booking {
        Booking {
            moving: self.moving,
            start: opening.start,
            minutes: opening.minutes,
            provider: self.provider,
            operatory: opening.operatory,
            devices: self.devices.clone(),
            type_id: self.type_id,
        }
    }
}

/// The checked request: its length and the operatories it may use.
struct Plan {
    minutes: u32,
    rooms: Vec<OperatoryId>,
}

fn plan(req: &SlotRequest, office: &Office) -> Result<Plan, ValidationErrors> {
    let mut problems = Vec::new();
    let ty = office.appointment_type(req.type_id);
    if ty.is_none() {
        problems.push(FieldError::new("type_id", "does not exist"));
    }
    if office.provider(req.provider).is_none() {
        problems.push(FieldError::new("provider", "does not exist"));
    }
    let minutes = req
        .minutes
        .or_else(|| ty.map(|t| t.minutes(office.slot)))
        .unwrap_or(0);
    if ty.is_some() || req.minutes.is_some() {
        if let Err(e) = office.slot.check_length("minutes", minutes) {
            problems.push(e);
        }
    }
    if req
        .operatories
        .iter()
        .any(|o| office.operatory(*o).is_none())
    {
        problems.push(FieldError::new(
            "operatories",
            "lists an operatory that does not exist",
        ));
    }
    if req.devices.iter().any(|d| office.device(*d).is_none()) {
        problems.push(FieldError::new(
            "devices",
            "lists a device that does not exist",
        ));
    }
    if !problems.is_empty() {
        return Err(ValidationErrors(problems));
    }
    let listed: Vec<OperatoryId> = if req.operatories.is_empty() {
        office.operatories.iter().map(|o| o.id).collect()
    } else {
        req.operatories.clone()
    };
    let mut rooms: Vec<OperatoryId> = Vec::with_capacity(listed.len());
    for room in listed {
        if !rooms.contains(&room) && device_problem(office, &req.devices, room).is_none() {
            rooms.push(room);
        }
    }
    if rooms.is_empty() {
        return Err(ValidationErrors(vec![FieldError::new(
            if req.devices.is_empty() {
                "operatories"
            } else {
                "devices"
            },
            "no operatory can take this appointment",
        )]));
    }
    Ok(Plan { minutes, rooms })
}

/// Time taken, per resource, as normalized span lists.
struct Busy {
    provider: Vec<Span>,
    devices: Vec<Span>,
    rooms: Vec<Vec<Span>>,
}

fn busy(
    req: &SlotRequest,
    rooms: &[OperatoryId],
    existing: &[Appointment],
    office: &Office,
) -> Busy {
    let mut provider = Vec::new();
    let mut devices = Vec::new();
    let mut by_room = vec![Vec::new(); rooms.len()];
    for a in existing.iter().filter(|a| holds_time(a, req.moving)) {
        let span = a.span();
        if a.provider == req.provider && !provider_may_overlap(office, req.type_id, a.type_id) {
            provider.push(span);
        }
        if a.devices.iter().any(|d| req.devices.contains(d)) {
            devices.push(span);
        }
        if let Some(i) = rooms.iter().position(|r| *r == a.operatory) {
            by_room[i].push(span);
        }
    }
    Busy {
        provider: normalize(provider),
        devices: normalize(devices),
        rooms: by_room.into_iter().map(normalize).collect(),
    }
}

/// The first `n` openings from `from` (inclusive) over `days` local dates, starting with the
/// date of `from`. Fewer when the calendar is full. Errors name the request's field.
pub fn first_available(
    req: &SlotRequest,
    existing: &[Appointment],
    office: &Office,
    from: DateTime<Utc>,
    days: u32,
    n: usize,
) -> Result<Vec<Opening>, ValidationErrors> {
    let Plan { minutes, rooms } = plan(req, office)?;
    let mut out = Vec::new();
    if n == 0 {
        return Ok(out);
    }
    let Some(provider) = office.provider(req.provider) else {
        return Ok(out);
    };
    let tz = office.tz;
    let busy = busy(req, &rooms, existing, office);
    let blocks = |scope_ok: &dyn Fn(&BlockoutScope) -> bool, date| {
        normalize(
            office
                .blockouts
                .iter()
                .filter(|b| scope_ok(&b.scope) && !b.lets_in(req.type_id))
                .filter_map(|b| b.span_on(tz, date))
                .collect(),
        )
    };
    for date in local_date(tz, from).iter_days().take(days as usize) {
        if holiday_on(&office.holidays, date).is_some() {
            continue;
        }
        let Some(window) = req.preferences.window(tz, date, day_bounds(tz, date)) else {
            continue;
        };
        let open = intersect(
            &intersect(
                &office.hours.spans(tz, date),
                &provider.hours.spans(tz, date),
            ),
            &normalize(vec![window]),
        );
        if open.is_empty() {
            continue;
        }
        let blocked = blocks(
            &|s| match s {
                BlockoutScope::Office => true,
                BlockoutScope::Provider { provider } => *provider == req.provider,
                BlockoutScope::Operatory { .. } => false,
            },
            date,
        );
        let room_blocked: Vec<Vec<Span>> = rooms
            .iter()
            .map(|room| {
                blocks(
                    &|s| matches!(s, BlockoutScope::Operatory { operatory } if operatory == room),
                    date,
                )
            })
            .collect();
        for start in day_slots(tz, date, office.slot) {
            if start < from {
                continue;
            }
            let span = Span::minutes(start, minutes);
            if !inside(&open, &span)
                || any_overlap(&blocked, &span)
                || any_overlap(&busy.provider, &span)
                || any_overlap(&busy.devices, &span)
            {
                continue;
            }
            let room = (0..rooms.len()).find(|&i| {
                !any_overlap(&busy.rooms[i], &span) && !any_overlap(&room_blocked[i], &span)
            });
            if let Some(i) = room {
                out.push(Opening {
                    start,
                    minutes,
                    operatory: rooms[i],
                });
                if out.len() == n {
                    return Ok(out);
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
