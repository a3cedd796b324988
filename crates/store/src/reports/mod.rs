//! The reads behind the office reports that no screen already makes: how a range's appointments
//! turned out ([`appointment_outcomes`]), the completed procedures no claim carries yet
//! ([`unbilled`]), every recall visit with what was booked after it ([`recall_outcomes`]), and
//! who may have insurance pending ([`aging`]), and each patient's first visit with their referral
//! source ([`new_patients`]). The other reports read through the ledger, claims and packages modules.
pub mod aging;
pub mod appointment_outcomes;
pub mod new_patients;
pub mod recall_outcomes;
pub mod unbilled;
