//! The reports agree with the screens they summarise, on the demo data: production over a range
//! is the day sheets of those days; each aging row's total is that account's balance and its
//! buckets add up to it, and the totals are the rows' sums; insurance aging lists exactly the
//! outstanding-claims worklist. Running a report is audited; a bad range changes nothing.
use chrono::Duration;
use frontdesk_acceptance::{memory_config, ready};
use frontdesk_app::insurance::claims::ClaimWorklist;
use frontdesk_app::reports::Range;
use frontdesk_app::ErrorCode;
use frontdesk_store::audit;

#[tokio::test]
async fn reports_reconcile_with_day_sheets_accounts_and_worklists() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, _kc) = memory_config(dir.path());
    let app = ready(cfg).await;
    frontdesk_demo::load_demo(&app, 80, 2026).await.unwrap();
    let today = app.today();
    let from = today - Duration::days(120);

    // Production = the day sheets, day by day and in total.
    let r = app
        .production_report(Range::parse(&from.to_string(), &today.to_string()).unwrap())
        .await
        .unwrap();
    assert!(r.totals.charges > 0, "the demo has charges in the range");
    let (mut charges, mut payments, mut adjustments) = (0, 0, 0);
    let mut day = from;
    while day <= today {
        let sheet = app.day_sheet(&day.to_string()).await.unwrap();
        let adj: i64 = sheet
            .adjustments_by_type
            .iter()
            .map(|t| t.amount_cents)
            .sum();
        let row = r.rows.iter().find(|row| row.date == day.to_string());
        let f = row.map(|row| row.figures).unwrap_or_default();
        assert_eq!(f.charges, sheet.charges_cents, "charges on {day}");
        assert_eq!(
            f.patient_payments + f.insurance_payments,
            sheet.payments_cents,
            "payments on {day}"
        );
        assert_eq!(
            f.adjustments + f.write_offs + f.refunds,
            adj,
            "adjustments on {day}"
        );
        charges += sheet.charges_cents;
        payments += sheet.payments_cents;
        adjustments += adj;
        day += Duration::days(1);
    }
    let t = r.totals;
    assert_eq!(t.charges, charges);
    assert_eq!(t.patient_payments + t.insurance_payments, payments);
    assert_eq!(t.adjustments + t.write_offs + t.refunds, adjustments);
    assert_eq!(t.net_production, t.charges - t.adjustments - t.write_offs);

    // Aging: each row is its account; the totals are the rows'.
    let aging = app.aging_report().await.unwrap();
    assert!(!aging.rows.is_empty(), "the demo leaves balances");
    let mut sum = 0;
    for row in &aging.rows {
        let account = app.account(row.guarantor_id).await.unwrap();
        let m = row.amounts;
        assert_eq!(
            m.total, account.balance_cents,
            "guarantor {}",
            row.guarantor_id
        );
        assert_eq!(m.insurance_pending, account.insurance_pending_cents);
        assert_eq!(m.patient_due, account.patient_due_cents);
        assert_eq!(
            m.current_0_30 + m.days_31_60 + m.days_61_90 + m.over_90,
            m.total
        );
        assert_ne!(m.total, 0);
        sum += m.total;
    }
    assert_eq!(aging.totals.total, sum);
    assert_eq!(
        aging.totals.current_0_30
            + aging.totals.days_31_60
            + aging.totals.days_61_90
            + aging.totals.over_90,
        aging.totals.total
    );

    // Insurance aging = the outstanding-claims worklist.
    let ins = app.insurance_aging_report().await.unwrap();
    let mut listed: Vec<i64> = ins.rows.iter().map(|r| r.claim_id).collect();
    let mut worklist: Vec<i64> = app
        .claim_worklist(ClaimWorklist::Outstanding)
        .await
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();
    listed.sort();
    worklist.sort();
    assert_eq!(listed, worklist);
    assert_eq!(ins.totals.claims, listed.len() as i64);
    assert!(ins.rows.iter().all(|r| r.days_outstanding >= 0));

    // Audited: one `report.run` entry per report run, naming the report.
    let runs: Vec<String> = audit::all(app.db())
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "report.run")
        .flat_map(|e| e.fields)
        .collect();
    assert_eq!(runs.len(), 3, "{runs:?}");
    assert!(runs[0].starts_with("production "));
    assert!(runs[1].starts_with("aging as of"));
    assert!(runs[2].starts_with("insurance-aging as of"));

    // A bad range: a typed field error, and nothing run or recorded.
    for (a, b, field) in [
        ("2026-02-30", "2026-03-01", "from"),
        ("2026-03-01", "2026-02-01", "to"),
        ("2001-01-01", "2026-01-01", "to"),
    ] {
        let e = Range::parse(a, b).unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation);
        assert_eq!(e.fields[0].field, field, "{a}..{b}");
    }
    app.close().await;
}
