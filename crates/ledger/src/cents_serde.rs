//! [`Cents`] as a plain integer number of cents on the wire (`#[serde(with = "crate::cents_serde")]`
//! together with `#[specta(type = i64)]` on the field).
use frontdesk_domain::money::Cents;
use serde::{Deserialize, Deserializer, Serializer};

pub fn serialize<S: Serializer>(c: &Cents, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_i64(c.0)
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Cents, D::Error> {
    i64::deserialize(d).map(Cents)
}
