//! Printable documents rendered as PDF with printpdf: the recovery kit, the dental claim form,
//! the call list, and (with embedded fonts, so every script prints) the patient statement, the
//! walkout receipt and the check-in packet.

pub mod bench;
pub mod call_list;
mod canvas;
pub mod checkin_packet;
pub mod claim_form;
pub mod error;
mod fonts;
mod pdf_text;
mod policy_texts;
pub mod receipt;
pub mod recovery_kit;
mod sfnt;
pub mod statement;

pub use bench::{bench_statements, sample_statement, BenchFigures};
pub use call_list::{call_list_pdf, CallListDoc, CallListRow};
pub use canvas::format_money;
pub use checkin_packet::{
    checkin_packet_pdf, CheckinPacketDoc, CheckinPatient, InsuranceBlock, PolicyTexts,
};
pub use claim_form::{claim_form_pdf, ClaimFormDoc, ClaimLine, ClaimParty, ClaimPerson};
pub use error::DocumentError;
pub use fonts::FontMode;
pub use policy_texts::{default_conditions, default_policy_texts};
pub use receipt::{receipt_pdf, ReceiptDoc, ReceiptLine};
pub use recovery_kit::{recovery_kit_pdf, RecoveryKitDoc};
pub use statement::{
    render_threads, statement_pdf, statement_pdfs, statements_pdf, Letterhead, StatementDoc,
    StatementRow,
};
