//! The ledger on the encrypted database: charges from completed procedures, a payment split over
//! a family, unapplied credit, refunds, reversals, locked periods, insurance payments from claims,
//! the day sheet, payment plans and packages. Bad input changes nothing.
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use frontdesk_acceptance::insurance_fixture::{covered_patient, item, ppo, FEES};
use frontdesk_acceptance::{memory_config, new_patient, ready};
use frontdesk_app::money::ledger_postings::{AdjustmentDraft, PaymentDraft};
use frontdesk_app::money::payment_plans::PaymentPlanDraft;
use frontdesk_app::{App, ErrorCode};
use frontdesk_domain::{FixedClock, Relationship};
use frontdesk_insurance::{ClaimAction, PaymentLine};
use frontdesk_ledger::{AdjustmentKind, PaymentMethod};

fn pay(patient: i64, cents: i64, method: PaymentMethod) -> PaymentDraft {
    PaymentDraft {
        patient_id: patient,
        date: String::new(),
        amount_cents: cents,
        method,
        note: String::new(),
        charges: vec![],
    }
}

fn card(last_four: &str) -> PaymentMethod {
    PaymentMethod::Card {
        last_four: last_four.into(),
    }
}

async fn done(app: &App, patient: i64, code: &str) -> i64 {
    let v = app.add_treatment(patient, &item(code, "")).await.unwrap();
    let id = v.items.last().unwrap().id;
    app.complete_treatment(patient, id, "2026-11-24")
        .await
        .unwrap();
    id
}

/// A parent (guarantor) and a child, each with a procedure done today: $110 and $200.
async fn family(app: &App) -> (i64, i64) {
    app.import_fee_schedule(FEES).await.unwrap();
    let parent = new_patient(app, "Novak", "Jana", "1981-05-06").await;
    let child = new_patient(app, "Novak", "Petr", "2015-09-10").await;
    app.link_family(child, parent, Relationship::Child)
        .await
        .unwrap();
    done(app, child, "D2391").await;
    done(app, parent, "D1110").await;
    (parent, child)
}

#[tokio::test]
async fn a_family_payment_is_split_and_credit_refunds_and_reversals_balance() {
    let dir = tempfile::tempdir().unwrap();
    let app = ready(memory_config(dir.path()).0).await;
    let (parent, child) = family(&app).await;

    let acct = app.account(child).await.unwrap();
    assert_eq!(acct.guarantor_id, parent, "rolled up to the guarantor");
    assert_eq!(acct.balance_cents, 31_000);
    assert_eq!(acct.lines.len(), 2);
    assert_eq!(acct.aging.current_0_30.0, 31_000);
    assert_eq!(acct.patient_due_cents, 31_000, "no insurance");

    // $250 on the card: the oldest charges first, over both family members.
    let p = app
        .take_payment(&pay(parent, 25_000, card("4242")))
        .await
        .unwrap();
    assert_eq!(p.entry_ids.len(), 2, "one payment entry per family member");
    assert_eq!(p.unapplied_cents, 0);
    assert_eq!(p.account.balance_cents, 6_000);
    let child_line = p
        .account
        .members
        .iter()
        .find(|m| m.patient_id == child)
        .unwrap();
    assert_eq!(
        child_line.balance_cents, 0,
        "the child's $200 is paid first"
    );

    // $100 cash: $60 pays the rest, $40 stays as credit.
    let p = app
        .take_payment(&pay(parent, 10_000, PaymentMethod::Cash))
        .await
        .unwrap();
    assert_eq!(p.unapplied_cents, 4_000);
    assert_eq!(p.account.balance_cents, -4_000);
    assert_eq!(p.account.unapplied_credit_cents, 4_000);

    // Bad input: typed errors, nothing written.
    let before = app.account(parent).await.unwrap().lines.len();
    for (draft, field) in [
        (pay(parent, -500, PaymentMethod::Cash), "amount"),
        (pay(parent, 0, PaymentMethod::Cash), "amount"),
        (pay(parent, 500, card("42")), "last_four"),
        (
            pay(parent, 500, PaymentMethod::Check { number: " ".into() }),
            "number",
        ),
        (
            PaymentDraft {
                date: "2026-02-30".into(),
                ..pay(parent, 500, PaymentMethod::Cash)
            },
            "date",
        ),
    ] {
        let e = app.take_payment(&draft).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation);
        assert_eq!(e.fields[0].field, field);
    }
    let refund = |cents| AdjustmentDraft {
        patient_id: parent,
        date: String::new(),
        adjustment: AdjustmentKind::Refund,
        amount_cents: cents,
        note: String::new(),
    };
    let e = app.adjust_account(&refund(40_000)).await.unwrap_err();
    assert_eq!(e.fields[0].field, "amount", "refund above what was paid");
    assert_eq!(app.account(parent).await.unwrap().lines.len(), before);

    // Refund the credit: the account is square.
    let p = app.adjust_account(&refund(4_000)).await.unwrap();
    assert_eq!(p.account.balance_cents, 0);

    // Reverse the card payment: the original stays, the balance goes back up; once only.
    let line = |p: &frontdesk_app::money::ledger_postings::Posted, what: &str| {
        p.account
            .lines
            .iter()
            .find(|l| l.description.contains(what))
            .unwrap()
            .id
    };
    let (card_payment, cash) = (line(&p, "4242"), line(&p, "cash"));
    let p = app
        .reverse_entry(parent, card_payment, "card declined")
        .await
        .unwrap();
    assert_eq!(p.account.balance_cents, 25_000);
    assert!(p.account.lines.iter().any(|l| l.kind == "reversal"));
    let e = app
        .reverse_entry(parent, card_payment, "again")
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "reverses", "reversed once only");
    // Reversing the cash too would leave the $40 refund above what was paid.
    let e = app
        .reverse_entry(parent, cash, "wrong till")
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "reverses");
    let sum: i64 = p
        .account
        .lines
        .iter()
        .map(|l| l.charge_cents.unwrap_or(0) - l.credit_cents.unwrap_or(0))
        .sum();
    assert_eq!(sum, p.account.balance_cents, "Σ charges − Σ credits");
    assert_eq!(
        p.account.lines.last().unwrap().running_cents,
        p.account.balance_cents
    );

    // The day sheet: charges, payments by type, deposit (cash only here; the card is not banked).
    let sheet = app.day_sheet("2026-11-24").await.unwrap();
    assert_eq!(sheet.charges_cents, 31_000);
    let cash_total = sheet
        .payments_by_type
        .iter()
        .find(|s| s.kind == "cash")
        .unwrap();
    assert_eq!(cash_total.amount_cents, 10_000);
    let card_total = sheet
        .payments_by_type
        .iter()
        .find(|s| s.kind == "card")
        .unwrap();
    assert_eq!(
        card_total.amount_cents, 0,
        "paid then reversed the same day"
    );
    assert_eq!(sheet.cash_cents, 10_000);
    assert_eq!(sheet.deposit_cents, 10_000);
    let audit = app.patient_audit(parent).await.unwrap();
    assert!(
        audit.iter().any(|l| l.action == "account.read"),
        "reading an account is audited"
    );
    app.close().await;
}

