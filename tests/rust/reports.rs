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

/// The fields of every audit entry of `action`, oldest first.
async fn audited(app: &frontdesk_app::App, action: &str) -> Vec<String> {
    audit::all(app.db())
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == action)
        .flat_map(|e| e.fields)
        .collect()
}

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
    assert!(
        aging.rows.iter().any(|r| r.amounts.insurance_pending > 0),
        "some account waits on insurance (the report's estimate path is exercised)"
    );
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
    let runs: Vec<String> = audited(&app, "report.run").await;
    assert_eq!(runs.len(), 3, "{runs:?}");
    assert!(runs[0].starts_with("production "));
    assert!(runs[1].starts_with("aging as of"));
    assert!(runs[2].starts_with("insurance-aging as of"));

    // Saved as CSV: the header, a line per day and the totals line, money as plain decimals;
    // audited as an export.
    use frontdesk_app::reports::csv_export::{ReportKind, ReportRequest};
    let req = |kind| ReportRequest {
        kind,
        from: from.to_string(),
        to: today.to_string(),
        provider: None,
    };
    let csv_dir = dir.path().join("exports");
    let path = app
        .save_report_csv(&req(ReportKind::Production), Some(&csv_dir))
        .await
        .unwrap();
    assert!(path.starts_with(&csv_dir));
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("date,charges,adjustments,write_offs,refunds,"));
    assert_eq!(lines.len(), r.rows.len() + 2, "header, days, total");
    let cents = |c: i64| format!("{}.{:02}", c / 100, c % 100);
    assert_eq!(
        lines.last().unwrap().split(',').nth(1),
        Some(cents(r.totals.charges).as_str())
    );
    let aging_csv =
        String::from_utf8(app.report_csv(&req(ReportKind::Aging)).await.unwrap()).unwrap();
    let total_line = aging_csv.lines().last().unwrap().to_string();
    assert!(total_line.starts_with("total,,,"), "{total_line}");
    assert!(
        total_line.contains(&cents(aging.totals.total)),
        "{total_line}"
    );
    let exports: Vec<String> = audited(&app, "report.export").await;
    assert_eq!(exports.len(), 2, "{exports:?}");
    assert!(exports[0].starts_with(&format!("production csv, {} rows", r.rows.len())));

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

