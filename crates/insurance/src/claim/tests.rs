use super::*;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn deny(reason: &str, follow_up: &str) -> ClaimAction {
    ClaimAction::Deny {
        reason: reason.into(),
        follow_up: follow_up.into(),
    }
}

#[test]
fn the_normal_path_and_its_dates() {
    let today = day(11, 25);
    let t = transition(
        ClaimStatus::Draft,
        &ClaimAction::Send {
            on: "2026-11-24".into(),
        },
        today,
    )
    .unwrap();
    assert_eq!(
        (t.status, t.sent_on),
        (ClaimStatus::Sent, Some(day(11, 24)))
    );
    let t = transition(ClaimStatus::Sent, &ClaimAction::Receive, today).unwrap();
    assert_eq!(t.status, ClaimStatus::Received);
    let t = transition(
        ClaimStatus::Received,
        &deny("missing x-ray", "2026-12-01"),
        today,
    )
    .unwrap();
    assert_eq!(t.status, ClaimStatus::Denied);
    assert_eq!(t.denial_reason.as_deref(), Some("missing x-ray"));
    assert_eq!(t.follow_up, Some(day(12, 1)));
    let t = transition(
        ClaimStatus::Denied,
        &ClaimAction::Appeal {
            on: "2026-11-25".into(),
            note: "x-ray attached".into(),
        },
        today,
    )
    .unwrap();
    assert_eq!(t.status, ClaimStatus::Appealed);
}

#[test]
fn steps_out_of_order_are_refused() {
    let today = day(11, 25);
    for (from, action) in [
        (ClaimStatus::Draft, ClaimAction::Receive),
        (ClaimStatus::Draft, deny("x", "2026-12-01")),
        (ClaimStatus::Paid, deny("x", "2026-12-01")),
        (
            ClaimStatus::Sent,
            ClaimAction::Send {
                on: "2026-11-25".into(),
            },
        ),
        (
            ClaimStatus::Sent,
            ClaimAction::Appeal {
                on: "2026-11-25".into(),
                note: String::new(),
            },
        ),
    ] {
        let e = transition(from, &action, today).unwrap_err();
        assert_eq!(e.first_field(), Some("status"), "{from:?} {action:?}");
    }
}

#[test]
fn a_denial_needs_a_reason_and_a_follow_up_date_not_in_the_past() {
    let today = day(11, 25);
    let e = transition(ClaimStatus::Sent, &deny(" ", ""), today).unwrap_err();
    let fields: Vec<_> = e.0.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["reason", "follow_up"]);
    let e = transition(ClaimStatus::Sent, &deny("x", "2026-11-01"), today).unwrap_err();
    assert_eq!(e.first_field(), Some("follow_up"));
    let e = transition(
        ClaimStatus::Draft,
        &ClaimAction::Send {
            on: "2026-12-01".into(),
        },
        today,
    )
    .unwrap_err();
    assert_eq!(e.first_field(), Some("on"));
}

fn claimed() -> Vec<ClaimedLine> {
    vec![
        ClaimedLine {
            treatment_item_id: 1,
            fee: Cents(10_000),
        },
        ClaimedLine {
            treatment_item_id: 2,
            fee: Cents(5_000),
        },
    ]
}

fn line(id: i64, paid: &str, write_off: &str, deductible: &str) -> PaymentLine {
    PaymentLine {
        treatment_item_id: id,
        paid: paid.into(),
        write_off: write_off.into(),
        deductible: deductible.into(),
    }
}

#[test]
fn payment_decides_paid_or_partially_paid() {
    let (posted, status) = check_payment(
        ClaimStatus::Sent,
        &claimed(),
        &[line(1, "80.00", "10", ""), line(2, "", "", "50.00")],
    )
    .unwrap();
    assert_eq!(status, ClaimStatus::Paid);
    assert_eq!(posted[0].paid, Cents(8_000));
    assert_eq!(posted[1].deductible, Cents(5_000));
    let (_, status) = check_payment(
        ClaimStatus::Received,
        &claimed(),
        &[line(1, "80.00", "", ""), line(2, "0", "", "")],
    )
    .unwrap();
    assert_eq!(status, ClaimStatus::PartiallyPaid);
}

#[test]
fn bad_payments_are_refused_with_the_line_named() {
    let e = check_payment(
        ClaimStatus::Sent,
        &claimed(),
        &[line(1, "-5", "", ""), line(2, "1", "", "")],
    )
    .unwrap_err();
    assert_eq!(e.first_field(), Some("lines[0].paid"));
    let e = check_payment(
        ClaimStatus::Sent,
        &claimed(),
        &[line(1, "90", "20", ""), line(2, "1", "", "")],
    )
    .unwrap_err();
    assert_eq!(e.first_field(), Some("lines[0].paid"));
    let e = check_payment(ClaimStatus::Sent, &claimed(), &[line(1, "90", "", "")]).unwrap_err();
    assert_eq!(e.first_field(), Some("lines[1]"));
    let e = check_payment(
        ClaimStatus::Sent,
        &claimed(),
        &[line(1, "0", "", ""), line(2, "", "", "")],
    )
    .unwrap_err();
    assert_eq!(e.first_field(), Some("lines"));
    let e = check_payment(
        ClaimStatus::Draft,
        &claimed(),
        &[line(1, "1", "", ""), line(2, "1", "", "")],
    )
    .unwrap_err();
    assert_eq!(e.first_field(), Some("status"));
}
