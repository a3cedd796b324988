//! `frontdesk report NAME [--from D] [--to D] [--json]`: the office's reports. JSON is
//! `{"report", "from", "to", "rows": [...], "totals": {...}}` with money as decimal strings
//! ("1250.00"); the aging reports are as of today (`from` and `to` are both today).
use clap::ValueEnum;
use frontdesk_app::reports::Range;
use frontdesk_app::{App, AppError};
use frontdesk_domain::money::Cents;
use serde_json::{json, Value};

#[derive(Clone, Copy, ValueEnum)]
pub enum ReportName {
    /// Charges, adjustments, write-offs, refunds, payments, net production and collections by day.
    Production,
    /// One row per guarantor with a balance: 0–30, 31–60, 61–90, over 90, insurance pending.
    Aging,
    /// Outstanding claims by plan: sent on, days outstanding, amount, status, follow-up.
    InsuranceAging,
}

/// Fields that are counts or ids, not money.
const NOT_MONEY: &[&str] = &[
    "guarantor_id",
    "patient_id",
    "claim_id",
    "days_outstanding",
    "claims",
];

/// Every integer field not in [`NOT_MONEY`] becomes a decimal string.
fn money_as_decimals(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let v = match v {
                        Value::Number(n) if !NOT_MONEY.contains(&k.as_str()) => n
                            .as_i64()
                            .map(|c| Value::String(Cents(c).to_plain()))
                            .unwrap_or(Value::Number(n)),
                        other => money_as_decimals(other),
                    };
                    (k, v)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(money_as_decimals).collect()),
        other => other,
    }
}

fn envelope(
    name: &str,
    from: &str,
    to: &str,
    rows: impl serde::Serialize,
    totals: impl serde::Serialize,
) -> Value {
    json!({
        "report": name,
        "from": from,
        "to": to,
        "rows": money_as_decimals(serde_json::to_value(rows).expect("serializable")),
        "totals": money_as_decimals(serde_json::to_value(totals).expect("serializable")),
    })
}

fn money(c: i64) -> String {
    Cents(c).to_grouped()
}

pub async fn report(
    app: &App,
    name: ReportName,
    from: Option<String>,
    to: Option<String>,
    json: bool,
) -> Result<(), AppError> {
    let today = app.today().to_string();
    let value = match name {
        ReportName::Production => {
            let from = from.unwrap_or_else(|| today.clone());
            let to = to.unwrap_or_else(|| from.clone());
            let r = app.production_report(Range::parse(&from, &to)?).await?;
            if !json {
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
                return Ok(());
            }
            envelope("production", &r.from, &r.to, &r.rows, r.totals)
        }
        ReportName::Aging => {
            let r = app.aging_report().await?;
            if !json {
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
                return Ok(());
            }
            envelope("aging", &r.as_of, &r.as_of, &r.rows, r.totals)
        }
        ReportName::InsuranceAging => {
            let r = app.insurance_aging_report().await?;
            if !json {
                println!(
                    "insurance aging as of {} ({} claims)",
                    r.as_of, r.totals.claims
                );
                for row in &r.rows {
                    println!(
                        "claim {:<6} {:<30} {:<24} sent {:<10} {:>4} days {:>10} {:<9} follow-up {}",
                        row.claim_id, row.plan, row.patient, row.sent_on.as_deref().unwrap_or("-"),
                        row.days_outstanding, money(row.amount), row.status,
                        row.follow_up_on.as_deref().unwrap_or("-")
                    );
                }
                println!(
                    "total {} expected {}",
                    money(r.totals.amount),
                    money(r.totals.expected)
                );
                return Ok(());
            }
            envelope("insurance-aging", &r.as_of, &r.as_of, &r.rows, r.totals)
        }
    };
    crate::output::json(&value);
    Ok(())
}
