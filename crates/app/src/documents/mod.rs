//! Documents: the walkout receipt, check-in packets, claim forms, the document settings, and
//! one way to preview, print (printers and per-workstation defaults) or save any of them.
pub mod checkin_packet;
pub mod claim_form;
pub mod document_settings;
pub mod preview_print_save;
pub mod printers;
pub mod save_to_folder;
pub mod walkout_receipt;
