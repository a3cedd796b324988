//! The administrator's user management: add, list, deactivate (never delete), reactivate, reset a
//! password, unlock, change role, grant or revoke single permissions. The office always keeps an
//! active administrator.
use frontdesk_access::password_hashing::{check_password, hash_secret};
use frontdesk_access::user_rules::{check_full_name, keeps_an_administrator, normalize_username};
use frontdesk_access::{effective_permissions, Permission, Role};
use frontdesk_store::users::{self, Change, NewUser, UserRow};
use frontdesk_store::StoreError;
use serde::{Deserialize, Serialize};

use crate::users::sign_in::parse_permissions;
use crate::{App, AppError, ErrorCode};

#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct NewUserInput {
    pub username: String,
    pub full_name: String,
    pub role: Role,
    #[serde(default)]
    pub grants: Vec<Permission>,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct UserView {
    pub id: i64,
    pub username: String,
    pub full_name: String,
    pub role: Role,
    pub grants: Vec<Permission>,
    pub revokes: Vec<Permission>,
    pub permissions: Vec<Permission>,
    pub active: bool,
    pub locked_out: bool,
    pub failed_attempts: i64,
    pub has_pin: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum UserAction {
    Deactivate,
    Reactivate,
    Unlock,
}

fn view(row: &UserRow) -> Result<UserView, AppError> {
    let role = Role::parse(&row.role)
        .ok_or_else(|| AppError::new(ErrorCode::Storage, "a stored user role could not be read"))?;
    let grants = parse_permissions(&row.grants);
    let revokes = parse_permissions(&row.revokes);
    Ok(UserView {
        id: row.id,
        username: row.username.clone(),
        full_name: row.full_name.clone(),
        role,
        permissions: effective_permissions(role, &grants, &revokes)
            .into_iter()
            .collect(),
        grants,
        revokes,
        active: row.active,
        locked_out: row.locked_out,
        failed_attempts: row.failed_attempts,
        has_pin: row.pin_hash.is_some(),
    })
}

fn ids(ps: &[Permission]) -> String {
    let v: Vec<&str> = ps.iter().map(|p| p.id()).collect();
    serde_json::to_string(&v).expect("ids serialize")
}

fn last_admin(e: frontdesk_access::user_rules::UserRuleError) -> StoreError {
    let _ = e;
    StoreError::Refused("The office must keep at least one active administrator.")
}

impl App {
    async fn user_row(&self, username: &str) -> Result<UserRow, AppError> {
        let name = normalize_username(username).unwrap_or_default();
        users::by_username(&self.db, &name)
            .await?
            .ok_or_else(|| AppError::new(ErrorCode::NotFound, "No user with that username."))
    }

    pub async fn list_users(&self) -> Result<Vec<UserView>, AppError> {
        self.require(Permission::ManageUsers).await?;
        users::list(&self.db).await?.iter().map(view).collect()
    }

    pub async fn add_user(&self, u: &NewUserInput) -> Result<UserView, AppError> {
        self.require(Permission::ManageUsers).await?;
        let username = normalize_username(&u.username)
            .map_err(|e| AppError::invalid("username", e.to_string()))?;
        let full_name = check_full_name(&u.full_name)
            .map_err(|e| AppError::invalid("full_name", e.to_string()))?;
        check_password(&u.password).map_err(|e| AppError::invalid("password", e.to_string()))?;
        let hash = hash_secret(&u.password)
            .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
        let grants = ids(&u.grants);
        let new = NewUser {
            username: &username,
            full_name: &full_name,
            role: u.role.id(),
            grants: &grants,
            password_hash: &hash,
        };
        let id = users::insert(&self.db, &new, false, &self.actor(), self.now())
            .await
            .map_err(|e| match e {
                StoreError::Refused(_) => AppError::invalid("username", "That username is taken."),
                e => e.into(),
            })?;
        view(&users::by_id(&self.db, id).await?)
    }

    pub async fn set_user_active(
        &self,
        username: &str,
        action: UserAction,
    ) -> Result<UserView, AppError> {
        self.require(Permission::ManageUsers).await?;
        let row = self.user_row(username).await?;
        let change = match action {
            UserAction::Deactivate => Change::Active(false),
            UserAction::Reactivate => Change::Active(true),
            UserAction::Unlock => Change::Unlock,
        };
        let deactivating = action == UserAction::Deactivate;
        users::change(
            &self.db,
            row.id,
            change,
            |r, admins| {
                let is_admin = r.active && r.role == Role::Admin.id();
                keeps_an_administrator(is_admin, None, deactivating, admins as usize)
                    .map_err(last_admin)
            },
            &self.actor(),
            self.now(),
        )
        .await?;
        view(&users::by_id(&self.db, row.id).await?)
    }

    pub async fn set_user_role(&self, username: &str, role: Role) -> Result<UserView, AppError> {
        self.require(Permission::ManageUsers).await?;
        let row = self.user_row(username).await?;
        users::change(
            &self.db,
            row.id,
            Change::Role(role.id()),
            |r, admins| {
                let is_admin = r.active && r.role == Role::Admin.id();
                keeps_an_administrator(is_admin, Some(role), false, admins as usize)
                    .map_err(last_admin)
            },
            &self.actor(),
            self.now(),
        )
        .await?;
        view(&users::by_id(&self.db, row.id).await?)
    }

    /// Grants (`allow` true) or revokes one permission beyond the user's role.
    pub async fn set_user_permission(
        &self,
        username: &str,
        permission: Permission,
        allow: bool,
    ) -> Result<UserView, AppError> {
        self.require(Permission::ManageUsers).await?;
        let row = self.user_row(username).await?;
        let mut grants = parse_permissions(&row.grants);
        let mut revokes = parse_permissions(&row.revokes);
        grants.retain(|p| *p != permission);
        revokes.retain(|p| *p != permission);
        let role = Role::parse(&row.role).unwrap_or(Role::FrontDesk);
        let in_role = role.permissions().contains(&permission);
        match (allow, in_role) {
            (true, false) => grants.push(permission),
            (false, true) => revokes.push(permission),
            _ => {}
        }
        let is_self = row.username == self.actor();
        if is_self && !allow && permission == Permission::ManageUsers {
            return Err(AppError::new(
                ErrorCode::Refused,
                "You cannot take away your own user management.",
            ));
        }
        let (g, r) = (ids(&grants), ids(&revokes));
        users::change(
            &self.db,
            row.id,
            Change::Permissions {
                grants: &g,
                revokes: &r,
            },
            |_, _| Ok(()),
            &self.actor(),
            self.now(),
        )
        .await?;
        view(&users::by_id(&self.db, row.id).await?)
    }

    /// Sets a new password for a user (they sign in with it; their PIN window starts again).
    pub async fn reset_user_password(
        &self,
        username: &str,
        password: &str,
    ) -> Result<(), AppError> {
        self.require(Permission::ManageUsers).await?;
        check_password(password).map_err(|e| AppError::invalid("password", e.to_string()))?;
        let row = self.user_row(username).await?;
        let hash =
            hash_secret(password).map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?;
        users::change(
            &self.db,
            row.id,
            Change::Password(&hash),
            |_, _| Ok(()),
            &self.actor(),
            self.now(),
        )
        .await?;
        Ok(())
    }
}
