//! Payment plans: a balance split into instalments, and what of them is overdue.
//!
//! Instalments add up exactly to the total: each is `total / count` cents and the remainder cents go
//! on the first. Due dates are `first_due` plus whole multiples of `every_months` months, each
//! counted from `first_due` (a plan starting on 31 January is due 28/29 February, then 31 March).
//! An instalment is overdue from the day after its due date; payments made so far pay the
//! instalments in due-date order.
use chrono::{Months, NaiveDate};
use frontdesk_domain::money::Cents;
use frontdesk_domain::{FieldError, ValidationErrors};
use serde::{Deserialize, Serialize};

/// The most instalments a plan may have (30 years monthly).
pub const MAX_INSTALMENTS: u32 = 360;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Instalment {
    pub due: NaiveDate,
    #[serde(with = "crate::cents_serde")]
    #[specta(type = i64)]
    pub amount: Cents,
}

/// What of a plan is past due on a day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Overdue {
    /// Due before today and not paid (zero when up to date).
    #[serde(with = "crate::cents_serde")]
    #[specta(type = i64)]
    pub amount: Cents,
    /// How many past-due instalments are not fully paid.
    pub instalments: u32,
    /// The due date of the oldest of them.
    pub since: Option<NaiveDate>,
}

/// Splits `total` into `count` instalments, the first due on `first_due`, then every
/// `every_months` months. Refused (naming the field) for a total of zero or less, no instalments,
/// more than [`MAX_INSTALMENTS`] or more instalments than cents, an interval of zero months, or due
/// dates past the calendar's end.
pub fn instalments(
    total: Cents,
    count: u32,
    first_due: NaiveDate,
    every_months: u32,
) -> Result<Vec<Instalment>, ValidationErrors> {
    let mut errors = Vec::new();
    if total.0 <= 0 {
        errors.push(FieldError::new("total", "Enter a total greater than zero."));
    }
    if count == 0 || count > MAX_INSTALMENTS {
        errors.push(FieldError::new(
            "count",
            format!("Choose between 1 and {MAX_INSTALMENTS} instalments."),
        ));
    } else if total.0 > 0 && total.0 < i64::from(count) {
        errors.push(FieldError::new(
            "count",
            "Choose fewer instalments: each must be at least one cent.",
        ));
    }
    if every_months == 0 {
        errors.push(FieldError::new(
            "every_months",
            "Choose how many months apart the instalments are (at least 1).",
        ));
    }
    if !errors.is_empty() {
        return Err(ValidationErrors(errors));
    }
    let n = i64::from(count);
    let (base, rem) = (total.0 / n, total.0 % n);
    (0..count)
        .map(|i| {
            let due = first_due
                .checked_add_months(Months::new(i * every_months))
                .ok_or_else(|| {
                    ValidationErrors(vec![FieldError::new(
                        "first_due",
                        "The last instalment would fall past the end of the calendar.",
                    )])
                })?;
            let amount = Cents(if i == 0 { base + rem } else { base });
            Ok(Instalment { due, amount })
        })
        .collect()
}

/// What is overdue on `today` when `paid_so_far` has been paid towards the plan. Instalments are
/// paid in due-date order; one due today is not overdue yet.
pub fn overdue(plan: &[Instalment], paid_so_far: Cents, today: NaiveDate) -> Overdue {
    let mut sorted: Vec<&Instalment> = plan.iter().collect();
    sorted.sort_by_key(|i| i.due);
    let mut paid = paid_so_far.max(Cents::ZERO);
    let mut out = Overdue::default();
    for i in sorted {
        let covered = paid.min(i.amount).max(Cents::ZERO);
        paid -= covered;
        let unpaid = i.amount - covered;
        if i.due < today && unpaid.0 > 0 {
            out.amount += unpaid;
            out.instalments += 1;
            out.since.get_or_insert(i.due);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::d;

    fn fields(e: ValidationErrors) -> Vec<String> {
        e.0.into_iter().map(|f| f.field).collect()
    }

    #[test]
    fn instalment_table() {
        type Case = (i64, u32, NaiveDate, u32, Vec<(NaiveDate, i64)>);
        let cases: Vec<Case> = vec![
            (
                10_000,
                3,
                d(2026, 1, 31),
                1,
                vec![
                    (d(2026, 1, 31), 3_334),
                    (d(2026, 2, 28), 3_333),
                    (d(2026, 3, 31), 3_333),
                ],
            ),
            (
                1_000,
                2,
                d(2026, 11, 15),
                3,
                vec![(d(2026, 11, 15), 500), (d(2027, 2, 15), 500)],
            ),
            (5, 1, d(2026, 1, 1), 1, vec![(d(2026, 1, 1), 5)]),
            (
                3,
                3,
                d(2026, 1, 1),
                12,
                vec![(d(2026, 1, 1), 1), (d(2027, 1, 1), 1), (d(2028, 1, 1), 1)],
            ),
        ];
        for (total, count, first, every, want) in cases {
            let got: Vec<_> = instalments(Cents(total), count, first, every)
                .unwrap()
                .into_iter()
                .map(|i| (i.due, i.amount.0))
                .collect();
            assert_eq!(got, want, "{total} in {count}");
        }
    }

    #[test]
    fn instalment_refusals() {
        let first = d(2026, 1, 1);
        let cases: Vec<(i64, u32, u32, &[&str])> = vec![
            (0, 3, 1, &["total"]),
            (-100, 3, 1, &["total"]),
            (100, 0, 1, &["count"]),
            (100, MAX_INSTALMENTS + 1, 1, &["count"]),
            (2, 3, 1, &["count"]),
            (100, 3, 0, &["every_months"]),
            (0, 0, 0, &["total", "count", "every_months"]),
        ];
        for (total, count, every, want) in cases {
            let e = instalments(Cents(total), count, first, every).unwrap_err();
            assert_eq!(fields(e), want, "{total} {count} {every}");
        }
        let e = instalments(Cents(100), 2, NaiveDate::MAX, 1).unwrap_err();
        assert_eq!(fields(e), ["first_due"]);
    }

    #[test]
    fn overdue_table() {
        let plan = instalments(Cents(30_000), 3, d(2026, 1, 15), 1).unwrap();
        let cases: Vec<(i64, NaiveDate, i64, u32, Option<NaiveDate>)> = vec![
            (0, d(2026, 1, 15), 0, 0, None),
            (0, d(2026, 1, 16), 10_000, 1, Some(d(2026, 1, 15))),
            (10_000, d(2026, 2, 16), 10_000, 1, Some(d(2026, 2, 15))),
            (5_000, d(2026, 2, 16), 15_000, 2, Some(d(2026, 1, 15))),
            (30_000, d(2027, 1, 1), 0, 0, None),
            (40_000, d(2027, 1, 1), 0, 0, None),
            (0, d(2027, 1, 1), 30_000, 3, Some(d(2026, 1, 15))),
            (-50, d(2026, 1, 16), 10_000, 1, Some(d(2026, 1, 15))),
        ];
        for (paid, today, amount, n, since) in cases {
            let o = overdue(&plan, Cents(paid), today);
            assert_eq!(
                o,
                Overdue {
                    amount: Cents(amount),
                    instalments: n,
                    since
                },
                "paid {paid} on {today}"
            );
        }
    }
}
