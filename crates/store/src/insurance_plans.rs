//! The `carriers` and `plans` tables. A plan's benefits are stored as the plan editor's JSON;
//! callers validate them (through the estimate engine) before they are written.
use chrono::{DateTime, Utc};
use frontdesk_domain::Address;
use frontdesk_insurance::{Carrier, CarrierDraft, CarrierId, Plan, PlanDraft, PlanId, PlanType};

use crate::audit::{self, AuditEvent};
use crate::{Db, Result, StoreError};

/// Inserts (`id` None) or updates a carrier; audited by field names.
pub async fn save_carrier(
    db: &Db,
    id: Option<CarrierId>,
    d: &CarrierDraft,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<CarrierId> {
    let address = serde_json::to_string(&d.address).expect("address serializes");
    let mut tx = db.writer.begin().await?;
    let id = match id {
        None => sqlx::query_scalar(
            "INSERT INTO carriers (name, payer_id, address_json, phone, updated_at, updated_by) \
             VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(&d.name)
        .bind(&d.payer_id)
        .bind(&address)
        .bind(&d.phone)
        .bind(now)
        .bind(actor)
        .fetch_one(&mut *tx)
        .await?,
        Some(id) => {
            let done = sqlx::query(
                "UPDATE carriers SET name = ?, payer_id = ?, address_json = ?, phone = ?, updated_at = ?, \
                 updated_by = ? WHERE id = ?",
            )
            .bind(&d.name)
            .bind(&d.payer_id)
            .bind(&address)
            .bind(&d.phone)
            .bind(now)
            .bind(actor)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound("carrier"));
            }
            id
        }
    };
    let event = AuditEvent {
        actor,
        action: "carrier.save",
        entity: "carrier",
        entity_id: Some(id),
        fields: vec![
            "name".into(),
            "payer_id".into(),
            "address".into(),
            "phone".into(),
        ],
    };
    audit::insert(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(id)
}

type CarrierRow = (i64, String, String, String, String);

fn carrier_from(r: CarrierRow) -> Carrier {
    let (id, name, payer_id, address, phone) = r;
    Carrier {
        id,
        details: CarrierDraft {
            name,
            payer_id,
            address: serde_json::from_str::<Address>(&address).unwrap_or_default(),
            phone,
        },
    }
}

/// Every carrier, by name.
pub async fn carriers(db: &Db) -> Result<Vec<Carrier>> {
    let rows: Vec<CarrierRow> = sqlx::query_as(
        "SELECT id, name, payer_id, address_json, phone FROM carriers ORDER BY name COLLATE NOCASE, id",
    )
    .fetch_all(&db.reader)
    .await?;
    Ok(rows.into_iter().map(carrier_from).collect())
}

pub async fn carrier(db: &Db, id: CarrierId) -> Result<Carrier> {
    let row: Option<CarrierRow> =
        sqlx::query_as("SELECT id, name, payer_id, address_json, phone FROM carriers WHERE id = ?")
            .bind(id)
            .fetch_optional(&db.reader)
            .await?;
    row.map(carrier_from).ok_or(StoreError::NotFound("carrier"))
}

/// Inserts or updates a plan (its carrier must exist).
pub async fn save_plan(
    db: &Db,
    id: Option<PlanId>,
    d: &PlanDraft,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<PlanId> {
    let benefits = serde_json::to_string(&d.benefits).expect("benefits serialize");
    let mut tx = db.writer.begin().await?;
    let carrier: Option<i64> = sqlx::query_scalar("SELECT id FROM carriers WHERE id = ?")
        .bind(d.carrier_id)
        .fetch_optional(&mut *tx)
        .await?;
    if carrier.is_none() {
        return Err(StoreError::NotFound("carrier"));
    }
    let id = match id {
        None => sqlx::query_scalar(
            "INSERT INTO plans (carrier_id, group_name, group_number, employer, plan_type, benefits_json, \
             updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(d.carrier_id)
        .bind(&d.group_name)
        .bind(&d.group_number)
        .bind(&d.employer)
        .bind(d.plan_type.as_str())
        .bind(&benefits)
        .bind(now)
        .bind(actor)
        .fetch_one(&mut *tx)
        .await?,
        Some(id) => {
            let done = sqlx::query(
                "UPDATE plans SET carrier_id = ?, group_name = ?, group_number = ?, employer = ?, plan_type = ?, \
                 benefits_json = ?, updated_at = ?, updated_by = ? WHERE id = ?",
            )
            .bind(d.carrier_id)
            .bind(&d.group_name)
            .bind(&d.group_number)
            .bind(&d.employer)
            .bind(d.plan_type.as_str())
            .bind(&benefits)
            .bind(now)
            .bind(actor)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound("plan"));
            }
            id
        }
    };
    let event = AuditEvent {
        actor,
        action: "plan.save",
        entity: "plan",
        entity_id: Some(id),
        fields: vec!["group".into(), "plan_type".into(), "benefits".into()],
    };
    audit::insert(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(id)
}

pub(crate) const PLAN_COLUMNS: &str =
    "pl.id, c.name, pl.carrier_id, pl.group_name, pl.group_number, \
    pl.employer, pl.plan_type, pl.benefits_json";

pub(crate) type PlanRow = (i64, String, i64, String, String, String, String, String);

pub(crate) fn plan_from(r: PlanRow) -> Result<Plan> {
    let (id, carrier_name, carrier_id, group_name, group_number, employer, plan_type, benefits) = r;
    Ok(Plan {
        id,
        carrier_name,
        details: PlanDraft {
            carrier_id,
            group_name,
            group_number,
            employer,
            plan_type: PlanType::parse(&plan_type).ok_or(StoreError::Corrupt("plan type"))?,
            benefits: serde_json::from_str(&benefits)
                .map_err(|_| StoreError::Corrupt("plan benefits"))?,
        },
    })
}

/// Every plan, by carrier and group name.
pub async fn plans(db: &Db) -> Result<Vec<Plan>> {
    let sql = format!(
        "SELECT {PLAN_COLUMNS} FROM plans pl JOIN carriers c ON c.id = pl.carrier_id \
         ORDER BY c.name COLLATE NOCASE, pl.group_name COLLATE NOCASE, pl.id"
    );
    let rows: Vec<PlanRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(&db.reader)
        .await?;
    rows.into_iter().map(plan_from).collect()
}

pub async fn plan(db: &Db, id: PlanId) -> Result<Plan> {
    let sql = format!(
        "SELECT {PLAN_COLUMNS} FROM plans pl JOIN carriers c ON c.id = pl.carrier_id WHERE pl.id = ?"
    );
    let row: Option<PlanRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&db.reader)
        .await?;
    row.map(plan_from)
        .transpose()?
        .ok_or(StoreError::NotFound("plan"))
}
