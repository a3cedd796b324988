//! The scheduling records: providers, operatories, shared devices, appointment types,
//! appointments and bookings, and the [`Office`] setup everything is checked against.
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use frontdesk_domain::ValidationErrors;
use serde::{Deserialize, Serialize};

use crate::calendar::{Blockout, Holiday};
use crate::checks::Problems;
use crate::hours::WeeklyHours;
use crate::slot::{SlotUnit, MAX_MINUTES};
use crate::span::Span;
use crate::status::AppointmentStatus;

pub type ProviderId = i64;
pub type OperatoryId = i64;
pub type DeviceId = i64;
pub type AppointmentTypeId = i64;
pub type AppointmentId = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    Dentist,
    Hygienist,
    Injector,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Provider {
    pub id: ProviderId,
    pub name: String,
    pub kind: ProviderKind,
    /// `#RRGGBB`.
    pub colour: String,
    /// Working hours; lunch is the gap between two periods.
    pub hours: WeeklyHours,
}

impl Provider {
    /// `name`, `colour`, `hours.<weekday>`.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut p = Problems::default();
        p.name("name", &self.name, 100);
        p.colour("colour", &self.colour);
        p.nested("hours", self.hours.validate());
        p.finish()
    }
}

/// A room or chair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Operatory {
    pub id: OperatoryId,
    pub name: String,
}

/// Equipment shared between rooms (e.g. one laser for two operatories); it is never in two
/// appointments at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Device {
    pub id: DeviceId,
    pub name: String,
    /// The operatories it can be used in.
    pub operatories: Vec<OperatoryId>,
}

impl Device {
    /// `name`; `operatories`: at least one, each known.
    pub fn validate(&self, known: &[Operatory]) -> Result<(), ValidationErrors> {
        let mut p = Problems::default();
        p.name("name", &self.name, 100);
        if self.operatories.is_empty() {
            p.add("operatories", "choose at least one operatory");
        } else if self
            .operatories
            .iter()
            .any(|o| !known.iter().any(|k| k.id == *o))
        {
            p.add("operatories", "lists an operatory that does not exist");
        }
        p.finish()
    }

    pub fn serves(&self, operatory: OperatoryId) -> bool {
        self.operatories.contains(&operatory)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct AppointmentType {
    pub id: AppointmentTypeId,
    pub name: String,
    /// Default length in slot units of the office.
    pub slots: u32,
    /// `#RRGGBB`.
    pub colour: String,
    /// Procedures planned by default (e.g. `D0120`, `D1110`).
    pub procedure_codes: Vec<String>,
    /// It may overlap another appointment of the same provider (e.g. the dentist's hygiene
    /// exam). It still may not share an operatory or a device.
    pub may_overlap_provider: bool,
}

impl AppointmentType {
    /// The default length in minutes.
    pub fn minutes(&self, unit: SlotUnit) -> u32 {
        self.slots.saturating_mul(unit.minutes())
    }

    /// `name`, `colour`, `slots` (at least one, at most 12 hours), `procedure_codes`.
    pub fn validate(&self, unit: SlotUnit) -> Result<(), ValidationErrors> {
        let mut p = Problems::default();
        p.name("name", &self.name, 100);
        p.colour("colour", &self.colour);
        if self.slots == 0 {
            p.add("slots", "must be at least one slot");
        } else if self.minutes(unit) > MAX_MINUTES {
            p.add("slots", "must be at most 12 hours");
        }
        if self
            .procedure_codes
            .iter()
            .any(|c| c.trim().is_empty() || c.chars().count() > 20)
        {
            p.add(
                "procedure_codes",
                "each code must be 1 to 20 characters long",
            );
        }
        p.finish()
    }
}

/// A stored appointment: a UTC start plus a length in minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Appointment {
    pub id: AppointmentId,
    pub start: DateTime<Utc>,
    pub minutes: u32,
    pub provider: ProviderId,
    pub operatory: OperatoryId,
    #[serde(default)]
    pub devices: Vec<DeviceId>,
    pub type_id: AppointmentTypeId,
    pub status: AppointmentStatus,
}

impl Appointment {
    pub fn span(&self) -> Span {
        Span::minutes(self.start, self.minutes)
    }

    /// The booking of this appointment, as when moving it (it does not clash with itself).
    pub fn to_booking(&self) -> Booking {
        Booking {
            moving: Some(self.id),
            start: self.start,
            minutes: self.minutes,
            provider: self.provider,
            operatory: self.operatory,
            devices: self.devices.clone(),
            type_id: self.type_id,
        }
    }
}

/// A booking to check: a new appointment (`moving: None`) or a change of an existing one
/// (`moving: Some(id)`: that appointment is left out of the conflict check).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Booking {
    #[serde(default)]
    pub moving: Option<AppointmentId>,
    pub start: DateTime<Utc>,
    pub minutes: u32,
    pub provider: ProviderId,
    pub operatory: OperatoryId,
    #[serde(default)]
    pub devices: Vec<DeviceId>,
    pub type_id: AppointmentTypeId,
}

