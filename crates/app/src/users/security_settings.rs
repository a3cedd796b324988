//! The office's sign-in settings: minutes idle before the window locks, and the hours after a
//! full-password sign-in during which the PIN is accepted on that workstation.
use frontdesk_access::pin_window::{DEFAULT_AUTO_LOCK_MINUTES, DEFAULT_PIN_WINDOW_HOURS};
use frontdesk_access::Permission;
use serde::{Deserialize, Serialize};

use crate::{App, AppError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct SecuritySettings {
    /// 1–60 (default 5).
    pub auto_lock_minutes: u32,
    /// 1–24 (default 12).
    pub pin_window_hours: u32,
}

impl Default for SecuritySettings {
    fn default() -> Self {
        SecuritySettings {
            auto_lock_minutes: DEFAULT_AUTO_LOCK_MINUTES,
            pin_window_hours: DEFAULT_PIN_WINDOW_HOURS,
        }
    }
}

const KEY: &str = "security_settings";

impl App {
    /// Readable by anyone signed in (the window needs the idle time).
    pub async fn security_settings(&self) -> Result<SecuritySettings, AppError> {
        self.require_signed_in()?;
        crate::admin::settings::read(&self.db, KEY).await
    }

    pub(crate) async fn read_security_settings(&self) -> Result<SecuritySettings, AppError> {
        crate::admin::settings::read(&self.db, KEY).await
    }

    pub async fn set_security_settings(&self, s: &SecuritySettings) -> Result<(), AppError> {
        self.require(Permission::OfficeSetup).await?;
        if !(1..=60).contains(&s.auto_lock_minutes) {
            return Err(AppError::invalid(
                "auto_lock_minutes",
                "Choose from 1 to 60 minutes.",
            ));
        }
        if !(1..=24).contains(&s.pin_window_hours) {
            return Err(AppError::invalid(
                "pin_window_hours",
                "Choose from 1 to 24 hours.",
            ));
        }
        crate::admin::settings::write(&self.db, KEY, s).await?;
        let mut session = self.session.lock().expect("session lock");
        session.auto_lock_minutes = s.auto_lock_minutes;
        Ok(())
    }
}
