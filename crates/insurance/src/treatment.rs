//! Treatment-plan procedures: code, tooth or area, surfaces, units; the office fee is taken from
//! the fee schedule when the procedure is added. Planned procedures are estimated in plan order;
//! completed ones (with their date) go on claims and count for frequency limits.
use frontdesk_domain::{PatientId, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::text::Problems;

pub type TreatmentItemId = i64;

pub const MAX_UNITS: i64 = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum TreatmentStatus {
    Planned,
    Completed,
}

impl TreatmentStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TreatmentStatus::Planned => "planned",
            TreatmentStatus::Completed => "completed",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "planned" => Some(TreatmentStatus::Planned),
            "completed" => Some(TreatmentStatus::Completed),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct TreatmentItemDraft {
    /// A code from the office fee schedule, e.g. `D2740`.
    pub code: String,
    /// A tooth (1–32, or A–T for primary teeth) or an area (UR, UL, LL, LR, UA, LA, FM); may be empty.
    pub tooth: String,
    /// Surfaces, e.g. `MOD` (letters M, O, D, B, F, L, I).
    pub surface: String,
    pub units: i64,
}

impl Default for TreatmentItemDraft {
    fn default() -> Self {
        TreatmentItemDraft {
            code: String::new(),
            tooth: String::new(),
            surface: String::new(),
            units: 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct TreatmentItem {
    pub id: TreatmentItemId,
    pub patient_id: PatientId,
    /// Plan order (1 is done first).
    pub position: i64,
    pub code: String,
    /// From the fee schedule.
    pub description: String,
    pub tooth: String,
    pub surface: String,
    pub units: i64,
    /// Office fee per unit when added, in cents.
    pub fee_cents: i64,
    pub status: TreatmentStatus,
    /// `YYYY-MM-DD` once completed.
    pub completed_on: Option<String>,
}

const AREAS: &[&str] = &["UR", "UL", "LL", "LR", "UA", "LA", "FM"];

/// The ADA claim form's "area of oral cavity" code for an area, if `tooth` is one.
pub fn area_code(tooth: &str) -> Option<&'static str> {
    Some(match tooth {
        "FM" => "00",
        "UA" => "01",
        "LA" => "02",
        "UR" => "10",
        "UL" => "20",
        "LL" => "30",
        "LR" => "40",
        _ => return None,
    })
}

fn tooth_ok(t: &str) -> bool {
    if t.is_empty() || AREAS.contains(&t) {
        return true;
    }
    if let Ok(n) = t.parse::<u32>() {
        return (1..=32).contains(&n) && !t.starts_with('0');
    }
    t.len() == 1 && ('A'..='T').contains(&t.chars().next().unwrap_or(' '))
}

fn surface_ok(s: &str) -> bool {
    let mut seen = String::new();
    s.len() <= 5
        && s.chars().all(|c| {
            let ok = "MODBFLI".contains(c) && !seen.contains(c);
            seen.push(c);
            ok
        })
}

/// Trims and upper-cases the draft and checks it. The code may be a dental code (`D2740`) or an
/// office code (`BTX-UNIT`); that it is in the fee schedule is checked by the caller.
pub fn validate_treatment_item(
    draft: &TreatmentItemDraft,
) -> Result<TreatmentItemDraft, ValidationErrors> {
    let mut d = draft.clone();
    d.code = d.code.trim().to_uppercase();
    d.tooth = d.tooth.trim().to_uppercase();
    d.surface = d.surface.trim().to_uppercase();
    let mut p = Problems::default();
    if d.code.is_empty() {
        p.add("code", "is required");
    } else if d.code.len() > 12
        || !d
            .code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        p.add(
            "code",
            "is not a procedure code (letters, digits and '-', e.g. D2740)",
        );
    }
    if !tooth_ok(&d.tooth) {
        p.add(
            "tooth",
            "is not a tooth (1-32, A-T) or an area (UR, UL, LL, LR, UA, LA, FM)",
        );
    }
    if !surface_ok(&d.surface) {
        p.add(
            "surface",
            "use the letters M, O, D, B, F, L, I, each at most once",
        );
    }
    if !(1..=MAX_UNITS).contains(&d.units) {
        p.add("units", format!("must be from 1 to {MAX_UNITS}"));
    }
    p.finish().map(|()| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(code: &str, tooth: &str, surface: &str, units: i64) -> TreatmentItemDraft {
        TreatmentItemDraft {
            code: code.into(),
            tooth: tooth.into(),
            surface: surface.into(),
            units,
        }
    }

    #[test]
    fn teeth_areas_and_surfaces() {
        for (tooth, ok) in [
            ("14", true),
            ("32", true),
            ("33", false),
            ("0", false),
            ("07", false),
            ("a", true),
            ("U", false),
            ("ur", true),
            ("", true),
        ] {
            let r = validate_treatment_item(&item("D2391", tooth, "", 1));
            assert_eq!(r.is_ok(), ok, "tooth {tooth:?}");
        }
        assert!(validate_treatment_item(&item("D2391", "3", "mod", 1)).is_ok());
        assert!(validate_treatment_item(&item("D2391", "3", "MM", 1)).is_err());
        assert!(validate_treatment_item(&item("D2391", "3", "X", 1)).is_err());
    }

    #[test]
    fn code_and_units_are_checked() {
        let e = validate_treatment_item(&item("crown fee", "", "", 0)).unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["code", "units"]);
        assert_eq!(
            validate_treatment_item(&item(" d2740 ", "", "", 1))
                .unwrap()
                .code,
            "D2740"
        );
    }

    #[test]
    fn area_codes_follow_the_claim_form() {
        assert_eq!(area_code("UR"), Some("10"));
        assert_eq!(area_code("14"), None);
    }
}
