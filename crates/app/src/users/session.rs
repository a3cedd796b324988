//! Who is signed in on this `App`, and the one gate every use-case passes: `require`.
//! A denied call returns `forbidden` naming the permission, changes nothing, and is audited.
//! An idle session locks itself (office setting, on the injected clock).
use std::collections::BTreeSet;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use frontdesk_access::pin_window::idle_expired;
use frontdesk_access::{Permission, Role};
use frontdesk_store::{audit, AuditEvent};
use serde::Serialize;

use crate::{App, AppError, ErrorCode};

/// The signed-in person, as the window and the CLI see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct SessionUser {
    pub user_id: i64,
    pub username: String,
    pub full_name: String,
    pub role: Role,
    /// Their effective permissions (role ∪ grants − revokes).
    pub permissions: Vec<Permission>,
}

impl SessionUser {
    pub fn may(&self, p: Permission) -> bool {
        self.permissions.contains(&p)
    }
}

#[derive(Debug, Default)]
pub(crate) struct SessionState {
    pub(crate) user: Option<SessionUser>,
    pub(crate) locked: bool,
    pub(crate) last_activity: Option<DateTime<Utc>>,
    /// Minutes of inactivity before the session locks (0: never, e.g. the CLI).
    pub(crate) auto_lock_minutes: u32,
}

impl SessionState {
    /// True when the session has been idle past the office's minutes (0: never locks).
    fn idle_past(&self, now: DateTime<Utc>) -> bool {
        self.auto_lock_minutes > 0
            && self
                .last_activity
                .is_some_and(|last| idle_expired(last, self.auto_lock_minutes, now))
    }
}

pub(crate) type Session = Mutex<SessionState>;

pub(crate) fn permissions_vec(set: BTreeSet<Permission>) -> Vec<Permission> {
    set.into_iter().collect()
}

pub(crate) fn forbidden(p: Permission) -> AppError {
    AppError::new(
        ErrorCode::Forbidden,
        format!(
            "You are not allowed to do this: it needs \"{}\" ({}). Ask an administrator.",
            p.id(),
            p.label()
        ),
    )
}

pub(crate) fn not_signed_in() -> AppError {
    AppError::new(ErrorCode::Unauthorized, "Sign in first.")
}

pub(crate) fn session_locked() -> AppError {
    AppError::new(
        ErrorCode::SessionLocked,
        "FrontDesk is locked. Sign in again (or enter your PIN) to go on.",
    )
}

enum Gate {
    Allowed,
    Denied(String),
    IdleLocked(SessionUser),
}

impl App {
    /// Decides without waiting (the session's mutex is never held across an await).
    fn gate(&self, p: Permission, now: DateTime<Utc>) -> Result<Gate, AppError> {
        let mut s = self.session.lock().expect("session lock");
        let Some(user) = s.user.clone() else {
            return Err(not_signed_in());
        };
        if s.locked {
            return Err(session_locked());
        }
        if s.idle_past(now) {
            s.locked = true;
            return Ok(Gate::IdleLocked(user));
        }
        if user.may(p) {
            s.last_activity = Some(now);
            Ok(Gate::Allowed)
        } else {
            Ok(Gate::Denied(user.username))
        }
    }

    /// The gate at the top of every use-case: a signed-in, unlocked user with permission `p`.
    pub(crate) async fn require(&self, p: Permission) -> Result<(), AppError> {
        let now = self.now();
        match self.gate(p, now)? {
            Gate::Allowed => Ok(()),
            Gate::IdleLocked(user) => {
                self.audit_session("session.auto_lock", &user).await?;
                Err(session_locked())
            }
            Gate::Denied(username) => {
                let event = AuditEvent {
                    actor: &username,
                    action: "permission.denied",
                    entity: "permission",
                    entity_id: None,
                    fields: vec![p.id().to_string()],
                };
                audit::append(&self.db, &event, now).await?;
                Err(forbidden(p))
            }
        }
    }

    /// Who is signed in (None before sign-in or when the session is locked).
    pub fn signed_in(&self) -> Option<SessionUser> {
        let s = self.session.lock().expect("session lock");
        if s.locked {
            None
        } else {
            s.user.clone()
        }
    }

    /// The user whose session is locked (the lock screen offers their PIN), if any.
    pub fn locked_user(&self) -> Option<String> {
        let s = self.session.lock().expect("session lock");
        if s.locked {
            s.user.as_ref().map(|u| u.username.clone())
        } else {
            None
        }
    }

    /// The username recorded in the audit log for what this session does.
    pub fn actor(&self) -> String {
        let s = self.session.lock().expect("session lock");
        s.user
            .as_ref()
            .map(|u| u.username.clone())
            .unwrap_or_else(|| "(no user)".to_string())
    }

    /// The window saw keyboard or mouse activity: keeps the session from locking. Fails when it
    /// has already locked.
    pub async fn touch_session(&self) -> Result<(), AppError> {
        let now = self.now();
        let expired_user = {
            let mut s = self.session.lock().expect("session lock");
            let Some(user) = s.user.clone() else {
                return Err(not_signed_in());
            };
            if s.locked {
                return Err(session_locked());
            }
            if s.idle_past(now) {
                s.locked = true;
                Some(user)
            } else {
                s.last_activity = Some(now);
                None
            }
        };
        if let Some(user) = expired_user {
            self.audit_session("session.auto_lock", &user).await?;
            return Err(session_locked());
        }
        Ok(())
    }

    /// Locks the session now (the window's idle timer or "Lock"). The user stays known so their
    /// PIN can return them to where they were; nothing can be read until then.
    pub async fn lock_session(&self) -> Result<(), AppError> {
        let user = {
            let mut s = self.session.lock().expect("session lock");
            match (&s.user, s.locked) {
                (Some(u), false) => {
                    let u = u.clone();
                    s.locked = true;
                    Some(u)
                }
                _ => None,
            }
        };
        if let Some(u) = user {
            self.audit_session("session.lock", &u).await?;
        }
        Ok(())
    }

    pub async fn sign_out(&self) -> Result<(), AppError> {
        let user = {
            let mut s = self.session.lock().expect("session lock");
            s.locked = false;
            s.last_activity = None;
            s.user.take()
        };
        if let Some(u) = user {
            self.audit_session("session.sign_out", &u).await?;
        }
        Ok(())
    }

    pub(crate) fn set_session(&self, user: SessionUser, auto_lock_minutes: u32) {
        let mut s = self.session.lock().expect("session lock");
        s.user = Some(user);
        s.locked = false;
        s.last_activity = Some(self.now());
        s.auto_lock_minutes = auto_lock_minutes;
    }

    pub(crate) async fn audit_session(
        &self,
        action: &str,
        user: &SessionUser,
    ) -> Result<(), AppError> {
        let event = AuditEvent {
            actor: &user.username,
            action,
            entity: "user",
            entity_id: Some(user.user_id),
            fields: vec![],
        };
        Ok(audit::append(&self.db, &event, self.now()).await?)
    }
}

impl App {
    /// For what any signed-in user may read (settings without PHI: printers, office texts).
    pub(crate) fn require_signed_in(&self) -> Result<(), AppError> {
        let mut s = self.session.lock().expect("session lock");
        if s.user.is_none() {
            return Err(not_signed_in());
        }
        if s.locked {
            return Err(session_locked());
        }
        if s.idle_past(self.now()) {
            s.locked = true;
            return Err(session_locked());
        }
        s.last_activity = Some(self.now());
        Ok(())
    }
}
