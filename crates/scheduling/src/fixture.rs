//! A small office for the unit tests, in America/Chicago with 15-minute slots.
//!
//! - Office open Mon–Fri 07:00–18:00.
//! - Provider 1, Dr. Lee (dentist): Mon–Fri 08:00–12:00 and 13:00–17:00 (lunch 12–13).
//! - Provider 2, Kim (hygienist): Mon–Thu 08:00–16:00.
//! - Operatories 1, 2, 3; device 1 (laser) serves operatories 1 and 2.
//! - Types: 1 crown (4 slots), 2 hygiene exam (1 slot, may overlap the provider),
//!   3 emergency (2 slots), 4 prophy (4 slots).
//! - Holiday: Friday 2026-07-03. Blockouts: 1 = Dr. Lee, Mondays 08:00–09:00 "Emergencies only"
//!   (lets type 3 in); 2 = office, one-off Wed 2026-07-08 15:00–16:00 "Staff meeting";
//!   3 = operatory 3, Tuesdays 07:00–18:00 "Op 3 closed".
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::America::Chicago;

use crate::calendar::{Blockout, BlockoutScope, BlockoutTime, Holiday};
use crate::hours::{DayOfWeek, TimeRange, WeeklyHours};
use crate::local_time::to_utc;
use crate::model::*;
use crate::slot::SlotUnit;
use crate::status::AppointmentStatus;

pub const CROWN: AppointmentTypeId = 1;
pub const EXAM: AppointmentTypeId = 2;
pub const EMERGENCY: AppointmentTypeId = 3;
pub const PROPHY: AppointmentTypeId = 4;
pub const LEE: ProviderId = 1;
pub const KIM: ProviderId = 2;
pub const LASER: DeviceId = 1;

pub fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

pub fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// Local 2026 `m`/`d` `h`:`min` in Chicago.
pub fn at(m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    to_utc(Chicago, date(m, d), time(h, min)).unwrap()
}

fn kind(id: AppointmentTypeId, name: &str, slots: u32, overlap: bool) -> AppointmentType {
    AppointmentType {
        id,
        name: name.into(),
        slots,
        colour: "#3A7BD5".into(),
        procedure_codes: vec![],
        may_overlap_provider: overlap,
    }
}

pub fn office() -> Office {
    let mut kim_hours = WeeklyHours::weekdays(&[TimeRange::hm((8, 0), (16, 0))]);
    kim_hours.friday.clear();
    Office {
        tz: Chicago,
        slot: SlotUnit::FIFTEEN,
        hours: WeeklyHours::weekdays(&[TimeRange::hm((7, 0), (18, 0))]),
        providers: vec![
            Provider {
                id: LEE,
                name: "Dr. Lee".into(),
                kind: ProviderKind::Dentist,
                colour: "#112233".into(),
                hours: WeeklyHours::weekdays(&[
                    TimeRange::hm((8, 0), (12, 0)),
                    TimeRange::hm((13, 0), (17, 0)),
                ]),
            },
            Provider {
                id: KIM,
                name: "Kim".into(),
                kind: ProviderKind::Hygienist,
                colour: "#445566".into(),
                hours: kim_hours,
            },
        ],
        operatories: (1..=3)
            .map(|id| Operatory {
                id,
                name: format!("Op {id}"),
            })
            .collect(),
        devices: vec![Device {
            id: LASER,
            name: "Laser".into(),
            operatories: vec![1, 2],
        }],
        types: vec![
            kind(CROWN, "Crown", 4, false),
            kind(EXAM, "Hygiene exam", 1, true),
            kind(EMERGENCY, "Emergency", 2, false),
            kind(PROPHY, "Prophy", 4, false),
        ],
        holidays: vec![Holiday {
            date: date(7, 3),
            name: "Independence Day (observed)".into(),
        }],
        blockouts: vec![
            Blockout {
                id: 1,
                scope: BlockoutScope::Provider { provider: LEE },
                time: BlockoutTime::Weekly {
                    day: DayOfWeek::Monday,
                    start: time(8, 0),
                    end: time(9, 0),
                    from: date(1, 5),
                    until: None,
                },
                reason: "Emergencies only".into(),
                allowed_types: vec![EMERGENCY],
            },
            Blockout {
                id: 2,
                scope: BlockoutScope::Office,
                time: BlockoutTime::OneOff {
                    start: at(7, 8, 15, 0),
                    end: at(7, 8, 16, 0),
                },
                reason: "Staff meeting".into(),
                allowed_types: vec![],
            },
            Blockout {
                id: 3,
                scope: BlockoutScope::Operatory { operatory: 3 },
                time: BlockoutTime::Weekly {
                    day: DayOfWeek::Tuesday,
                    start: time(7, 0),
                    end: time(18, 0),
                    from: date(1, 5),
                    until: None,
                },
                reason: "Op 3 closed".into(),
                allowed_types: vec![],
            },
        ],
    }
}

/// A new booking.
pub fn booking(
    start: DateTime<Utc>,
    minutes: u32,
    provider: ProviderId,
    operatory: OperatoryId,
    type_id: AppointmentTypeId,
) -> Booking {
    Booking {
        moving: None,
        start,
        minutes,
        provider,
        operatory,
        devices: vec![],
        type_id,
    }
}

/// A stored, scheduled appointment.
pub fn appt(
    id: AppointmentId,
    start: DateTime<Utc>,
    minutes: u32,
    provider: ProviderId,
    operatory: OperatoryId,
    type_id: AppointmentTypeId,
) -> Appointment {
    Appointment {
        id,
        start,
        minutes,
        provider,
        operatory,
        devices: vec![],
        type_id,
        status: AppointmentStatus::Scheduled,
    }
}
