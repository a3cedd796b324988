//! Usernames and full names, and the rule that an office always keeps an active administrator.
use crate::Role;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UserRuleError {
    #[error("A username is 2 to 32 letters, digits, dots, dashes or underscores, starting with a letter.")]
    BadUsername,
    #[error("Enter the person's full name.")]
    MissingFullName,
    #[error("The office must keep at least one active administrator.")]
    LastAdministrator,
}

/// Usernames are compared without case; stored lower-case.
pub fn normalize_username(name: &str) -> Result<String, UserRuleError> {
    let n = name.trim().to_lowercase();
    let ok_len = (2..=32).contains(&n.len());
    let mut chars = n.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest_ok = n
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
    if ok_len && first_ok && rest_ok {
        Ok(n)
    } else {
        Err(UserRuleError::BadUsername)
    }
}

pub fn check_full_name(full: &str) -> Result<String, UserRuleError> {
    let f = full.trim();
    if f.is_empty() || f.chars().count() > 100 {
        Err(UserRuleError::MissingFullName)
    } else {
        Ok(f.to_string())
    }
}

/// Deactivating or demoting `target` must leave at least one active administrator.
/// `active_admins` counts the active administrators now, `target` included if it is one.
pub fn keeps_an_administrator(
    target_is_active_admin: bool,
    new_role: Option<Role>,
    deactivating: bool,
    active_admins: usize,
) -> Result<(), UserRuleError> {
    let loses_admin =
        target_is_active_admin && (deactivating || new_role.is_some_and(|r| r != Role::Admin));
    if loses_admin && active_admins <= 1 {
        Err(UserRuleError::LastAdministrator)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames() {
        assert_eq!(normalize_username(" Maria.G ").unwrap(), "maria.g");
        for bad in ["a", "1abc", "ma ria", "josé", "", &"x".repeat(33)] {
            assert!(normalize_username(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn last_admin() {
        assert!(keeps_an_administrator(true, None, true, 1).is_err());
        assert!(keeps_an_administrator(true, Some(Role::Manager), false, 1).is_err());
        assert!(keeps_an_administrator(true, Some(Role::Admin), false, 1).is_ok());
        assert!(keeps_an_administrator(true, None, true, 2).is_ok());
        assert!(keeps_an_administrator(false, None, true, 1).is_ok());
    }
}
