//! The benefit year benefits used are counted in (`benefit_year`) is the one the estimate engine
//! uses for the same plan: for every start the plan editor accepts (`MM-DD`, or a full date whose
//! month and day are taken), on days on both sides of the boundary, and for stored starts the
//! editor refuses (February 29, text that is no date: January 1).
use chrono::NaiveDate;
use frontdesk_estimate::eligibility::benefit_year_start;
use frontdesk_estimate::{Used, YearStart};
use frontdesk_insurance::benefit_year::benefit_year;
use frontdesk_insurance::plan::{engine_plan, validate_plan};
use frontdesk_insurance::{PlanBenefits, PlanDraft};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn plan(start: &str) -> PlanDraft {
    PlanDraft {
        carrier_id: 1,
        group_name: "Acme".into(),
        benefits: PlanBenefits {
            benefit_year_start: start.into(),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// The year start the engine estimates with, for the plan as saved by the editor.
fn engine_year_start(start: &str) -> YearStart {
    let saved = validate_plan(&plan(start)).unwrap_or_else(|e| panic!("{start:?}: {e}"));
    engine_plan(&saved, "Acme", 0, None, Used::default())
        .unwrap()
        .benefit_year_start
}

fn every_day(from: &str, to: &str) -> impl Iterator<Item = NaiveDate> {
    let last = d(to);
    d(from).iter_days().take_while(move |day| *day <= last)
}

#[test]
fn counted_over_the_year_the_engine_estimates_in() {
    for start in [
        "",
        "01-01",
        "07-01",
        "2026-07-01",
        "1999-07-01",
        "10-15",
        "12-31",
        "03-01",
    ] {
        let ys = engine_year_start(start);
        for day in every_day("2023-01-01", "2029-12-31") {
            let (from, to) = benefit_year(start, day);
            let engine = benefit_year_start(day, ys);
            assert_eq!(from, engine, "start {start:?} on {day}");
            assert!(
                from <= day && day < to,
                "start {start:?} on {day}: {from}..{to}"
            );
            assert_eq!(benefit_year_start(to, ys), to, "start {start:?}: next year");
            assert_eq!(
                benefit_year_start(to.pred_opt().unwrap(), ys),
                from,
                "start {start:?}: last day"
            );
        }
    }
}

#[test]
fn both_sides_of_the_boundary() {
    // (start, day, first day of its benefit year, first day of the next)
    let cases = [
        ("", "2026-01-01", "2026-01-01", "2027-01-01"),
        ("01-01", "2025-12-31", "2025-01-01", "2026-01-01"),
        ("01-01", "2026-01-01", "2026-01-01", "2027-01-01"),
        ("07-01", "2026-06-30", "2025-07-01", "2026-07-01"),
        ("07-01", "2026-07-01", "2026-07-01", "2027-07-01"),
        ("2026-07-01", "2026-06-30", "2025-07-01", "2026-07-01"),
        ("2026-07-01", "2026-07-01", "2026-07-01", "2027-07-01"),
        ("2026-07-01", "2027-03-10", "2026-07-01", "2027-07-01"),
        ("2020-10-15", "2026-10-14", "2025-10-15", "2026-10-15"),
        ("12-31", "2026-12-30", "2025-12-31", "2026-12-31"),
        ("12-31", "2026-12-31", "2026-12-31", "2027-12-31"),
    ];
    for (start, day, from, to) in cases {
        let ys = engine_year_start(start);
        assert_eq!(
            benefit_year(start, d(day)),
            (d(from), d(to)),
            "{start:?} on {day}"
        );
        assert_eq!(
            benefit_year_start(d(day), ys),
            d(from),
            "engine: {start:?} on {day}"
        );
    }
}

#[test]
fn a_stored_february_29_start_is_march_1_in_common_years_for_both() {
    // The editor refuses 02-29; a start stored as such is read the same way by both.
    assert!(validate_plan(&plan("02-29")).is_err());
    let feb29 = YearStart { month: 2, day: 29 };
    for day in every_day("2023-01-01", "2029-12-31") {
        let (from, to) = benefit_year("02-29", day);
        assert_eq!(from, benefit_year_start(day, feb29), "02-29 on {day}");
        assert!(from <= day && day < to, "02-29 on {day}: {from}..{to}");
    }
    let cases = [
        ("2026-02-28", "2025-03-01"),
        ("2026-03-01", "2026-03-01"),
        ("2028-02-28", "2027-03-01"),
        ("2028-02-29", "2028-02-29"),
        ("2029-02-28", "2028-02-29"),
        ("2029-03-01", "2029-03-01"),
    ];
    for (day, from) in cases {
        assert_eq!(benefit_year("02-29", d(day)).0, d(from), "{day}");
        assert_eq!(benefit_year_start(d(day), feb29), d(from), "engine: {day}");
    }
}

#[test]
fn a_stored_start_that_is_no_day_is_january_1_for_both() {
    for start in [
        "01-00",
        "00-01",
        "13-01",
        "04-31",
        "7-1",
        "july",
        "ééééé",
        "2026é07-0",
    ] {
        assert!(
            validate_plan(&plan(start)).is_err(),
            "the editor refuses {start:?}"
        );
        for day in [d("2026-03-10"), NaiveDate::MIN, NaiveDate::MAX] {
            let (from, _) = benefit_year(start, day);
            assert_eq!(
                from,
                benefit_year_start(day, YearStart::default()),
                "{start:?} on {day}"
            );
        }
    }
}
