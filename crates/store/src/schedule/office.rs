//! The office set-up the scheduling rules need: slot length and opening hours (a setting),
//! providers and their working hours, operatories, devices, appointment types, holidays and
//! blockouts.
use chrono::NaiveDate;
use chrono_tz::Tz;
use frontdesk_scheduling::{
    AppointmentType, Blockout, Device, Holiday, Office, Operatory, Provider, ProviderKind,
    SlotUnit, WeeklyHours,
};
use serde::{Deserialize, Serialize};

use crate::{settings, Db, Result, StoreError};

const OFFICE_KEY: &str = "office_schedule";

/// The office-wide part of the set-up: slot length and opening hours.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OfficeSchedule {
    pub slot_minutes: u32,
    pub hours: WeeklyHours,
}

pub async fn set_office_schedule(db: &Db, s: &OfficeSchedule) -> Result<()> {
    settings::set(
        db,
        OFFICE_KEY,
        &serde_json::to_string(s).expect("serializes"),
    )
    .await
}

pub(crate) fn json<T: for<'a> Deserialize<'a>>(s: &str, what: &'static str) -> Result<T> {
    serde_json::from_str(s).map_err(|_| StoreError::Corrupt(what))
}

fn kind(s: &str) -> ProviderKind {
    match s {
        "dentist" => ProviderKind::Dentist,
        "hygienist" => ProviderKind::Hygienist,
        "injector" => ProviderKind::Injector,
        _ => ProviderKind::Other,
    }
}

/// Assembles the office set-up for the rules, in the clinic's timezone `tz`.
pub async fn office(db: &Db, tz: Tz) -> Result<Office> {
    let office: OfficeSchedule = match settings::get(db, OFFICE_KEY).await? {
        Some(s) => json(&s, "office schedule")?,
        None => OfficeSchedule {
            slot_minutes: 10,
            hours: WeeklyHours::default(),
        },
    };
    let slot = SlotUnit::from_minutes(office.slot_minutes)
        .map_err(|_| StoreError::Corrupt("slot length"))?;
    let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT id, name, kind, colour, hours_json FROM providers WHERE active = 1 ORDER BY id",
    )
    .fetch_all(&db.reader)
    .await?;
    let mut providers = Vec::with_capacity(rows.len());
    for (id, name, k, colour, hours) in rows {
        providers.push(Provider {
            id,
            name,
            kind: kind(&k),
            colour,
            hours: if hours == "{}" {
                WeeklyHours::default()
            } else {
                json(&hours, "provider hours")?
            },
        });
    }
    let operatories = sqlx::query_as::<_, (i64, String)>(
        "SELECT id, name FROM operatories WHERE active = 1 ORDER BY id",
    )
    .fetch_all(&db.reader)
    .await?
    .into_iter()
    .map(|(id, name)| Operatory { id, name })
    .collect();
    let mut devices = Vec::new();
    for (id, name, ops) in sqlx::query_as::<_, (i64, String, String)>(
        "SELECT id, name, operatories_json FROM devices ORDER BY id",
    )
    .fetch_all(&db.reader)
    .await?
    {
        devices.push(Device {
            id,
            name,
            operatories: json(&ops, "device operatories")?,
        });
    }
    let mut types = Vec::new();
    for (id, name, slots, colour, codes, overlap) in
        sqlx::query_as::<_, (i64, String, i64, String, String, bool)>(
            "SELECT id, name, slots, colour, procedure_codes_json, may_overlap_provider \
             FROM appointment_types ORDER BY name",
        )
        .fetch_all(&db.reader)
        .await?
    {
        types.push(AppointmentType {
            id,
            name,
            slots: u32::try_from(slots).unwrap_or(1),
            colour,
            procedure_codes: json(&codes, "appointment type codes")?,
            may_overlap_provider: overlap,
        });
    }
    let holidays =
        sqlx::query_as::<_, (NaiveDate, String)>("SELECT date, name FROM holidays ORDER BY date")
            .fetch_all(&db.reader)
            .await?
            .into_iter()
            .map(|(date, name)| Holiday { date, name })
            .collect();
    let mut blockouts = Vec::new();
    for (id, scope, time, reason, allowed) in sqlx::query_as::<
        _,
        (i64, String, String, String, String),
    >(
        "SELECT id, scope_json, time_json, reason, allowed_types_json FROM blockouts ORDER BY id",
    )
    .fetch_all(&db.reader)
    .await?
    {
        blockouts.push(Blockout {
            id,
            scope: json(&scope, "blockout scope")?,
            time: json(&time, "blockout time")?,
            reason,
            allowed_types: json(&allowed, "blockout types")?,
        });
    }
    Ok(Office {
        tz,
        slot,
        hours: office.hours,
        providers,
        operatories,
        devices,
        types,
        holidays,
        blockouts,
    })
}

fn kind_text(k: ProviderKind) -> &'static str {
    match k {
        ProviderKind::Dentist => "dentist",
        ProviderKind::Hygienist => "hygienist",
        ProviderKind::Injector => "injector",
        ProviderKind::Other => "assistant",
    }
}

