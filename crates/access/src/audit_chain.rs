//! The audit log's hash chain: each entry's `hash` is SHA-256 over its canonical content and the
//! previous entry's hash, so changing, removing or inserting an entry breaks the chain from that
//! entry on. (Anyone with the database key could rewrite the whole chain; the head hash, shown to
//! administrators and written into every backup's manifest, detects that against a printed copy.)
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What is hashed: every column of the entry except the hash itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainEntry {
    pub id: i64,
    /// RFC 3339 with microseconds, UTC (as stored).
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    /// The JSON array of field names, as stored.
    pub fields: String,
    pub prev_hash: String,
}

/// The canonical form: a JSON array (fixed order, serde_json's escaping).
pub fn canonical(e: &ChainEntry) -> String {
    serde_json::to_string(&(
        e.id,
        &e.at,
        &e.actor,
        &e.action,
        &e.entity,
        e.entity_id,
        &e.fields,
        &e.prev_hash,
    ))
    .expect("strings serialize")
}

pub fn entry_hash(e: &ChainEntry) -> String {
    hex::encode(Sha256::digest(canonical(e).as_bytes()))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    /// The entry's content does not match its hash (it was changed).
    Altered,
    /// The entry does not follow the one before it (one was removed before it, or it was inserted).
    NotLinked,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Intact { entries: usize, head: String },
    Broken { entry_id: i64, problem: Break },
}

/// Walks the chain in id order (entries must be given sorted by id).
pub fn verify<'a>(entries: impl IntoIterator<Item = (&'a ChainEntry, &'a str)>) -> Verdict {
    let mut prev = GENESIS.to_string();
    let mut count = 0;
    for (e, stored_hash) in entries {
        if e.prev_hash != prev {
            return Verdict::Broken {
                entry_id: e.id,
                problem: Break::NotLinked,
            };
        }
        if entry_hash(e) != stored_hash {
            return Verdict::Broken {
                entry_id: e.id,
                problem: Break::Altered,
            };
        }
        prev = stored_hash.to_string();
        count += 1;
    }
    Verdict::Intact {
        entries: count,
        head: prev,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<(ChainEntry, String)> {
        let mut out = vec![];
        let mut prev = GENESIS.to_string();
        for id in 1..=n {
            let e = ChainEntry {
                id,
                at: format!("2026-12-01T09:00:{id:02}.000000Z"),
                actor: "maria".into(),
                action: "patient.read".into(),
                entity: "patient".into(),
                entity_id: Some(id),
                fields: "[]".into(),
                prev_hash: prev.clone(),
            };
            let h = entry_hash(&e);
            prev = h.clone();
            out.push((e, h));
        }
        out
    }

    fn run(c: &[(ChainEntry, String)]) -> Verdict {
        verify(c.iter().map(|(e, h)| (e, h.as_str())))
    }

    #[test]
    fn intact_altered_removed_inserted() {
        let c = chain(5);
        assert!(matches!(run(&c), Verdict::Intact { entries: 5, .. }));
        let mut altered = c.clone();
        altered[2].0.action = "patient.update".into();
        assert_eq!(
            run(&altered),
            Verdict::Broken {
                entry_id: 3,
                problem: Break::Altered
            }
        );
        let mut removed = c.clone();
        removed.remove(1);
        assert_eq!(
            run(&removed),
            Verdict::Broken {
                entry_id: 3,
                problem: Break::NotLinked
            }
        );
        let mut inserted = c.clone();
        let mut extra = inserted[1].0.clone();
        extra.id = 99;
        let h = entry_hash(&extra);
        inserted.insert(2, (extra, h));
        assert_eq!(
            run(&inserted),
            Verdict::Broken {
                entry_id: 99,
                problem: Break::NotLinked
            }
        );
    }

    #[test]
    fn field_boundaries_are_unambiguous() {
        let a = ChainEntry {
            id: 1,
            at: "t".into(),
            actor: "ab".into(),
            action: "c".into(),
            entity: "".into(),
            entity_id: None,
            fields: "[]".into(),
            prev_hash: GENESIS.into(),
        };
        let mut b = a.clone();
        b.actor = "a".into();
        b.action = "bc".into();
        assert_ne!(entry_hash(&a), entry_hash(&b));
    }
}
