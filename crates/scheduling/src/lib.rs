//! Scheduling rules as pure functions over plain data: no I/O, no database, no clock reads (the
//! caller passes "now" and "today" in, and the clinic's timezone as a [`chrono_tz::Tz`]).
//!
//! - [`model`]: the records (providers, operatories, shared devices, appointment types,
//!   appointments, the [`Office`] setup they are checked against).
//! - [`hours`]: weekly working hours (lunch is the gap between two periods) and the real spans of
//!   time they open on a date.
//! - [`calendar`]: holidays and blockouts (one-off or weekly, per provider, operatory or office).
//! - [`local_time`]: typed local date + time to UTC (a spring-forward time is refused, a
//!   fall-back time means its earlier instant), a local day's bounds.
//! - [`slot`]: the office's slot unit (5, 10 or 15 minutes), length and boundary checks, a day's
//!   slots (each real instant once, also on daylight-saving days).
//! - [`span`]: half-open spans of real time and the few set operations the rules need.
//! - [`mod@conflicts`]: whether a booking may be made ([`check_booking`]), naming what it clashes
//!   with.
//! - [`preferences`]: a patient's time-of-day and weekday wishes.
//! - [`free_slots`]: the first N openings for a type and provider ([`first_available`]).
//! - [`status`]: appointment statuses and the allowed transitions.
//! - [`recall`]: recall types and due dates.
//! - [`appointment_outcomes`]: how booked visits turned out (completed, cancelled, late
//!   cancellations, no-shows), the rates and the scheduled production of the appointments report.
//! - [`rates`]: shares in tenths of a percent, as the reports show them.
//! - [`recall_outcomes`]: of the recall visits due in a range, how many were seen, booked, are
//!   overdue; and how many patients left a recall visit with the next one booked.
//!
//! Appointments are stored as a UTC instant plus a length in minutes. Everything a person types or
//! reads (hours, weekly blockouts, holidays, "mornings") is local wall-clock time in the clinic's
//! timezone and is turned into real spans per date, so "8–9" stays 8–9 across daylight-saving
//! changes.
pub mod appointment_outcomes;
pub mod calendar;
mod checks;
pub mod conflicts;
pub mod free_slots;
pub mod hours;
pub mod local_time;
pub mod model;
pub mod preferences;
pub mod rates;
pub mod recall;
pub mod recall_outcomes;
pub mod slot;
pub mod span;
pub mod status;

#[cfg(test)]
mod fixture;

pub use calendar::{Blockout, BlockoutId, BlockoutScope, BlockoutTime, Holiday};
pub use conflicts::{check_booking, conflicts, validate_booking, BookingError, Conflict};
pub use free_slots::{first_available, Opening, SlotRequest, SEARCH_DAYS};
pub use hours::{DayOfWeek, TimeRange, WeeklyHours};
pub use local_time::{
    boundary_to_utc, day_bounds, local_date, local_datetime, to_utc, LocalTimeError,
};
pub use model::*;
pub use preferences::{Preferences, TimeOfDay};
pub use recall::{
    due_date, recall_state, CompletedProcedure, RecallState, RecallType, RecallTypeId,
};
pub use slot::{day_slots, local_span, SlotUnit, MAX_MINUTES};
pub use span::Span;
pub use status::{transition, AppointmentStatus, StatusAction, StatusChange, StatusError};
