//! `ledger_entries`: posting (checked by the ledger rules inside one `BEGIN IMMEDIATE`, so two
//! windows cannot both refund the same money) and reading a guarantor's entries.
use chrono::{DateTime, NaiveDate, Utc};
use frontdesk_domain::money::Cents;
use frontdesk_domain::ValidationErrors;
use frontdesk_ledger::{
    effect, validate_new_entry, AdjustmentKind, Entry, EntryId, EntryKind, GuarantorId, NewEntry,
    PaymentMethod,
};
use sqlx::SqliteConnection;

use crate::audit::{insert as audit, AuditEvent};
use crate::{Db, Result, StoreError};

/// Why entries were not posted.
#[derive(Debug, thiserror::Error)]
pub enum PostError {
    #[error("{0}")]
    Rules(ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for PostError {
    fn from(e: sqlx::Error) -> Self {
        PostError::Store(e.into())
    }
}

const COLUMNS: &str =
    "id, batch_id, patient_id, guarantor_id, entry_date, created_at, actor, note, \
     kind, amount_cents, code, treatment_item_id, method, card_last_four, check_number, claim_id, \
     adjustment, reverses";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    batch_id: i64,
    patient_id: i64,
    guarantor_id: i64,
    entry_date: NaiveDate,
    created_at: DateTime<Utc>,
    actor: String,
    note: String,
    kind: String,
    amount_cents: i64,
    code: Option<String>,
    treatment_item_id: Option<i64>,
    method: Option<String>,
    card_last_four: Option<String>,
    check_number: Option<String>,
    claim_id: Option<i64>,
    adjustment: Option<String>,
    reverses: Option<i64>,
}

/// A posted entry with the batch it was posted in (a split payment's parts share one).
#[derive(Debug, Clone)]
pub struct StoredEntry {
    pub batch_id: i64,
    pub entry: Entry,
}

fn decode(r: Row) -> Result<StoredEntry> {
    let amount = Cents(r.amount_cents);
    let kind = match r.kind.as_str() {
        "charge" => EntryKind::Charge {
            code: r.code.unwrap_or_default(),
            treatment_item_id: r.treatment_item_id,
            amount,
        },
        "payment" => EntryKind::Payment {
            method: match r.method.as_deref() {
                Some("cash") => PaymentMethod::Cash,
                Some("card") => PaymentMethod::Card {
                    last_four: r.card_last_four.unwrap_or_default(),
                },
                Some("check") => PaymentMethod::Check {
                    number: r.check_number.unwrap_or_default(),
                },
                Some("insurance") => PaymentMethod::Insurance {
                    claim_id: r.claim_id.ok_or(StoreError::Corrupt("insurance payment"))?,
                },
                _ => return Err(StoreError::Corrupt("payment method")),
            },
            amount,
        },
        "adjustment" => EntryKind::Adjustment {
            adjustment: r
                .adjustment
                .as_deref()
                .and_then(AdjustmentKind::parse)
                .ok_or(StoreError::Corrupt("adjustment kind"))?,
            amount,
        },
        "reversal" => EntryKind::Reversal {
            reverses: r.reverses.ok_or(StoreError::Corrupt("reversal"))?,
        },
        _ => return Err(StoreError::Corrupt("ledger entry kind")),
    };
    Ok(StoredEntry {
        batch_id: r.batch_id,
        entry: Entry {
            id: r.id,
            patient_id: r.patient_id,
            guarantor_id: r.guarantor_id,
            date: r.entry_date,
            created_at: r.created_at,
            actor: r.actor,
            note: r.note,
            kind,
        },
    })
}

/// Every entry of the guarantor's account, oldest first (by date, then as posted).
pub async fn for_guarantor(db: &Db, guarantor: GuarantorId) -> Result<Vec<StoredEntry>> {
    let mut conn = db.reader.acquire().await?;
    for_guarantor_in(&mut conn, guarantor).await
}

async fn for_guarantor_in(
    conn: &mut SqliteConnection,
    guarantor: GuarantorId,
) -> Result<Vec<StoredEntry>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM ledger_entries WHERE guarantor_id = ? ORDER BY entry_date, id"
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(guarantor)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter().map(decode).collect()
}

