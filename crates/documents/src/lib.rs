//! Printable documents rendered as PDF with printpdf. For now: the recovery kit.

pub mod error;
mod pdf_text;
pub mod recovery_kit;

pub use error::DocumentError;
pub use recovery_kit::{recovery_kit_pdf, RecoveryKitDoc};
