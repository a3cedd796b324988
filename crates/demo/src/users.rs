//! Demo users: one per role, named after the role (`front_desk`, `billing`, `clinical`,
//! `manager`), with the administrator's password. Added only by an administrator.
use frontdesk_app::users::user_admin::NewUserInput;
use frontdesk_app::users::{Permission, Role};
use frontdesk_app::{App, AppError};

/// Adds the missing demo users; returns how many were added (none if the acting user may not
/// manage users).
pub async fn add_demo_users(app: &App, password: &str) -> Result<usize, AppError> {
    let Some(me) = app.signed_in() else {
        return Ok(0);
    };
    if !me.may(Permission::ManageUsers) {
        return Ok(0);
    }
    let existing: Vec<String> = app
        .list_users()
        .await?
        .into_iter()
        .map(|u| u.username)
        .collect();
    let mut added = 0;
    for role in [
        Role::FrontDesk,
        Role::Billing,
        Role::Clinical,
        Role::Manager,
    ] {
        if existing.iter().any(|u| u == role.id()) {
            continue;
        }
        app.add_user(&NewUserInput {
            username: role.id().to_string(),
            full_name: format!("Demo {}", role.label()),
            role,
            grants: vec![],
            password: password.to_string(),
        })
        .await?;
        added += 1;
    }
    Ok(added)
}
