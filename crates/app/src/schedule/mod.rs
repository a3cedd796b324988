//! The schedule: the office set-up, booking and moving appointments (and the Today board),
//! confirmations, the recall and unscheduled lists, and the ASAP list.
pub mod appointments;
pub mod asap;
pub mod confirmations;
pub mod office_setup;
pub mod recall;
