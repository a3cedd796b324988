//! Family links: a member points at its guarantor (one level: a guarantor has no guarantor).
use chrono::{DateTime, Utc};
use frontdesk_domain::{PatientId, PatientSummary, Relationship};

use crate::audit::{self, AuditEvent};
use crate::patient_rows::{SummaryRow, SUMMARY_COLUMNS};
use crate::{Db, Result, StoreError};

/// Links `member` to `guarantor`. Refuses links that would make a chain or a loop.
pub async fn link(
    db: &Db,
    member: PatientId,
    guarantor: PatientId,
    relationship: Relationship,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    if member == guarantor {
        return Err(StoreError::FamilyRule(
            "a patient cannot be their own guarantor by link; unlink instead",
        ));
    }
    if relationship == Relationship::SelfGuarantor {
        return Err(StoreError::FamilyRule(
            "choose how the member is related to the guarantor",
        ));
    }
    let mut tx = db.writer.begin().await?;
    let g: Option<Option<i64>> =
        sqlx::query_scalar("SELECT guarantor_id FROM patients WHERE id = ?")
            .bind(guarantor)
            .fetch_optional(&mut *tx)
            .await?;
    match g {
        None => return Err(StoreError::NotFound("guarantor")),
        Some(Some(_)) => return Err(StoreError::FamilyRule(
            "the chosen guarantor belongs to another guarantor's family; link to that guarantor",
        )),
        Some(None) => {}
    }
    let dependants: i64 =
        sqlx::query_scalar("SELECT count(*) FROM patients WHERE guarantor_id = ?")
            .bind(member)
            .fetch_one(&mut *tx)
            .await?;
    if dependants > 0 {
        return Err(StoreError::FamilyRule(
            "this patient is the guarantor of other family members; move them first",
        ));
    }
    let done = sqlx::query(
        "UPDATE patients SET guarantor_id = ?, relationship_to_guarantor = ?, updated_at = ?, updated_by = ?, \
         version = version + 1 WHERE id = ?",
    )
    .bind(guarantor)
    .bind(relationship.as_str())
    .bind(now)
    .bind(actor)
    .bind(member)
    .execute(&mut *tx)
    .await?;
    audit_family_change(tx, done.rows_affected(), "family.link", member, actor, now).await
}

/// Makes `member` their own guarantor again.
pub async fn unlink(db: &Db, member: PatientId, actor: &str, now: DateTime<Utc>) -> Result<()> {
    let mut tx = db.writer.begin().await?;
    let done = sqlx::query(
        "UPDATE patients SET guarantor_id = NULL, relationship_to_guarantor = 'self', updated_at = ?, \
         updated_by = ?, version = version + 1 WHERE id = ?",
    )
    .bind(now)
    .bind(actor)
    .bind(member)
    .execute(&mut *tx)
    .await?;
    audit_family_change(
        tx,
        done.rows_affected(),
        "family.unlink",
        member,
        actor,
        now,
    )
    .await
}

/// Ends a link/unlink: the member must exist; the change is audited by field name and committed.
async fn audit_family_change(
    mut tx: sqlx::Transaction<'_, sqlx::Sqlite>,
    rows: u64,
    action: &'static str,
    member: PatientId,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    if rows == 0 {
        return Err(StoreError::NotFound("patient"));
    }
    let event = AuditEvent {
        actor,
        action,
        entity: "patient",
        entity_id: Some(member),
        fields: vec!["guarantor_id".into(), "relationship_to_guarantor".into()],
    };
    audit::insert(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(())
}

/// The guarantor's family members (not the guarantor), with their relationship, by name.
pub async fn members(db: &Db, guarantor: PatientId) -> Result<Vec<(PatientSummary, Relationship)>> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}, p.relationship_to_guarantor AS rel FROM patients p \
         WHERE p.guarantor_id = ? ORDER BY p.date_of_birth"
    );
    let rows: Vec<SummaryRowWithRel> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(guarantor)
        .fetch_all(&db.reader)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let rel = Relationship::parse(&r.rel).unwrap_or(Relationship::Other);
            (PatientSummary::from(r.summary), rel)
        })
        .collect())
}

/// One patient's summary line.
pub async fn summary(db: &Db, id: PatientId) -> Result<PatientSummary> {
    let sql = format!("SELECT {SUMMARY_COLUMNS} FROM patients p WHERE p.id = ?");
    let row: Option<SummaryRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&db.reader)
        .await?;
    row.map(PatientSummary::from)
        .ok_or(StoreError::NotFound("patient"))
}

/// Summary lines of several patients at once (e.g. a day's schedule), by id.
pub async fn summaries(
    db: &Db,
    ids: &[PatientId],
) -> Result<std::collections::HashMap<PatientId, PatientSummary>> {
    let mut out = std::collections::HashMap::new();
    // SQLite allows a few thousand parameters; a day never has that many patients.
    for chunk in ids.chunks(500) {
        let marks = vec!["?"; chunk.len()].join(", ");
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM patients p WHERE p.id IN ({marks})");
        let mut q = sqlx::query_as::<_, SummaryRow>(sqlx::AssertSqlSafe(sql));
        for id in chunk {
            q = q.bind(id);
        }
        for row in q.fetch_all(&db.reader).await? {
            let s = PatientSummary::from(row);
            out.insert(s.id, s);
        }
    }
    Ok(out)
}

#[derive(sqlx::FromRow)]
struct SummaryRowWithRel {
    #[sqlx(flatten)]
    summary: SummaryRow,
    rel: String,
}
