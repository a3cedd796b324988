//! `frontdesk user …` (administrators) and `frontdesk audit …` (those with "view audit").
use std::path::PathBuf;

use clap::Subcommand;
use frontdesk_app::users::audit_log::AuditQuery;
use frontdesk_app::users::user_admin::{NewUserInput, UserAction};
use frontdesk_app::users::{Permission, Role};
use frontdesk_app::{App, AppError, ErrorCode};

use crate::output;

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a user; the password is read from standard input.
    Add {
        name: String,
        /// front_desk, billing, clinical, manager or admin.
        #[arg(long)]
        role: String,
        /// A permission beyond the role's (repeatable).
        #[arg(long = "grant")]
        grants: Vec<String>,
        #[arg(long = "full-name")]
        full_name: Option<String>,
        #[arg(long = "password-stdin", required = true)]
        password_stdin: bool,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    /// Deactivate (users are never deleted: audit entries keep naming them).
    Deactivate {
        name: String,
    },
    Reactivate {
        name: String,
    },
    /// Set a new password, read from standard input.
    Passwd {
        name: String,
        #[arg(long = "password-stdin", required = true)]
        password_stdin: bool,
    },
    /// Clear the failed attempts of a locked-out user.
    Unlock {
        name: String,
    },
    /// Change a user's role.
    Role {
        name: String,
        role: String,
    },
    Grant {
        name: String,
        permission: String,
    },
    Revoke {
        name: String,
        permission: String,
    },
}

#[derive(Subcommand)]
pub enum AuditCommand {
    List {
        #[arg(long)]
        user: Option<String>,
        #[arg(long)]
        patient: Option<i64>,
        /// An action or its start, e.g. `patient.` or `session.sign_in`.
        #[arg(long)]
        action: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long, default_value_t = 200)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
    /// Walk the hash chain: prints the entry count and head hash, or names the first bad entry
    /// (exit 1).
    Verify {
        #[arg(long)]
        json: bool,
    },
    /// Write the audit log as CSV (the export is itself audited).
    Export { file: PathBuf },
}

fn role(id: &str) -> Result<Role, AppError> {
    Role::parse(id).ok_or_else(|| {
        AppError::invalid(
            "role",
            "Choose front_desk, billing, clinical, manager or admin.",
        )
    })
}

fn permission(id: &str) -> Result<Permission, AppError> {
    Permission::parse(id).ok_or_else(|| {
        let all: Vec<&str> = Permission::ALL.iter().map(|p| p.id()).collect();
        AppError::invalid("permission", format!("Choose one of: {}", all.join(", ")))
    })
}

fn stdin_line() -> Result<String, AppError> {
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

fn date(field: &str, s: &Option<String>) -> Result<Option<chrono::NaiveDate>, AppError> {
    s.as_deref()
        .map(|d| {
            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| AppError::invalid(field, "Give the date as YYYY-MM-DD."))
        })
        .transpose()
}

pub async fn user(app: &mut App, cmd: UserCommand) -> Result<(), AppError> {
    match cmd {
        UserCommand::Add {
            name,
            role: r,
            grants,
            full_name,
            password_stdin: _,
        } => {
            let input = NewUserInput {
                full_name: full_name.unwrap_or_else(|| name.clone()),
                username: name,
                role: role(&r)?,
                grants: grants
                    .iter()
                    .map(|g| permission(g))
                    .collect::<Result<_, _>>()?,
                password: stdin_line()?,
            };
            let u = app.add_user(&input).await?;
            println!("added {} ({})", u.username, u.role.id());
        }
        UserCommand::List { json } => {
            let users = app.list_users().await?;
            if json {
                output::json(&users);
            } else {
                for u in users {
                    let state = match (u.active, u.locked_out) {
                        (false, _) => " [deactivated]",
                        (true, true) => " [locked out]",
                        _ => "",
                    };
                    println!(
                        "{:<16} {:<11} {}{state}",
                        u.username,
                        u.role.id(),
                        u.full_name
                    );
                }
            }
        }
        UserCommand::Deactivate { name } => {
            app.set_user_active(&name, UserAction::Deactivate).await?;
            println!("deactivated {name}");
        }
        UserCommand::Reactivate { name } => {
            app.set_user_active(&name, UserAction::Reactivate).await?;
            println!("reactivated {name}");
        }
        UserCommand::Unlock { name } => {
            app.set_user_active(&name, UserAction::Unlock).await?;
            println!("unlocked {name}");
        }
        UserCommand::Passwd { name, .. } => {
            app.reset_user_password(&name, &stdin_line()?).await?;
            println!("new password set for {name}");
        }
        UserCommand::Role { name, role: r } => {
            let u = app.set_user_role(&name, role(&r)?).await?;
            println!("{} is now {}", u.username, u.role.id());
        }
        UserCommand::Grant {
            name,
            permission: p,
        } => {
            app.set_user_permission(&name, permission(&p)?, true)
                .await?;
            println!("granted {p} to {name}");
        }
        UserCommand::Revoke {
            name,
            permission: p,
        } => {
            app.set_user_permission(&name, permission(&p)?, false)
                .await?;
            println!("revoked {p} from {name}");
        }
    }
    Ok(())
}

pub async fn audit(app: &mut App, cmd: AuditCommand) -> Result<(), AppError> {
    match cmd {
        AuditCommand::List {
            user,
            patient,
            action,
            from,
            to,
            limit,
            json,
        } => {
            let q = AuditQuery {
                user,
                patient_id: patient,
                action,
                from: date("from", &from)?,
                to: date("to", &to)?,
                limit,
            };
            let rows = app.audit_list(&q).await?;
            if json {
                output::json(&rows);
            } else {
                for r in rows {
                    let id = r.entity_id.map(|i| format!(" #{i}")).unwrap_or_default();
                    println!(
                        "{:>6}  {}  {:<14} {:<24} {}{id} {}",
                        r.id,
                        r.at,
                        r.user,
                        r.action,
                        r.entity,
                        r.fields.join(",")
                    );
                }
            }
        }
        AuditCommand::Verify { json } => {
            let c = app.audit_verify().await?;
            if json {
                output::json(&c);
            }
            if !c.intact {
                return Err(AppError::new(
                    ErrorCode::Storage,
                    format!(
                        "the audit log was tampered with at entry {}: {}",
                        c.first_bad_entry.unwrap_or_default(),
                        c.problem.unwrap_or_default()
                    ),
                ));
            }
            if !json {
                println!(
                    "audit log intact: {} entries, head {}",
                    c.entries, c.head_hash
                );
            }
        }
        AuditCommand::Export { file } => {
            let n = app.audit_export_csv(&AuditQuery::default(), &file).await?;
            println!("wrote {n} entries to {}", file.display());
        }
    }
    Ok(())
}
