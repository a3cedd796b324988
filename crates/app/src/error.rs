//! The typed error every command returns, serialized as `{code, message, fields}`.
//! Messages are written for the coordinator and never contain patient data.
use frontdesk_domain::{FieldError, ValidationErrors};
use frontdesk_store::StoreError;
use frontdesk_vault::VaultError;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Validation,
    NotFound,
    DuplicateChartNumber,
    StaleRecord,
    FamilyRule,
    /// Not allowed in the record's present state (a claim step out of order, a procedure claimed twice…).
    Refused,
    /// The time is taken or closed (another appointment, hours, holiday, blockout); the message names it.
    ScheduleConflict,
    /// No printer, an unknown printer, or the print system refused the job (the message says).
    Printer,
    WrongKey,
    KeychainMissing,
    KeychainUnavailable,
    InvalidRecoveryCode,
    Locked,
    /// FrontDesk is open on this data folder elsewhere (another window or session).
    InUse,
    AlreadyInitialized,
    /// The signed-in user lacks the permission the message names; nothing was changed.
    Forbidden,
    /// Not signed in, or a wrong username, password or PIN.
    Unauthorized,
    /// The session locked (idle or by hand): sign in again or enter the PIN.
    SessionLocked,
    /// Too many failed attempts: wait the seconds the message says.
    Throttled,
    /// Locked out after too many failed attempts until an administrator unlocks the user.
    AccountLocked,
    Storage,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    /// For `validation`: each field and its problem.
    pub fields: Vec<FieldError>,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: vec![],
        }
    }

    /// A validation error about one field.
    pub fn invalid(field: &str, problem: impl Into<String>) -> Self {
        ValidationErrors(vec![FieldError::new(field, problem)]).into()
    }
}

impl From<frontdesk_store::ledger::PostError> for AppError {
    fn from(e: frontdesk_store::ledger::PostError) -> Self {
        match e {
            frontdesk_store::ledger::PostError::Rules(v) => v.into(),
            frontdesk_store::ledger::PostError::Store(s) => s.into(),
        }
    }
}

impl From<ValidationErrors> for AppError {
    fn from(e: ValidationErrors) -> Self {
        Self {
            code: ErrorCode::Validation,
            message: format!("Please correct: {e}"),
            fields: e.0,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::WrongKey => ErrorCode::WrongKey,
            StoreError::DuplicateChartNumber => {
                return Self {
                    code: ErrorCode::DuplicateChartNumber,
                    message: e.to_string(),
                    fields: vec![FieldError::new(
                        "chart_number",
                        "is already used by another patient",
                    )],
                }
            }
            StoreError::NotFound(_) => ErrorCode::NotFound,
            StoreError::Stale => ErrorCode::StaleRecord,
            StoreError::FamilyRule(_) => ErrorCode::FamilyRule,
            StoreError::Refused(_) => ErrorCode::Refused,
            StoreError::Corrupt(_) => ErrorCode::Storage,
            StoreError::Missing => ErrorCode::NotFound,
            StoreError::Sqlx(_) | StoreError::Migrate(_) | StoreError::Io(_) => ErrorCode::Storage,
        };
        Self::new(code, e.to_string())
    }
}

impl From<VaultError> for AppError {
    fn from(e: VaultError) -> Self {
        let code = match &e {
            VaultError::KeychainMissing | VaultError::KeychainCorrupt => ErrorCode::KeychainMissing,
            VaultError::KeychainUnavailable(_) => ErrorCode::KeychainUnavailable,
            VaultError::InvalidRecoveryCode(_) => ErrorCode::InvalidRecoveryCode,
            VaultError::Random => ErrorCode::Internal,
            VaultError::Passphrase(m) => return AppError::invalid("passphrase", m.clone()),
        };
        Self::new(code, e.to_string())
    }
}

impl From<std::io::Error> for AppError {
    fn from(e: std::io::Error) -> Self {
        Self::new(ErrorCode::Storage, format!("file error: {e}"))
    }
}

impl From<frontdesk_documents::DocumentError> for AppError {
    fn from(e: frontdesk_documents::DocumentError) -> Self {
        Self::new(ErrorCode::Internal, e.to_string())
    }
}

impl From<frontdesk_printing::PrintError> for AppError {
    fn from(e: frontdesk_printing::PrintError) -> Self {
        use frontdesk_printing::PrintError as P;
        match e {
            P::BadCopies(_) => Self::invalid("copies", "Choose from 1 to 99 copies."),
            P::NotPdf => Self::new(ErrorCode::Internal, e.to_string()),
            _ => Self::new(ErrorCode::Printer, e.to_string()),
        }
    }
}
