//! Signing in: the first administrator, the full password, the PIN (only within the PIN window
//! after a full-password sign-in on this workstation), throttling of failures, and a user's own
//! password and PIN. A password never opens the database: the database is already open with its
//! key; the password only proves who is at the keyboard.
use frontdesk_access::password_hashing::{check_password, check_pin, hash_secret, verify_secret};
use frontdesk_access::pin_window::pin_allowed;
use frontdesk_access::sign_in_throttle::{self, Attempts, Gate};
use frontdesk_access::user_rules::{check_full_name, normalize_username};
use frontdesk_access::{effective_permissions, Permission, Role};
use frontdesk_store::users::{self, Change, NewUser, UserRow};
use serde::Deserialize;

use crate::users::session::{permissions_vec, SessionUser};
use crate::{App, AppError, ErrorCode};

/// A hash nobody's password matches: verifying against it keeps an unknown username (or a user
/// without a PIN) as slow as a known one.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_secret(&uuid::Uuid::new_v4().to_string()).unwrap_or_default());

#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct FirstAdmin {
    pub full_name: String,
    pub username: String,
    pub password: String,
}

impl FirstAdmin {
    /// The form's checks, without the database (so `init` creates nothing for a bad form).
    pub fn check(&self) -> Result<(), AppError> {
        normalize_username(&self.username)
            .map_err(|e| AppError::invalid("username", e.to_string()))?;
        check_full_name(&self.full_name)
            .map_err(|e| AppError::invalid("full_name", e.to_string()))?;
        check_password(&self.password).map_err(|e| AppError::invalid("password", e.to_string()))
    }
}

pub(crate) fn parse_permissions(json: &str) -> Vec<Permission> {
    let ids: Vec<String> = serde_json::from_str(json).unwrap_or_default();
    ids.iter().filter_map(|i| Permission::parse(i)).collect()
}

pub(crate) fn session_user(row: &UserRow) -> Result<SessionUser, AppError> {
    let role = Role::parse(&row.role)
        .ok_or_else(|| AppError::new(ErrorCode::Storage, "a stored user role could not be read"))?;
    let perms = effective_permissions(
        role,
        &parse_permissions(&row.grants),
        &parse_permissions(&row.revokes),
    );
    Ok(SessionUser {
        user_id: row.id,
        username: row.username.clone(),
        full_name: row.full_name.clone(),
        role,
        permissions: permissions_vec(perms),
    })
}

/// The stored failure count, time and lock-out, as the throttle rules read them.
fn attempts_of(row: &UserRow) -> Attempts {
    Attempts {
        failed: row.failed_attempts.max(0) as u32,
        last_failed_at: row.last_failed_at,
        locked_out: row.locked_out,
    }
}

fn wrong_credentials() -> AppError {
    AppError::new(ErrorCode::Unauthorized, "Wrong username or password.")
}

impl App {
    /// True until the office's first administrator exists (first start).
    pub async fn needs_first_admin(&self) -> Result<bool, AppError> {
        Ok(users::count(&self.db).await? == 0)
    }

    /// First start: creates the administrator and signs them in. Refused once any user exists.
    pub async fn create_first_admin(&self, a: &FirstAdmin) -> Result<SessionUser, AppError> {
        let username = normalize_username(&a.username)
            .map_err(|e| AppError::invalid("username", e.to_string()))?;
        let full_name = check_full_name(&a.full_name)
            .map_err(|e| AppError::invalid("full_name", e.to_string()))?;
        check_password(&a.password).map_err(|e| AppError::invalid("password", e.to_string()))?;
        let hash = hash_secret(&a.password)
            .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
        let new = NewUser {
            username: &username,
            full_name: &full_name,
            role: Role::Admin.id(),
            grants: "[]",
            password_hash: &hash,
        };
        users::insert(&self.db, &new, true, "", self.now())
            .await
            .map_err(|e| match e {
                frontdesk_store::StoreError::Refused(_) => AppError::new(
                    ErrorCode::AlreadyInitialized,
                    "This office already has its administrator; sign in.",
                ),
                e => e.into(),
            })?;
        self.sign_in(&username, &a.password).await
    }

    /// Signs in with the full password (opens the PIN window on this workstation).
    pub async fn sign_in(&self, username: &str, password: &str) -> Result<SessionUser, AppError> {
        self.check_secret(username, password, false).await
    }

    /// Signs in with the PIN: only if this user signed in with their password on this
    /// workstation within the PIN window. Returns the user; the window returns the same user to
    /// where they were.
    pub async fn sign_in_with_pin(
        &self,
        username: &str,
        pin: &str,
    ) -> Result<SessionUser, AppError> {
        self.check_secret(username, pin, true).await
    }

