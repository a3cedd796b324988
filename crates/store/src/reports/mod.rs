//! The reads behind the office reports that no screen already makes: how a range's appointments
//! turned out ([`appointment_outcomes`]) and the completed procedures no claim carries yet
//! ([`unbilled`]). The other reports read through the ledger, claims and packages modules.
pub mod appointment_outcomes;
pub mod unbilled;
