//! FrontDesk's store benchmarks (`frontdesk bench search|schedule`): office-scale data from the
//! demo generators in an encrypted database, with the plaintext baseline measured in the same run.
pub mod schedule;
pub mod search;
pub mod ui_folder;