/// The appointments report counts each booked visit once by how it turned out (a cancellation
/// under 24 hours before the start is late), prices the visits that keep their time, and filters
/// by provider; the unbilled report lists an insured patient's completed procedure until a claim
/// carries it, then the draft claim until it is sent; the unearned report holds a package's
/// unredeemed sessions and an account's credit.
#[tokio::test]
async fn appointments_unbilled_and_unearned_follow_what_the_desk_does() {
    use frontdesk_acceptance::insurance_fixture::{covered_patient, item, ppo, FEES};
    use frontdesk_acceptance::new_patient;
    use frontdesk_acceptance::schedule_fixture::{filling, office, type_id};
    use frontdesk_app::money::ledger_postings::PaymentDraft;
    use frontdesk_app::reports::unbilled::UnbilledKind;
    use frontdesk_app::reports::unearned::UnearnedKind;
    use frontdesk_app::schedule::appointments::AppointmentAction;
    use frontdesk_insurance::ClaimAction;
    use frontdesk_ledger::PaymentMethod;

    let (_dir, app, _kc) = office().await; // the clock: Tuesday 2026-11-24 15:00 UTC
    app.import_fee_schedule(FEES).await.unwrap();
    let kind = type_id(&app, "Filling").await;
    let pid = new_patient(&app, "Lind", "Oda", "1990-04-05").await;
    let book = |date: &str, time: &str, codes: &[&str]| {
        let mut d = filling(kind, pid, date, time);
        d.procedures = Some(codes.iter().map(|c| c.to_string()).collect());
        d
    };
    let mut ids = Vec::new();
    for (date, time) in [
        ("2026-11-25", "09:00"), // cancelled 18 hours before: late
        ("2026-11-27", "09:00"), // cancelled 3 days before
        ("2026-11-25", "10:00"), // missed
        ("2026-11-25", "11:00"), // completed
        ("2026-11-25", "13:00"), // still booked
    ] {
        ids.push(
            app.book_appointment(&book(date, time, &["D2391"]))
                .await
                .unwrap()
                .id,
        );
    }
    let cancel = AppointmentAction::Cancel {
        reason: "Sick".into(),
    };
    app.appointment_action(ids[0], &cancel).await.unwrap();
    app.appointment_action(ids[1], &cancel).await.unwrap();
    app.appointment_action(ids[2], &AppointmentAction::MarkBroken)
        .await
        .unwrap();
    for step in [
        AppointmentAction::CheckIn,
        AppointmentAction::Seat,
        AppointmentAction::CheckOut,
    ] {
        app.appointment_action(ids[3], &step).await.unwrap();
    }
    let week = Range::parse("2026-11-23", "2026-11-29").unwrap();
    let r = app.appointments_report(week, None).await.unwrap();
    let wed = r.rows.iter().find(|row| row.date == "2026-11-25").unwrap();
    let c = wed.counts;
    assert_eq!(
        (
            c.booked,
            c.completed,
            c.cancelled,
            c.late_cancelled,
            c.no_show,
            c.open
        ),
        (4, 1, 1, 1, 1, 1)
    );
    assert_eq!(c.no_show_rate_permille, 250);
    assert_eq!(
        c.scheduled_production, 40_000,
        "the completed and the booked filling"
    );
    let fri = r.rows.iter().find(|row| row.date == "2026-11-27").unwrap();
    assert_eq!((fri.counts.cancelled, fri.counts.late_cancelled), (1, 0));
    assert_eq!(
        (r.totals.booked, r.totals.cancelled, r.totals.late_cancelled),
        (5, 2, 1)
    );
    assert_eq!(wed.provider_id, 1);
    assert!(!wed.provider.is_empty());
    let other = app.appointments_report(week, Some(2)).await.unwrap();
    assert_eq!(other.totals.booked, 0, "provider 2 had none");
    let e = app.appointments_report(week, Some(999)).await.unwrap_err();
    assert_eq!(
        (e.code, e.fields[0].field.as_str()),
        (ErrorCode::Validation, "provider")
    );

    // Unbilled: a completed procedure of an insured patient, then its draft claim.
    let plan = ppo(&app).await;
    let insured = covered_patient(&app, plan).await;
    let coverage = app.coverages(insured).await.unwrap()[0].id;
    let item_id = app
        .add_treatment(insured, &item("D2391", "30"))
        .await
        .unwrap()
        .items[0]
        .id;
    app.complete_treatment(insured, item_id, "2026-11-20")
        .await
        .unwrap();
    let uninsured = new_patient(&app, "Berg", "Ivo", "1985-01-02").await;
    let other_item = app
        .add_treatment(uninsured, &item("D2391", "19"))
        .await
        .unwrap()
        .items[0]
        .id;
    app.complete_treatment(uninsured, other_item, "2026-11-20")
        .await
        .unwrap();
    let u = app.unbilled_report().await.unwrap();
    assert_eq!(
        u.rows.len(),
        1,
        "the uninsured patient's procedure is not unbilled"
    );
    let row = &u.rows[0];
    assert_eq!(
        (row.kind, row.patient_id, row.treatment_item_id),
        (UnbilledKind::Procedure, insured, Some(item_id))
    );
    assert_eq!(
        (row.amount, row.days, row.what.as_str()),
        (20_000, 4, "D2391 30")
    );
    assert!(row.plan.starts_with("Delta Dental"));
    let claim = app
        .create_claim(insured, coverage, "2026-11-20", &[item_id])
        .await
        .unwrap();
    let u = app.unbilled_report().await.unwrap();
    assert_eq!(u.rows.len(), 1);
    assert_eq!(
        (u.rows[0].kind, u.rows[0].claim_id),
        (UnbilledKind::DraftClaim, Some(claim.summary.id))
    );
    assert_eq!(
        (
            u.totals.draft_claims,
            u.totals.draft_claims_amount,
            u.totals.amount
        ),
        (1, 20_000, 20_000)
    );
    app.claim_action(
        claim.summary.id,
        &ClaimAction::Send {
            on: "2026-11-24".into(),
        },
    )
    .await
    .unwrap();
    assert!(
        app.unbilled_report().await.unwrap().rows.is_empty(),
        "sent: billed"
    );

    // Unearned: 3 sessions for $1,000, one redeemed; and $50 paid ahead on an account.
    let package = app.add_package("Brightening", 3, 100_000).await.unwrap().id;
    app.sell_package(pid, package).await.unwrap();
    let sale = app.package_balances(pid).await.unwrap()[0].sale_id;
    app.redeem_session(sale, None).await.unwrap();
    let paid_ahead = new_patient(&app, "Sato", "Rin", "1970-07-07").await;
    app.take_payment(&PaymentDraft {
        patient_id: paid_ahead,
        date: String::new(),
        amount_cents: 5_000,
        method: PaymentMethod::Cash,
        note: String::new(),
        charges: vec![],
    })
    .await
    .unwrap();
    let un = app.unearned_report().await.unwrap();
    let pkg = un
        .rows
        .iter()
        .find(|r| r.kind == UnearnedKind::Package)
        .unwrap();
    assert_eq!(
        (pkg.patient_id, pkg.sale_id, pkg.amount),
        (pid, Some(sale), 66_666)
    );
    assert!(pkg.what.contains("2 of 3"), "{}", pkg.what);
    let credit = un
        .rows
        .iter()
        .find(|r| r.kind == UnearnedKind::Credit)
        .unwrap();
    assert_eq!((credit.patient_id, credit.amount), (paid_ahead, 5_000));
    assert_eq!(
        un.totals.amount,
        un.totals.packages_amount + un.totals.credits_amount
    );
    assert_eq!(un.totals.packages_amount, 66_666);

    let runs: Vec<String> = audited(&app, "report.run").await;
    assert!(
        runs.iter()
            .any(|f| f.starts_with("appointments 2026-11-23..2026-11-29")),
        "{runs:?}"
    );
    assert!(
        runs.iter()
            .any(|f| f.starts_with("appointments provider 2 ")),
        "{runs:?}"
    );
    assert!(runs.iter().any(|f| f.starts_with("unbilled as of")));
    assert!(runs.iter().any(|f| f.starts_with("unearned as of")));
    app.close().await;
}