#[tokio::test]
async fn a_locked_period_refuses_postings_dated_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let app = ready(memory_config(dir.path()).0).await;
    let (parent, _) = family(&app).await;
    app.lock_ledger_through("2026-11-20").await.unwrap();
    let e = app
        .take_payment(&PaymentDraft {
            date: "2026-11-19".into(),
            ..pay(parent, 1_000, PaymentMethod::Cash)
        })
        .await
        .unwrap_err();
    assert_eq!(e.fields[0].field, "date");
    assert_eq!(app.account(parent).await.unwrap().balance_cents, 31_000);
    let e = app.lock_ledger_through("2026-11-10").await.unwrap_err();
    assert_eq!(e.fields[0].field, "date", "a lock only moves forward");
    app.take_payment(&PaymentDraft {
        date: "2026-11-21".into(),
        ..pay(parent, 1_000, PaymentMethod::Cash)
    })
    .await
    .unwrap();
    app.close().await;
}

#[tokio::test]
async fn a_claim_payment_posts_the_insurance_payment_and_write_off() {
    let dir = tempfile::tempdir().unwrap();
    let app = ready(memory_config(dir.path()).0).await;
    app.import_fee_schedule(FEES).await.unwrap();
    let plan = ppo(&app).await;
    let pid = covered_patient(&app, plan).await;
    let coverage = app.coverages(pid).await.unwrap()[0].id;
    let filling = done(&app, pid, "D2391").await;

    // Before the claim is paid: estimated insurance $80 + PPO write-off $50 pending.
    let acct = app.account(pid).await.unwrap();
    assert_eq!(acct.balance_cents, 20_000);
    assert_eq!(acct.insurance_pending_cents, 13_000);
    assert_eq!(acct.patient_due_cents, 7_000);
    assert_eq!(
        acct.patient_due_cents,
        app.due_today(pid).await.unwrap().totals.patient_cents
    );

    let claim = app
        .create_claim(pid, coverage, "2026-11-24", &[filling])
        .await
        .unwrap()
        .summary
        .id;
    app.claim_action(
        claim,
        &ClaimAction::Send {
            on: "2026-11-24".into(),
        },
    )
    .await
    .unwrap();
    let lines = [PaymentLine {
        treatment_item_id: filling,
        paid: "80.00".into(),
        write_off: "50.00".into(),
        deductible: "50.00".into(),
    }];
    app.post_claim_payment(claim, "2026-11-24", &lines)
        .await
        .unwrap();
    let acct = app.account(pid).await.unwrap();
    assert_eq!(acct.balance_cents, 7_000);
    assert_eq!(acct.insurance_pending_cents, 0, "settled");
    assert!(acct
        .lines
        .iter()
        .any(|l| l.description.starts_with("Insurance payment") && l.credit_cents == Some(8_000)));
    assert!(acct
        .lines
        .iter()
        .any(|l| l.description == "PPO write-off" && l.credit_cents == Some(5_000)));
    app.close().await;
}