impl Booking {
    pub fn span(&self) -> Span {
        Span::minutes(self.start, self.minutes)
    }
}

/// The office setup the rules check against. The store assembles it; it is not sent to the UI
/// as a whole (its parts are).
#[derive(Debug, Clone)]
pub struct Office {
    /// The clinic's timezone; hours, weekly blockouts and holidays are on its clock.
    pub tz: Tz,
    pub slot: SlotUnit,
    /// Opening hours; a booking must fit in them and in the provider's hours.
    pub hours: WeeklyHours,
    pub providers: Vec<Provider>,
    pub operatories: Vec<Operatory>,
    pub devices: Vec<Device>,
    pub types: Vec<AppointmentType>,
    pub holidays: Vec<Holiday>,
    pub blockouts: Vec<Blockout>,
}

impl Office {
    pub fn provider(&self, id: ProviderId) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }

    pub fn operatory(&self, id: OperatoryId) -> Option<&Operatory> {
        self.operatories.iter().find(|o| o.id == id)
    }

    pub fn device(&self, id: DeviceId) -> Option<&Device> {
        self.devices.iter().find(|d| d.id == id)
    }

    pub fn appointment_type(&self, id: AppointmentTypeId) -> Option<&AppointmentType> {
        self.types.iter().find(|t| t.id == id)
    }

    /// The type may overlap the same provider (an unknown type may not).
    pub fn may_overlap_provider(&self, type_id: AppointmentTypeId) -> bool {
        self.appointment_type(type_id)
            .is_some_and(|t| t.may_overlap_provider)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hours::TimeRange;

    fn hygiene() -> AppointmentType {
        AppointmentType {
            id: 1,
            name: "Hygiene".into(),
            slots: 4,
            colour: "#3A7BD5".into(),
            procedure_codes: vec!["D1110".into()],
            may_overlap_provider: false,
        }
    }

    #[test]
    fn type_length_in_minutes_and_checks() {
        assert_eq!(hygiene().minutes(SlotUnit::FIFTEEN), 60);
        assert_eq!(hygiene().minutes(SlotUnit::TEN), 40);
        assert!(hygiene().validate(SlotUnit::FIFTEEN).is_ok());
        for (slots, unit, field) in [
            (0, SlotUnit::FIFTEEN, Some("slots")),
            (48, SlotUnit::FIFTEEN, None),
            (49, SlotUnit::FIFTEEN, Some("slots")),
            (144, SlotUnit::FIVE, None),
            (145, SlotUnit::FIVE, Some("slots")),
        ] {
            let t = AppointmentType { slots, ..hygiene() };
            let got = t.validate(unit).err();
            assert_eq!(got.as_ref().and_then(|e| e.first_field()), field, "{slots}");
        }
        let bad = AppointmentType {
            name: "".into(),
            colour: "blue".into(),
            procedure_codes: vec![" ".into()],
            ..hygiene()
        };
        let fields: Vec<String> = bad
            .validate(SlotUnit::FIFTEEN)
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, vec!["name", "colour", "procedure_codes"]);
    }

    #[test]
    fn provider_and_device_checks_name_fields() {
        let mut p = Provider {
            id: 1,
            name: "Dr. Lee".into(),
            kind: ProviderKind::Dentist,
            colour: "#112233".into(),
            hours: WeeklyHours::weekdays(&[TimeRange::hm((8, 0), (12, 0))]),
        };
        assert!(p.validate().is_ok());
        p.hours.friday = vec![TimeRange::hm((12, 0), (8, 0))];
        assert_eq!(
            p.validate().unwrap_err().first_field(),
            Some("hours.friday")
        );
        let rooms = [Operatory {
            id: 1,
            name: "Op 1".into(),
        }];
        let laser = Device {
            id: 1,
            name: "Laser".into(),
            operatories: vec![1, 2],
        };
        assert_eq!(
            laser.validate(&rooms).unwrap_err().first_field(),
            Some("operatories")
        );
        assert!(laser.serves(2) && !laser.serves(3));
    }

    #[test]
    fn moving_an_appointment_names_it() {
        let a = Appointment {
            id: 12,
            start: chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 7, 1, 14, 0, 0).unwrap(),
            minutes: 45,
            provider: 1,
            operatory: 2,
            devices: vec![3],
            type_id: 4,
            status: AppointmentStatus::Confirmed,
        };
        let b = a.to_booking();
        assert_eq!(b.moving, Some(12));
        assert_eq!(b.span(), a.span());
        assert_eq!((a.span().end - a.span().start).num_minutes(), 45);
    }
}
