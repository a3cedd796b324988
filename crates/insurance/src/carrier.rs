//! Insurance carriers (payers): name, payer ID for electronic claims, claims address, phone.
use frontdesk_domain::{Address, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::text::Problems;

pub type CarrierId = i64;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct CarrierDraft {
    pub name: String,
    /// The payer ID used on electronic claims (e.g. `CDCA1`).
    pub payer_id: String,
    /// Where paper claims go.
    pub address: Address,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Carrier {
    pub id: CarrierId,
    pub details: CarrierDraft,
}

/// Trims the draft and checks it: a name is required; everything has a sensible length.
pub fn validate_carrier(draft: &CarrierDraft) -> Result<CarrierDraft, ValidationErrors> {
    let mut d = draft.clone();
    let mut p = Problems::default();
    p.text("name", &mut d.name, true, 120);
    p.text("payer_id", &mut d.payer_id, false, 20);
    p.text("phone", &mut d.phone, false, 40);
    let a = &mut d.address;
    for (field, value) in [
        ("address.line1", &mut a.line1),
        ("address.line2", &mut a.line2),
        ("address.city", &mut a.city),
        ("address.state", &mut a.state),
        ("address.postal_code", &mut a.postal_code),
        ("address.country", &mut a.country),
    ] {
        p.text(field, value, false, 200);
    }
    if !d.payer_id.chars().all(|c| c.is_ascii_alphanumeric()) {
        p.add("payer_id", "may contain only letters and digits");
    }
    p.finish().map(|()| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_is_required_and_text_is_trimmed() {
        let e = validate_carrier(&CarrierDraft::default()).unwrap_err();
        assert_eq!(e.first_field(), Some("name"));
        let ok = validate_carrier(&CarrierDraft {
            name: "  Delta Dental ".into(),
            payer_id: "CDCA1".into(),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(ok.name, "Delta Dental");
    }

    #[test]
    fn payer_id_is_alphanumeric() {
        let e = validate_carrier(&CarrierDraft {
            name: "X".into(),
            payer_id: "CD-1".into(),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(e.first_field(), Some("payer_id"));
    }
}
