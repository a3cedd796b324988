//! Printable documents rendered as PDF with printpdf: the recovery kit, the dental claim form and
//! the call list.

pub mod call_list;
pub mod claim_form;
pub mod error;
mod pdf_text;
pub mod recovery_kit;

pub use call_list::{call_list_pdf, CallListDoc, CallListRow};
pub use claim_form::{claim_form_pdf, ClaimFormDoc, ClaimLine, ClaimParty, ClaimPerson};
pub use error::DocumentError;
pub use recovery_kit::{recovery_kit_pdf, RecoveryKitDoc};
