//! Money in integer cents and percentages in basis points: the domain's types.
pub use frontdesk_domain::money::*;