/// Every entry of every account whose balance is not zero, by guarantor, each account oldest
/// first (the aging report's one read instead of one per account).
pub async fn of_nonzero_accounts(db: &Db) -> Result<Vec<StoredEntry>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM ledger_entries WHERE guarantor_id IN \
           (SELECT guarantor_id FROM ledger_entries GROUP BY guarantor_id HAVING SUM(effect_cents) <> 0) \
         ORDER BY guarantor_id, entry_date, id"
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(&db.reader)
        .await?;
    rows.into_iter().map(decode).collect()
}

/// Every entry dated `from..=to` (the day sheet), oldest first.
pub async fn dated(db: &Db, from: NaiveDate, to: NaiveDate) -> Result<Vec<StoredEntry>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM ledger_entries WHERE entry_date BETWEEN ? AND ? ORDER BY entry_date, id"
    );
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(from)
        .bind(to)
        .fetch_all(&db.reader)
        .await?;
    rows.into_iter().map(decode).collect()
}

/// The entries that `ids` name (originals of reversals on a day sheet).
pub async fn by_ids(db: &Db, ids: &[EntryId]) -> Result<Vec<StoredEntry>> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let sql = format!("SELECT {COLUMNS} FROM ledger_entries WHERE id = ?");
        let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&db.reader)
            .await?;
        if let Some(r) = row {
            out.push(decode(r)?);
        }
    }
    Ok(out)
}

