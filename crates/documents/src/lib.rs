//! Printable documents rendered as PDF with printpdf: the recovery kit and the dental claim form.

pub mod claim_form;
pub mod error;
mod pdf_text;
pub mod recovery_kit;

pub use claim_form::{claim_form_pdf, ClaimFormDoc, ClaimLine, ClaimParty, ClaimPerson};
pub use error::DocumentError;
pub use recovery_kit::{recovery_kit_pdf, RecoveryKitDoc};