/// Adds (`id` 0) or changes a provider with their working hours.
pub async fn save_provider(db: &Db, p: &Provider) -> Result<i64> {
    let hours = serde_json::to_string(&p.hours).expect("serializes");
    if p.id == 0 {
        return Ok(sqlx::query_scalar(
            "INSERT INTO providers (name, kind, colour, hours_json) VALUES (?, ?, ?, ?) RETURNING id",
        )
        .bind(&p.name)
        .bind(kind_text(p.kind))
        .bind(&p.colour)
        .bind(&hours)
        .fetch_one(&db.writer)
        .await?);
    }
    let done = sqlx::query(
        "UPDATE providers SET name = ?, kind = ?, colour = ?, hours_json = ? WHERE id = ?",
    )
    .bind(&p.name)
    .bind(kind_text(p.kind))
    .bind(&p.colour)
    .bind(&hours)
    .bind(p.id)
    .execute(&db.writer)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound("provider"));
    }
    Ok(p.id)
}

/// Adds (`id` 0) or renames an operatory.
pub async fn save_operatory(db: &Db, o: &Operatory) -> Result<i64> {
    if o.id == 0 {
        return Ok(
            sqlx::query_scalar("INSERT INTO operatories (name) VALUES (?) RETURNING id")
                .bind(&o.name)
                .fetch_one(&db.writer)
                .await?,
        );
    }
    let done = sqlx::query("UPDATE operatories SET name = ? WHERE id = ?")
        .bind(&o.name)
        .bind(o.id)
        .execute(&db.writer)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound("operatory"));
    }
    Ok(o.id)
}

/// Adds (`id` 0) or changes a shared device and the rooms it serves.
pub async fn save_device(db: &Db, d: &Device) -> Result<i64> {
    let ops = serde_json::to_string(&d.operatories).expect("serializes");
    if d.id == 0 {
        return Ok(sqlx::query_scalar(
            "INSERT INTO devices (name, operatories_json) VALUES (?, ?) RETURNING id",
        )
        .bind(&d.name)
        .bind(&ops)
        .fetch_one(&db.writer)
        .await?);
    }
    let done = sqlx::query("UPDATE devices SET name = ?, operatories_json = ? WHERE id = ?")
        .bind(&d.name)
        .bind(&ops)
        .bind(d.id)
        .execute(&db.writer)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound("device"));
    }
    Ok(d.id)
}

/// Changes an appointment type (adding is `add_appointment_type`).
pub async fn update_appointment_type(db: &Db, t: &AppointmentType) -> Result<()> {
    let done = sqlx::query(
        "UPDATE appointment_types SET name = ?, slots = ?, colour = ?, procedure_codes_json = ?, \
         may_overlap_provider = ? WHERE id = ?",
    )
    .bind(&t.name)
    .bind(i64::from(t.slots))
    .bind(&t.colour)
    .bind(serde_json::to_string(&t.procedure_codes).expect("serializes"))
    .bind(t.may_overlap_provider)
    .bind(t.id)
    .execute(&db.writer)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound("appointment type"));
    }
    Ok(())
}

pub async fn remove_holiday(db: &Db, date: NaiveDate) -> Result<()> {
    sqlx::query("DELETE FROM holidays WHERE date = ?")
        .bind(date)
        .execute(&db.writer)
        .await?;
    Ok(())
}

pub async fn remove_blockout(db: &Db, id: i64) -> Result<()> {
    let done = sqlx::query("DELETE FROM blockouts WHERE id = ?")
        .bind(id)
        .execute(&db.writer)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound("blockout"));
    }
    Ok(())
}

pub async fn set_provider_hours(db: &Db, provider: i64, hours: &WeeklyHours) -> Result<()> {
    let done = sqlx::query("UPDATE providers SET hours_json = ? WHERE id = ?")
        .bind(serde_json::to_string(hours).expect("serializes"))
        .bind(provider)
        .execute(&db.writer)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound("provider"));
    }
    Ok(())
}

pub async fn add_appointment_type(db: &Db, t: &AppointmentType) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO appointment_types (name, slots, colour, procedure_codes_json, may_overlap_provider) \
         VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(&t.name)
    .bind(i64::from(t.slots))
    .bind(&t.colour)
    .bind(serde_json::to_string(&t.procedure_codes).expect("serializes"))
    .bind(t.may_overlap_provider)
    .fetch_one(&db.writer)
    .await?)
}

pub async fn add_holiday(db: &Db, h: &Holiday) -> Result<()> {
    sqlx::query("INSERT INTO holidays (date, name) VALUES (?, ?) ON CONFLICT (date) DO UPDATE SET name = excluded.name")
        .bind(h.date)
        .bind(&h.name)
        .execute(&db.writer)
        .await?;
    Ok(())
}

pub async fn add_blockout(db: &Db, b: &Blockout) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO blockouts (scope_json, time_json, reason, allowed_types_json) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(serde_json::to_string(&b.scope).expect("serializes"))
    .bind(serde_json::to_string(&b.time).expect("serializes"))
    .bind(&b.reason)
    .bind(serde_json::to_string(&b.allowed_types).expect("serializes"))
    .fetch_one(&db.writer)
    .await?)
}