    async fn check_secret(
        &self,
        username: &str,
        secret: &str,
        pin: bool,
    ) -> Result<SessionUser, AppError> {
        let now = self.now();
        let name = normalize_username(username).unwrap_or_default();
        let Some(row) = users::by_username(&self.db, &name).await? else {
            let _ = verify_secret(secret, &DUMMY_HASH);
            return Err(wrong_credentials());
        };
        let attempts = attempts_of(&row);
        match sign_in_throttle::gate(&attempts, now) {
            Gate::Open => {}
            Gate::LockedOut => {
                return Err(AppError::new(
                    ErrorCode::AccountLocked,
                    "This user is locked after too many failed attempts. An administrator can unlock it.",
                ))
            }
            Gate::Wait(until) => {
                let secs = (until - now).num_seconds().max(1);
                return Err(AppError::new(
                    ErrorCode::Throttled,
                    format!("Too many failed attempts. Try again in {secs} seconds."),
                ));
            }
        }
        let settings = self.read_security_settings().await?;
        if pin {
            let last =
                users::last_password_sign_in(&self.db, row.id, &self.workstation_id()?).await?;
            if row.pin_hash.is_none() || !pin_allowed(last, settings.pin_window_hours, now) {
                return Err(AppError::new(
                    ErrorCode::Unauthorized,
                    "Sign in with your password (the PIN works only after a password sign-in on this computer today).",
                ));
            }
        }
        let stored = if pin {
            row.pin_hash.as_deref().unwrap_or(&DUMMY_HASH)
        } else {
            &row.password_hash
        };
        if !verify_secret(secret, stored) {
            let after = sign_in_throttle::failed(&attempts, now);
            let action = if pin {
                "session.pin_failed"
            } else {
                "session.sign_in_failed"
            };
            users::record_failure(
                &self.db,
                row.id,
                after.failed as i64,
                after.locked_out,
                action,
                now,
            )
            .await?;
            return Err(wrong_credentials());
        }
        if !row.active {
            return Err(AppError::new(
                ErrorCode::Unauthorized,
                "This user is deactivated. Ask an administrator.",
            ));
        }
        let ws = self.workstation_id()?;
        let (workstation, action) = if pin {
            (None, "session.pin_unlock")
        } else {
            (Some(ws.as_str()), "session.sign_in")
        };
        users::record_sign_in(&self.db, row.id, workstation, action, now).await?;
        let user = session_user(&row)?;
        self.set_session(user.clone(), settings.auto_lock_minutes);
        Ok(user)
    }

    /// Sets the signed-in user's own PIN (4–8 digits), confirming their password.
    pub async fn set_own_pin(&self, password: &str, pin: &str) -> Result<(), AppError> {
        let me = self
            .signed_in()
            .ok_or_else(crate::users::session::not_signed_in)?;
        check_pin(pin).map_err(|e| AppError::invalid("pin", e.to_string()))?;
        let row = users::by_id(&self.db, me.user_id).await?;
        if !verify_secret(password, &row.password_hash) {
            return Err(wrong_credentials());
        }
        let hash =
            hash_secret(pin).map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
        users::change(
            &self.db,
            me.user_id,
            Change::Pin(Some(&hash)),
            |_, _| Ok(()),
            &me.username,
            self.now(),
        )
        .await?;
        Ok(())
    }

    /// Changes the signed-in user's own password (the database key is not touched).
    pub async fn change_own_password(&self, old: &str, new: &str) -> Result<(), AppError> {
        let me = self
            .signed_in()
            .ok_or_else(crate::users::session::not_signed_in)?;
        check_password(new).map_err(|e| AppError::invalid("password", e.to_string()))?;
        let row = users::by_id(&self.db, me.user_id).await?;
        if !verify_secret(old, &row.password_hash) {
            return Err(wrong_credentials());
        }
        let hash =
            hash_secret(new).map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
        users::change(
            &self.db,
            me.user_id,
            Change::Password(&hash),
            |_, _| Ok(()),
            &me.username,
            self.now(),
        )
        .await?;
        Ok(())
    }

    /// Checks the signed-in user's password again (before showing the recovery kit).
    pub(crate) async fn confirm_password(&self, password: &str) -> Result<SessionUser, AppError> {
        let me = self
            .signed_in()
            .ok_or_else(crate::users::session::not_signed_in)?;
        let row = users::by_id(&self.db, me.user_id).await?;
        if verify_secret(password, &row.password_hash) {
            Ok(me)
        } else {
            let attempts = attempts_of(&row);
            let after = sign_in_throttle::failed(&attempts, self.now());
            users::record_failure(
                &self.db,
                row.id,
                after.failed as i64,
                after.locked_out,
                "session.confirm_failed",
                self.now(),
            )
            .await?;
            Err(wrong_credentials())
        }
    }

    /// This workstation's id (a random id kept in the data folder; no PHI).
    pub fn workstation_id(&self) -> Result<String, AppError> {
        let path = self.cfg.data_dir.root().join("frontdesk-workstation-id");
        if let Ok(id) = std::fs::read_to_string(&path) {
            let id = id.trim().to_string();
            if !id.is_empty() {
                return Ok(id);
            }
        }
        let id = uuid::Uuid::new_v4().to_string();
        std::fs::write(&path, &id)?;
        Ok(id)
    }
}