/// Posts `entries` (all of one guarantor) as one batch: each is checked by the ledger rules
/// against the account as it stands (and the ones before it in the batch) and the period lock;
/// if any is refused nothing is written. Returns the new ids in order.
pub async fn post(
    db: &Db,
    entries: &[NewEntry],
    locked_through: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> std::result::Result<Vec<EntryId>, PostError> {
    let mut conn = db.writer.acquire().await?;
    sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await?;
    let result = post_in(&mut conn, entries, locked_through, now).await;
    let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
    sqlx::query(end).execute(&mut *conn).await?;
    result
}

/// As [`post`], inside a transaction the caller holds (a claim payment, a completed procedure).
pub(crate) async fn post_in(
    conn: &mut SqliteConnection,
    entries: &[NewEntry],
    locked_through: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> std::result::Result<Vec<EntryId>, PostError> {
    let Some(first) = entries.first() else {
        return Ok(vec![]);
    };
    let guarantor = first.guarantor_id;
    if entries.iter().any(|e| e.guarantor_id != guarantor) {
        return Err(StoreError::Refused("one posting is for one guarantor's account").into());
    }
    let mut ledger: Vec<Entry> = for_guarantor_in(conn, guarantor)
        .await?
        .into_iter()
        .map(|s| s.entry)
        .collect();
    let mut ids = Vec::with_capacity(entries.len());
    let mut batch: Option<i64> = None;
    for new in entries {
        validate_new_entry(new, &ledger, locked_through).map_err(PostError::Rules)?;
        let provisional = new.clone().posted(0, now);
        let eff = effect(&provisional, &ledger);
        let id: i64 = sqlx::query_scalar("SELECT COALESCE(max(id), 0) + 1 FROM ledger_entries")
            .fetch_one(&mut *conn)
            .await?;
        let batch_id = *batch.get_or_insert(id);
        insert(conn, id, batch_id, new, eff, now).await?;
        ledger.push(new.clone().posted(id, now));
        ids.push(id);
    }
    let fields = vec!["ledger".to_string()];
    for (new, id) in entries.iter().zip(&ids) {
        let action = match &new.kind {
            EntryKind::Charge { .. } => "ledger.charge",
            EntryKind::Payment { .. } => "ledger.payment",
            EntryKind::Adjustment { .. } => "ledger.adjustment",
            EntryKind::Reversal { .. } => "ledger.reversal",
        };
        let event = AuditEvent {
            actor: &new.actor,
            action,
            entity: "ledger_entry",
            entity_id: Some(*id),
            fields: fields.clone(),
        };
        audit(conn, &event, now).await?;
    }
    Ok(ids)
}

async fn insert(
    conn: &mut SqliteConnection,
    id: i64,
    batch: i64,
    e: &NewEntry,
    effect: Cents,
    now: DateTime<Utc>,
) -> Result<()> {
    let (kind, amount) = match &e.kind {
        EntryKind::Charge { amount, .. } => ("charge", amount.0),
        EntryKind::Payment { amount, .. } => ("payment", amount.0),
        EntryKind::Adjustment { amount, .. } => ("adjustment", amount.0),
        EntryKind::Reversal { .. } => ("reversal", effect.0.abs()),
    };
    let (code, item) = match &e.kind {
        EntryKind::Charge {
            code,
            treatment_item_id,
            ..
        } => (Some(code.as_str()), *treatment_item_id),
        _ => (None, None),
    };
    let (method, last_four, check, claim) = match &e.kind {
        EntryKind::Payment { method, .. } => match method {
            PaymentMethod::Cash => (Some("cash"), None, None, None),
            PaymentMethod::Card { last_four } => {
                (Some("card"), Some(last_four.as_str()), None, None)
            }
            PaymentMethod::Check { number } => (Some("check"), None, Some(number.as_str()), None),
            PaymentMethod::Insurance { claim_id } => {
                (Some("insurance"), None, None, Some(*claim_id))
            }
        },
        _ => (None, None, None, None),
    };
    let adjustment = match &e.kind {
        EntryKind::Adjustment { adjustment, .. } => Some(adjustment.as_str()),
        _ => None,
    };
    sqlx::query(
        "INSERT INTO ledger_entries (id, batch_id, patient_id, guarantor_id, entry_date, created_at, actor, note, \
         kind, amount_cents, effect_cents, code, treatment_item_id, method, card_last_four, check_number, \
         claim_id, adjustment, reverses) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(batch)
    .bind(e.patient_id)
    .bind(e.guarantor_id)
    .bind(e.date)
    .bind(now)
    .bind(&e.actor)
    .bind(&e.note)
    .bind(kind)
    .bind(amount)
    .bind(effect.0)
    .bind(code)
    .bind(item)
    .bind(method)
    .bind(last_four)
    .bind(check)
    .bind(claim)
    .bind(adjustment)
    .bind(e.kind.reverses())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The balance of every guarantor whose balance is above `min` (statement runs), with the date
/// of their last statement if any.
pub async fn balances_above(
    db: &Db,
    min: Cents,
) -> Result<Vec<(GuarantorId, Cents, Option<NaiveDate>)>> {
    balances_where(db, ">", min).await
}

/// Every guarantor whose balance is not zero (the aging report: a credit too), with the date of
/// their last statement if any, by guarantor id.
pub async fn nonzero_balances(db: &Db) -> Result<Vec<(GuarantorId, Cents, Option<NaiveDate>)>> {
    balances_where(db, "<>", Cents::ZERO).await
}

/// Every guarantor in credit (balance below zero: paid ahead, not yet applied), by guarantor id.
pub async fn credit_balances(db: &Db) -> Result<Vec<(GuarantorId, Cents, Option<NaiveDate>)>> {
    balances_where(db, "<", Cents::ZERO).await
}

/// `op` is a comparison operator from the callers above, never outside input.
async fn balances_where(
    db: &Db,
    op: &'static str,
    than: Cents,
) -> Result<Vec<(GuarantorId, Cents, Option<NaiveDate>)>> {
    let sql = format!(
        "SELECT b.guarantor_id, b.balance, \
           (SELECT max(statement_date) FROM statements s WHERE s.guarantor_id = b.guarantor_id) \
         FROM (SELECT guarantor_id, SUM(effect_cents) AS balance FROM ledger_entries GROUP BY guarantor_id) b \
         WHERE b.balance {op} ? ORDER BY b.guarantor_id"
    );
    let rows: Vec<(i64, i64, Option<NaiveDate>)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(than.0)
        .fetch_all(&db.reader)
        .await?;
    Ok(rows.into_iter().map(|(g, b, d)| (g, Cents(b), d)).collect())
}

/// The guarantor's balance as one SUM (the same figure the rules compute from the entries).
pub async fn balance(db: &Db, guarantor: GuarantorId) -> Result<Cents> {
    let b: Option<i64> =
        sqlx::query_scalar("SELECT SUM(effect_cents) FROM ledger_entries WHERE guarantor_id = ?")
            .bind(guarantor)
            .fetch_one(&db.reader)
            .await?;
    Ok(Cents(b.unwrap_or(0)))
}

/// The guarantor of `patient` (themselves when they have none).
pub async fn guarantor_of(db: &Db, patient: i64) -> Result<GuarantorId> {
    let mut conn = db.reader.acquire().await?;
    guarantor_of_in(&mut conn, patient).await
}

pub(crate) async fn guarantor_of_in(conn: &mut SqliteConnection, patient: i64) -> Result<i64> {
    sqlx::query_scalar("SELECT COALESCE(guarantor_id, id) FROM patients WHERE id = ?")
        .bind(patient)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound("patient"))
}
