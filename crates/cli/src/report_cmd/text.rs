//! The reports as text tables (what `frontdesk report NAME` prints without `--json`).
use frontdesk_app::reports::aging::AgingReport;
use frontdesk_app::reports::appointments::AppointmentsReport;
use frontdesk_app::reports::insurance_aging::InsuranceAgingReport;
use frontdesk_app::reports::new_patients::NewPatientsReport;
use frontdesk_app::reports::production::ProductionReport;
use frontdesk_app::reports::recall::RecallReport;
use frontdesk_app::reports::unbilled::{UnbilledKind, UnbilledReport};
use frontdesk_app::reports::unearned::UnearnedReport;
use frontdesk_domain::money::Cents;
use frontdesk_scheduling::appointment_outcomes::OutcomeCounts;
use frontdesk_scheduling::recall_outcomes::RecallCounts;

fn money(c: i64) -> String {
    Cents(c).to_grouped()
}

/// 125 ‰ → "12.5%".
fn pct(permille: i64) -> String {
    format!("{}%", frontdesk_scheduling::rates::percent_text(permille))
}

pub fn production(r: &ProductionReport) {
    println!("production {} to {}", r.from, r.to);
    println!(
        "{:<10} {:>12} {:>10} {:>10} {:>9} {:>12} {:>12} {:>13} {:>13}",
        "date",
        "charges",
        "adjust.",
        "write-offs",
        "refunds",
        "patient pay",
        "ins. pay",
        "net prod.",
        "net coll."
    );
    let line = |d: &str, f: &frontdesk_ledger::Production| {
        println!(
            "{:<10} {:>12} {:>10} {:>10} {:>9} {:>12} {:>12} {:>13} {:>13}",
            d,
            money(f.charges),
            money(f.adjustments),
            money(f.write_offs),
            money(f.refunds),
            money(f.patient_payments),
            money(f.insurance_payments),
            money(f.net_production),
            money(f.net_collections)
        )
    };
    for row in &r.rows {
        line(&row.date, &row.figures);
    }
    line("total", &r.totals);
}

pub fn aging(r: &AgingReport) {
    println!("aging as of {} ({} accounts)", r.as_of, r.rows.len());
    for row in &r.rows {
        println!(
            "#{:<7} {:<28} {:>10} {:>10} {:>10} {:>10} {:>11}  ins. {:>10}  due {:>10}",
            row.guarantor_id,
            row.name,
            money(row.amounts.current_0_30),
            money(row.amounts.days_31_60),
            money(row.amounts.days_61_90),
            money(row.amounts.over_90),
            money(row.amounts.total),
            money(row.amounts.insurance_pending),
            money(row.amounts.patient_due)
        );
    }
    let t = &r.totals;
    println!(
        "{:<36} {:>10} {:>10} {:>10} {:>10} {:>11}  ins. {:>10}  due {:>10}",
        "total",
        money(t.current_0_30),
        money(t.days_31_60),
        money(t.days_61_90),
        money(t.over_90),
        money(t.total),
        money(t.insurance_pending),
        money(t.patient_due)
    );
}

pub fn insurance_aging(r: &InsuranceAgingReport) {
    println!(
        "insurance aging as of {} ({} claims)",
        r.as_of, r.totals.claims
    );
    for row in &r.rows {
        println!(
            "claim {:<6} {:<30} {:<24} sent {:<10} {:>4} days {:>10} {:<9} follow-up {}",
            row.claim_id,
            row.plan,
            row.patient,
            row.sent_on.as_deref().unwrap_or("-"),
            row.days_outstanding,
            money(row.amount),
            row.status,
            row.follow_up_on.as_deref().unwrap_or("-")
        );
    }
    println!(
        "total {} expected {}",
        money(r.totals.amount),
        money(r.totals.expected)
    );
}

pub fn appointments(r: &AppointmentsReport) {
    println!("appointments {} to {}", r.from, r.to);
    println!(
        "{:<10} {:<22} {:>6} {:>9} {:>9} {:>6} {:>7} {:>5} {:>8} {:>8} {:>13}",
        "date",
        "provider",
        "booked",
        "completed",
        "cancelled",
        "late",
        "no-show",
        "open",
        "no-show%",
        "cancel%",
        "sched. prod."
    );
    let line = |d: &str, p: &str, c: &OutcomeCounts| {
        println!(
            "{:<10} {:<22} {:>6} {:>9} {:>9} {:>6} {:>7} {:>5} {:>8} {:>8} {:>13}",
            d,
            p,
            c.booked,
            c.completed,
            c.cancelled,
            c.late_cancelled,
            c.no_show,
            c.open,
            pct(c.no_show_rate_permille),
            pct(c.cancelled_rate_permille),
            money(c.scheduled_production)
        )
    };
    for row in &r.rows {
        line(&row.date, &row.provider, &row.counts);
    }
    line("total", "", &r.totals);
}

pub fn unbilled(r: &UnbilledReport) {
    println!(
        "unbilled as of {} ({} procedures on no claim, {} draft claims)",
        r.as_of, r.totals.procedures, r.totals.draft_claims
    );
    for row in &r.rows {
        let what = match row.kind {
            UnbilledKind::Procedure => row.what.clone(),
            UnbilledKind::DraftClaim => format!("draft {}", row.what),
        };
        println!(
            "{:<10} {:>4} days  {:<24} {:<30} {:<16} {:>10}",
            row.date,
            row.days,
            row.patient,
            row.plan,
            what,
            money(row.amount)
        );
    }
    println!("total {}", money(r.totals.amount));
}

pub fn unearned(r: &UnearnedReport) {
    println!("unearned as of {}", r.as_of);
    for row in &r.rows {
        println!(
            "{:<24} {:<40} {:<10} {:>10}",
            row.patient,
            row.what,
            row.date.as_deref().unwrap_or("-"),
            money(row.amount)
        );
    }
    println!(
        "packages {}  credits {}  total {}",
        money(r.totals.packages_amount),
        money(r.totals.credits_amount),
        money(r.totals.amount)
    );
}

pub fn recall(r: &RecallReport) {
    println!("recall {} to {}", r.from, r.to);
    println!(
        "{:<24} {:>5} {:>5} {:>6} {:>7} {:>8} {:>6} {:>11}",
        "recall", "due", "seen", "booked", "overdue", "unbooked", "visits", "left booked"
    );
    let line = |name: &str, c: &RecallCounts| {
        println!(
            "{:<24} {:>5} {:>5} {:>6} {:>7} {:>8} {:>6} {:>11}",
            name,
            c.due,
            c.seen,
            c.booked,
            c.overdue,
            c.unbooked,
            c.visits,
            pct(c.left_booked_permille)
        )
    };
    for row in &r.rows {
        line(&row.recall, &row.counts);
    }
    line("total", &r.totals);
}

pub fn new_patients(label: &str, r: &NewPatientsReport) {
    println!("{label} {} to {}", r.from, r.to);
    println!(
        "{:<8} {:<32} {:>12} {:>12}",
        "month", "source", "new patients", "production"
    );
    for row in &r.rows {
        println!(
            "{:<8} {:<32} {:>12} {:>12}",
            row.month,
            row.source,
            row.new_patients,
            money(row.production)
        );
    }
    println!(
        "{:<8} {:<32} {:>12} {:>12}",
        "total",
        "",
        r.totals.new_patients,
        money(r.totals.production)
    );
}