#[tokio::test]
async fn a_payment_plan_goes_overdue_and_packages_count_down() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, keys) = memory_config(dir.path());
    let app = ready(cfg).await;
    let (parent, child) = family(&app).await;
    let bad = PaymentPlanDraft {
        patient_id: child,
        total_cents: 30_000,
        count: 0,
        first_due: "2026-12-01".into(),
        every_months: 1,
        note: String::new(),
    };
    assert_eq!(
        app.create_payment_plan(&bad).await.unwrap_err().fields[0].field,
        "count"
    );
    let plan = app
        .create_payment_plan(&PaymentPlanDraft {
            count: 3,
            ..bad.clone()
        })
        .await
        .unwrap();
    assert_eq!(plan.guarantor_id, parent);
    let dues: Vec<_> = plan.instalments.iter().map(|i| i.due.as_str()).collect();
    assert_eq!(dues, ["2026-12-01", "2027-01-01", "2027-02-01"]);
    assert_eq!(plan.instalments[0].amount_cents, 10_000);
    assert_eq!(
        app.create_payment_plan(&PaymentPlanDraft {
            count: 3,
            ..bad.clone()
        })
        .await
        .unwrap_err()
        .code,
        ErrorCode::Refused,
        "one open plan per account"
    );
    assert!(app.overdue_plans().await.unwrap().is_empty());
    app.take_payment(&pay(parent, 10_000, PaymentMethod::Cash))
        .await
        .unwrap();

    // Packages: 3 laser sessions for $900.
    let pkg = app.add_package("Laser x3", 3, 90_000).await.unwrap();
    assert_eq!(
        app.add_package("Bad", 0, 100).await.unwrap_err().fields[0].field,
        "sessions"
    );
    app.sell_package(child, pkg.id).await.unwrap();
    let sale = app.package_balances(child).await.unwrap()[0].sale_id;
    app.redeem_session(sale, None).await.unwrap();
    app.redeem_session(sale, None).await.unwrap();
    let b = &app.package_balances(child).await.unwrap()[0];
    assert_eq!((b.remaining, b.remaining_value_cents), (1, 30_000));
    app.redeem_session(sale, None).await.unwrap();
    assert_eq!(
        app.redeem_session(sale, None).await.unwrap_err().code,
        ErrorCode::Refused
    );
    let acct = app.account(parent).await.unwrap();
    assert_eq!(acct.balance_cents, 31_000 - 10_000 + 90_000);

    // A second sale made by mistake: reversing its charge voids it.
    app.sell_package(child, pkg.id).await.unwrap();
    let sales = app.package_balances(child).await.unwrap();
    assert_eq!(sales.len(), 2);
    let charge = app
        .account(child)
        .await
        .unwrap()
        .lines
        .iter()
        .rev()
        .find(|l| l.code == "PKG")
        .unwrap()
        .id;
    app.reverse_entry(child, charge, "sold twice")
        .await
        .unwrap();
    assert_eq!(app.package_balances(child).await.unwrap().len(), 1, "void");
    assert_eq!(
        app.redeem_session(sales[1].sale_id, None)
            .await
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    assert_eq!(
        app.account(parent).await.unwrap().balance_cents,
        31_000 - 10_000 + 90_000
    );
    app.close().await;

    // Seven weeks later: December's instalment is paid, January's is overdue.
    let mut cfg = memory_config(dir.path()).0;
    cfg.keystore = Arc::new(keys);
    cfg.clock = Arc::new(FixedClock(
        Utc.with_ymd_and_hms(2027, 1, 15, 15, 0, 0).unwrap(),
    ));
    let later = ready(cfg).await;
    let late = later.overdue_plans().await.unwrap();
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].overdue_cents, 10_000);
    assert_eq!(late[0].overdue_since.as_deref(), Some("2027-01-01"));
    assert!(late[0].instalments[0].paid);
    later.close().await;
}
