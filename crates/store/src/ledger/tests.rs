//! The ledger table on a real encrypted file: the one-SUM balance equals the rules' balance after
//! any sequence of postings (refused ones write nothing), and entries can't be edited or deleted.
use chrono::{NaiveDate, TimeZone, Utc};
use frontdesk_domain::money::Cents;
use frontdesk_ledger::{AdjustmentKind, Entry, EntryKind, NewEntry, PaymentMethod};

use super::entries::{balance, for_guarantor, post};
use crate::testing::insert_v1_patient;
use crate::{Db, DbKey};

async fn db() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::create(
        &dir.path().join("t.db"),
        &DbKey::Raw(zeroize::Zeroizing::new([7u8; 32])),
    )
    .await
    .unwrap();
    insert_v1_patient(&db, "Novak", "Jana", "1980-01-01", "1")
        .await
        .unwrap();
    insert_v1_patient(&db, "Novak", "Petr", "2012-01-01", "2")
        .await
        .unwrap();
    (dir, db)
}

/// A small deterministic generator (no dependency needed for a test's dice).
struct Dice(u64);
impl Dice {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn entry(patient: i64, day: u32, kind: EntryKind) -> NewEntry {
    NewEntry {
        patient_id: patient,
        guarantor_id: 1,
        date: NaiveDate::from_ymd_opt(2026, 1, day).unwrap(),
        actor: "test".into(),
        note: String::new(),
        kind,
    }
}

#[tokio::test]
async fn the_stored_balance_is_the_rules_balance_after_any_postings() {
    let (_dir, db) = db().await;
    let now = Utc.with_ymd_and_hms(2026, 2, 1, 12, 0, 0).unwrap();
    let mut dice = Dice(2026);
    let mut refused = 0;
    for _ in 0..300 {
        let patient = 1 + dice.next(2) as i64;
        let day = 1 + dice.next(28) as u32;
        let amount = Cents(dice.next(30_000) as i64 - 2_000);
        let posted: Vec<Entry> = for_guarantor(&db, 1)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.entry)
            .collect();
        let kind = match dice.next(6) {
            0 | 1 => EntryKind::Charge {
                code: "D1110".into(),
                treatment_item_id: None,
                amount,
            },
            2 => EntryKind::Payment {
                method: PaymentMethod::Cash,
                amount,
            },
            3 => EntryKind::Adjustment {
                adjustment: if dice.next(2) == 0 {
                    AdjustmentKind::Refund
                } else {
                    AdjustmentKind::Discount
                },
                amount,
            },
            _ if !posted.is_empty() => EntryKind::Reversal {
                reverses: posted[dice.next(posted.len() as u64) as usize].id,
            },
            _ => continue,
        };
        let before = posted.len();
        let lock = Some(NaiveDate::from_ymd_opt(2026, 1, 3).unwrap());
        match post(&db, &[entry(patient, day, kind)], lock, now).await {
            Ok(ids) => assert_eq!(ids.len(), 1),
            Err(_) => {
                refused += 1;
                assert_eq!(
                    for_guarantor(&db, 1).await.unwrap().len(),
                    before,
                    "nothing written"
                );
            }
        }
        let ledger: Vec<Entry> = for_guarantor(&db, 1)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.entry)
            .collect();
        assert_eq!(
            balance(&db, 1).await.unwrap(),
            frontdesk_ledger::balance(&ledger)
        );
    }
    assert!(
        refused > 10,
        "negative amounts, locked dates, double reversals were tried"
    );
    db.close().await;
}

#[tokio::test]
async fn entries_cannot_be_edited_or_deleted() {
    let (_dir, db) = db().await;
    let now = Utc.with_ymd_and_hms(2026, 2, 1, 12, 0, 0).unwrap();
    let charge = EntryKind::Charge {
        code: "D1110".into(),
        treatment_item_id: None,
        amount: Cents(11_000),
    };
    post(&db, &[entry(1, 5, charge)], None, now).await.unwrap();
    for sql in [
        "UPDATE ledger_entries SET amount_cents = 1",
        "DELETE FROM ledger_entries",
    ] {
        let e = sqlx::query(sql).execute(&db.writer).await.unwrap_err();
        assert!(e.to_string().contains("append-only"), "{e}");
    }
    assert_eq!(balance(&db, 1).await.unwrap(), Cents(11_000));
    db.close().await;
}

#[tokio::test]
async fn a_database_from_before_the_ledger_gets_its_charges_and_claim_payments() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::create_empty(
        &dir.path().join("old.db"),
        &DbKey::Raw(zeroize::Zeroizing::new([9u8; 32])),
    )
    .await
    .unwrap();
    db.migrate_to(13).await.unwrap();
    insert_v1_patient(&db, "Novak", "Jana", "1980-01-01", "1")
        .await
        .unwrap();
    insert_v1_patient(&db, "Novak", "Petr", "2012-01-01", "2")
        .await
        .unwrap();
    let t = "'2026-10-01T10:00:00Z', 'fd'";
    for sql in [
        "UPDATE patients SET guarantor_id = 1 WHERE id = 2".to_string(),
        format!("INSERT INTO carriers (name, updated_at, updated_by) VALUES ('Delta', {t})"),
        format!("INSERT INTO plans (carrier_id, group_name, plan_type, benefits_json, updated_at, updated_by) VALUES (1, 'G', 'ppo', '{{}}', {t})"),
        "INSERT INTO subscribers (plan_id, patient_id, member_id) VALUES (1, 1, 'M')".to_string(),
        format!("INSERT INTO coverages (patient_id, subscriber_id, relationship, rank, effective, updated_at, updated_by) VALUES (2, 1, 'child', 1, '2026-01-01', {t})"),
        // The child's filling ($200, paid $80 + $50 written off) and a planned crown.
        format!("INSERT INTO treatment_items (patient_id, position, code, units, fee_cents, status, completed_on, updated_at, updated_by) VALUES (2, 1, 'D2391', 1, 20000, 'completed', '2026-09-15', {t})"),
        format!("INSERT INTO treatment_items (patient_id, position, code, units, fee_cents, status, completed_on, updated_at, updated_by) VALUES (2, 2, 'D2740', 1, 120000, 'planned', NULL, {t})"),
        format!("INSERT INTO claims (patient_id, coverage_id, service_date, status, sent_on, paid_on, created_at, updated_at, updated_by) VALUES (2, 1, '2026-09-15', 'paid', '2026-09-16', '2026-10-01', '2026-10-01T10:00:00Z', {t})"),
        "INSERT INTO claim_items (claim_id, treatment_item_id, fee_cents, estimate_cents, paid_cents, write_off_cents) VALUES (1, 1, 20000, 8000, 8000, 5000)".to_string(),
    ] {
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&db.writer).await.unwrap();
    }
    db.migrate().await.unwrap();
    let ledger: Vec<Entry> = for_guarantor(&db, 1)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.entry)
        .collect();
    assert_eq!(
        ledger.len(),
        3,
        "the charge, the plan's payment, the write-off"
    );
    assert_eq!(frontdesk_ledger::balance(&ledger), Cents(7_000));
    assert_eq!(balance(&db, 1).await.unwrap(), Cents(7_000));
    // New postings follow the backfilled ids.
    let now = Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0).unwrap();
    let pay = EntryKind::Payment {
        method: PaymentMethod::Cash,
        amount: Cents(7_000),
    };
    post(&db, &[entry(2, 20, pay)], None, now).await.unwrap();
    assert_eq!(balance(&db, 1).await.unwrap(), Cents::ZERO);
    db.close().await;
}