/// The recall report counts each prophy that fell due in November by what became of it — seen
/// since, booked, overdue, not booked yet — and the share who left a recall visit with the next
/// one booked; it agrees with the recall list on who is overdue.
#[tokio::test]
async fn recall_counts_each_due_visit_by_what_became_of_it() {
    use frontdesk_acceptance::insurance_fixture::{item, FEES};
    use frontdesk_acceptance::new_patient;
    use frontdesk_acceptance::schedule_fixture::{filling, office, type_id};

    let (_dir, app, _kc) = office().await; // the clock: Tuesday 2026-11-24 15:00 UTC
    app.import_fee_schedule(FEES).await.unwrap();
    let cleaning = type_id(&app, "Exam & cleaning").await;
    let prophy = async |pid: i64, on: &str| {
        let id = app
            .add_treatment(pid, &item("D1110", ""))
            .await
            .unwrap()
            .items
            .last()
            .unwrap()
            .id;
        app.complete_treatment(pid, id, on).await.unwrap();
    };
    let overdue = new_patient(&app, "Aho", "Ilse", "1981-01-01").await;
    prophy(overdue, "2026-05-10").await; // due 11/10, nothing booked
    let seen = new_patient(&app, "Berg", "Juno", "1982-02-02").await;
    prophy(seen, "2026-05-12").await; // due 11/12, seen today
    prophy(seen, "2026-11-24").await;
    // Today's visit: the next one booked before leaving.
    app.book_appointment(&filling(cleaning, seen, "2027-05-25", "09:00"))
        .await
        .unwrap();
    let booked = new_patient(&app, "Carr", "Kai", "1983-03-03").await;
    prophy(booked, "2026-05-15").await; // due 11/15, booked for 11/30
    app.book_appointment(&filling(cleaning, booked, "2026-11-30", "09:00"))
        .await
        .unwrap();
    let later = new_patient(&app, "Dahl", "Lia", "1984-04-04").await;
    prophy(later, "2026-05-28").await; // due 11/28: not overdue yet
    let not_yet = new_patient(&app, "Eck", "Mo", "1985-05-05").await;
    prophy(not_yet, "2026-06-02").await; // due in December

    let nov = Range::parse("2026-11-01", "2026-11-30").unwrap();
    let r = app.recall_report(nov).await.unwrap();
    let row = r
        .rows
        .iter()
        .find(|r| r.recall == "Prophy (cleaning)")
        .unwrap();
    let c = row.counts;
    assert_eq!(
        (c.due, c.seen, c.booked, c.overdue, c.unbooked),
        (4, 1, 1, 1, 1)
    );
    assert_eq!(
        (c.visits, c.left_booked, c.left_booked_permille),
        (1, 1, 1000)
    );
    assert_eq!(
        r.totals.due,
        r.rows.iter().map(|r| r.counts.due).sum::<i64>()
    );

    // The recall list names the same overdue, unbooked patient.
    let list = app
        .recall_list("2026-11-01", "2026-11-30", true)
        .await
        .unwrap();
    let overdue_ids: Vec<i64> = list
        .iter()
        .filter(|d| d.overdue && d.recall == "Prophy (cleaning)")
        .map(|d| d.patient.id)
        .collect();
    assert_eq!(overdue_ids, vec![overdue]);

    let e = Range::parse("2026-11-30", "2026-11-01").unwrap_err();
    assert_eq!(e.fields[0].field, "to");
    app.close().await;
}

