//! Scheduling tables: the office set-up the rules need ([`office`]: hours, providers, rooms,
//! devices, appointment types, holidays, blockouts) and the appointments ([`appointments`]).

pub mod appointments;
pub mod office;

pub use appointments::*;
pub use office::*;
