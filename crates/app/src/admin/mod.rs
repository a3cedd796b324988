//! Running FrontDesk: start-up and unlock (lifecycle), the data folder, restoring a backup, the
//! recovery kit, and office settings (typed JSON values, worklist limits).
pub mod backup_manifest;
pub mod backup_passphrase;
pub mod backup_schedule;
mod backup_write;
pub mod data_folder;
pub mod folder_lock;
pub mod lifecycle;
pub mod recovery_kit;
pub mod restore_backup;
pub mod settings;
pub mod startup_status;
pub mod worklist_limits;