/// New patients count in the month of their first completed visit, by the referral source on
/// their record (spellings that differ in case or spacing are one source), with what they
/// produced; the referrals report is the same rows by source; both agree with the production
/// report's total for those patients.
#[tokio::test]
async fn new_patients_count_by_first_visit_and_referral_source() {
    use frontdesk_acceptance::draft;
    use frontdesk_acceptance::insurance_fixture::{item, FEES};
    use frontdesk_acceptance::schedule_fixture::{filling, office, type_id};
    use frontdesk_app::schedule::appointments::AppointmentAction;

    let (_dir, app, _kc) = office().await; // the clock: Tuesday 2026-11-24 15:00 UTC
    app.import_fee_schedule(FEES).await.unwrap();
    let kind = type_id(&app, "Filling").await;
    let mut seen = Vec::new();
    for (k, (last, source)) in [
        ("Moss", "Website"),
        ("Nagy", " website "),
        ("Ott", "Dr. Lee"),
        ("Pike", ""),
    ]
    .into_iter()
    .enumerate()
    {
        let mut d = draft(last, "Ana", "1990-01-01");
        d.referral_source = source.into();
        let id = app.create_patient(&d).await.unwrap().patient.id;
        let mut visit = filling(kind, id, "2026-11-24", "16:00");
        visit.operatory = 1 + k as i64;
        visit.provider = 1 + k as i64;
        let a = app.book_appointment(&visit).await.unwrap().id;
        if last != "Pike" {
            for step in [
                AppointmentAction::CheckIn,
                AppointmentAction::Seat,
                AppointmentAction::CheckOut,
            ] {
                app.appointment_action(a, &step).await.unwrap();
            }
        }
        seen.push(id);
    }
    // Moss had a $200 filling done at the visit.
    let filling_item = app
        .add_treatment(seen[0], &item("D2391", "30"))
        .await
        .unwrap()
        .items[0]
        .id;
    app.complete_treatment(seen[0], filling_item, "2026-11-24")
        .await
        .unwrap();

    let nov = Range::parse("2026-11-01", "2026-11-30").unwrap();
    let r = app.new_patients_report(nov).await.unwrap();
    let rows: Vec<(&str, &str, i64, i64)> = r
        .rows
        .iter()
        .map(|x| {
            (
                x.month.as_str(),
                x.source.as_str(),
                x.new_patients,
                x.production,
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("2026-11", "Dr. Lee", 1, 0),
            ("2026-11", "Website", 2, 20_000)
        ],
        "Pike's visit is not completed: not yet a new patient"
    );
    assert_eq!((r.totals.new_patients, r.totals.production), (3, 20_000));
    let day = Range::parse("2026-11-24", "2026-11-24").unwrap();
    assert_eq!(
        app.production_report(day)
            .await
            .unwrap()
            .totals
            .net_production,
        r.totals.production,
        "all of the day's production is the new patients'"
    );
    let by_source = app.referrals_report(nov).await.unwrap();
    assert_eq!(by_source.rows[0].source, "Dr. Lee");
    assert_eq!(by_source.totals, r.totals);
    let october = Range::parse("2026-10-01", "2026-10-31").unwrap();
    assert!(app
        .new_patients_report(october)
        .await
        .unwrap()
        .rows
        .is_empty());
    let runs = audited(&app, "report.run").await;
    assert!(runs
        .iter()
        .any(|f| f.starts_with("new-patients 2026-11-01..2026-11-30")));
    assert!(runs
        .iter()
        .any(|f| f.starts_with("referrals 2026-11-01..2026-11-30")));
    app.close().await;
}
