//! Family / guarantor: the guarantor (responsible party) receives statements for the family.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    /// The patient is their own guarantor.
    #[serde(rename = "self")]
    SelfGuarantor,
    Spouse,
    Child,
    Parent,
    Other,
}

impl Relationship {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SelfGuarantor => "self",
            Self::Spouse => "spouse",
            Self::Child => "child",
            Self::Parent => "parent",
            Self::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "self" => Self::SelfGuarantor,
            "spouse" => Self::Spouse,
            "child" => Self::Child,
            "parent" => Self::Parent,
            "other" => Self::Other,
            _ => return None,
        })
    }
}
