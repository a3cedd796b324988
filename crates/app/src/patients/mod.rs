//! Patients: records (search, the card, create, edit, archive, un-archive) and families.
pub mod family;
pub mod records;
