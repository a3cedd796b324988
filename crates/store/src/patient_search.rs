//! Patient search over indexed, folded keys. Each branch is an index range scan with a limit,
//! so a search costs about the same with 500 or 100,000 patients.
use frontdesk_domain::search_key::prefix_upper_bound;
use frontdesk_domain::search_query::{SearchQuery, MIN_PHONE_DIGITS};
use frontdesk_domain::{PatientId, PatientSummary};
use std::collections::HashSet;

use crate::patient_rows::{SummaryRow, SUMMARY_COLUMNS};
use crate::{Db, Result};

/// Name order for a few hits found by a selective index (birth date, phone). The unary `+`
/// keeps SQLite from walking the whole name index to avoid a sort of a handful of rows.
const BY_NAME_AFTER_FILTER: &str = "+p.last_key, +p.first_key";

pub async fn search(
    db: &Db,
    query: &SearchQuery,
    include_archived: bool,
    limit: usize,
) -> Result<Vec<PatientSummary>> {
    let mut s = Search {
        db,
        include_archived,
        limit,
        seen: HashSet::new(),
        out: Vec::new(),
    };
    match query {
        SearchQuery::Empty => {}
        SearchQuery::DateOfBirth(d) => {
            s.run(
                "p.date_of_birth = ?1",
                BY_NAME_AFTER_FILTER,
                &[d.format("%Y-%m-%d").to_string()],
            )
            .await?
        }
        SearchQuery::Digits { digits, raw } => {
            s.prefix("p.chart_key", "p.chart_key", raw).await?;
            if digits.len() >= MIN_PHONE_DIGITS {
                let reversed: String = digits.chars().rev().collect();
                let (lo, hi) = (digits.clone(), prefix_upper_bound(digits));
                let (rlo, rhi) = (reversed.clone(), prefix_upper_bound(&reversed));
                s.run(
                    "p.id IN (SELECT patient_id FROM patient_phones WHERE digits >= ?1 AND digits < ?2 \
                     UNION SELECT patient_id FROM patient_phones WHERE reversed >= ?3 AND reversed < ?4)",
                    BY_NAME_AFTER_FILTER,
                    &[lo, hi, rlo, rhi],
                )
                .await?;
            }
        }
        SearchQuery::Name {
            words,
            last_first,
            chart,
        } => {
            if words.len() == 1 {
                let w = &words[0];
                s.prefix("p.last_key", "p.last_key, p.first_key", w).await?;
                s.prefix("p.first_key", "p.first_key, p.last_key", w)
                    .await?;
                // `<> ''` lets SQLite use the partial index on preferred names.
                s.prefix(
                    "p.preferred_key <> '' AND p.preferred_key",
                    "p.preferred_key",
                    w,
                )
                .await?;
                s.prefix(
                    "p.chart_key",
                    "p.chart_key",
                    &frontdesk_domain::search_key::fold_name(chart),
                )
                .await?;
            } else {
                let first = &words[0];
                let last_word = &words[words.len() - 1];
                let rest = words[1..].concat();
                // "Smith, John" / "Smith John" → last Smith, first John.
                s.last_and_first(first, &rest).await?;
                if !last_first {
                    // "John Smith" → first John, last Smith; "Maria de la Cruz" → last "delacruz".
                    s.last_and_first(last_word, first).await?;
                    s.last_and_first(&words[1..].concat(), first).await?;
                }
                // "De la Cruz" typed without a first name.
                s.prefix("p.last_key", "p.last_key, p.first_key", &words.concat())
                    .await?;
            }
        }
    }
    Ok(s.out)
}

struct Search<'a> {
    db: &'a Db,
    include_archived: bool,
    limit: usize,
    seen: HashSet<PatientId>,
    out: Vec<PatientSummary>,
}

impl Search<'_> {
    async fn prefix(&mut self, column: &str, order: &str, prefix: &str) -> Result<()> {
        if prefix.is_empty() {
            return Ok(());
        }
        let cond = format!("{column} >= ?1 AND {column} < ?2");
        self.run(
            &cond,
            order,
            &[prefix.to_string(), prefix_upper_bound(prefix)],
        )
        .await
    }

    async fn last_and_first(&mut self, last: &str, first: &str) -> Result<()> {
        if last.is_empty() || first.is_empty() {
            return Ok(());
        }
        self.run(
            "p.last_key >= ?1 AND p.last_key < ?2 AND \
             ((p.first_key >= ?3 AND p.first_key < ?4) OR (p.preferred_key >= ?3 AND p.preferred_key < ?4))",
            "p.last_key, p.first_key",
            &[last.to_string(), prefix_upper_bound(last), first.to_string(), prefix_upper_bound(first)],
        )
        .await
    }

    /// Appends the hits of one indexed condition, in `order`, up to the overall limit.
    async fn run(&mut self, cond: &str, order: &str, args: &[String]) -> Result<()> {
        let remaining = self.limit.saturating_sub(self.out.len());
        if remaining == 0 {
            return Ok(());
        }
        let archived = if self.include_archived {
            ""
        } else {
            " AND p.status <> 'archived'"
        };
        // Fetch a few extra to make up for rows already found by an earlier branch.
        let take = remaining + self.seen.len().min(self.limit);
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM patients p WHERE {cond}{archived} ORDER BY {order} LIMIT {take}");
        let mut q = sqlx::query_as::<_, SummaryRow>(sqlx::AssertSqlSafe(sql));
        for a in args {
            q = q.bind(a);
        }
        for row in q.fetch_all(&self.db.reader).await? {
            let p = PatientSummary::from(row);
            if self.out.len() < self.limit && self.seen.insert(p.id) {
                self.out.push(p);
            }
        }
        Ok(())
    }
}
