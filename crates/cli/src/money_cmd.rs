//! `frontdesk print …`, `frontdesk statements …`, `frontdesk account`, `frontdesk pay`,
//! `frontdesk day-sheet`, `frontdesk printers`: money and documents from the command line.
use std::path::PathBuf;

use clap::Subcommand;
use frontdesk_app::documents::preview_print_save::DocumentRequest;
use frontdesk_app::documents::printers::{DocumentKind, PrintOptions};
use frontdesk_app::money::ledger_postings::PaymentDraft;
use frontdesk_app::money::statements::RunOptions;
use frontdesk_app::{App, AppError};
use frontdesk_domain::money::Cents;
use frontdesk_ledger::PaymentMethod;

use crate::output;

#[derive(Subcommand)]
pub enum PrintCommand {
    /// The guarantor's statement as of today (printed or saved statements are kept as sent).
    Statement {
        /// Any family member's id; the statement goes to their guarantor.
        #[arg(long)]
        guarantor: i64,
        #[command(flatten)]
        target: Target,
    },
    /// The check-in packet for every patient booked on DATE (one PDF).
    Checkin {
        #[arg(long)]
        date: String,
        #[command(flatten)]
        target: Target,
    },
    /// Today's walkout receipt for a patient.
    Receipt {
        #[arg(long)]
        patient: i64,
        #[command(flatten)]
        target: Target,
    },
}

#[derive(clap::Args)]
pub struct Target {
    /// Write the PDF here.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Send it to this printer (see `frontdesk printers`).
    #[arg(long)]
    printer: Option<String>,
    #[arg(long, default_value_t = 1)]
    copies: u32,
    #[arg(long)]
    duplex: bool,
}

#[derive(Subcommand)]
pub enum StatementsCommand {
    /// Statements for every guarantor owing more than the minimum with no statement in the last
    /// N days. `--dry-run` lists them and records nothing.
    Run {
        #[arg(long)]
        dry_run: bool,
        /// Minimum balance in dollars (default: the office setting).
        #[arg(long)]
        min_balance: Option<String>,
        /// Skip guarantors with a statement in the last N days (default: the office setting).
        #[arg(long)]
        skip_days: Option<i64>,
        /// Write all statements as one PDF here.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print them all as one job on this printer.
        #[arg(long)]
        printer: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Past runs: who, when, how many, total due.
    Runs,
}

async fn deliver(app: &App, req: DocumentRequest, t: Target) -> Result<(), AppError> {
    match (t.out, t.printer) {
        (Some(out), None) => {
            let dir = out.parent().map(PathBuf::from);
            let saved = app.document_save(&req, dir.as_deref()).await?;
            std::fs::rename(&saved, &out)?;
            println!("saved {}", out.display());
        }
        (None, Some(printer)) => {
            let opts = PrintOptions {
                printer: Some(printer),
                copies: t.copies,
                duplex: t.duplex,
            };
            let r = app.document_print(&req, &opts).await?;
            println!("sent to {} as job {}", r.outcome.printer, r.outcome.job_id);
        }
        _ => {
            return Err(AppError::invalid(
                "out",
                "Give exactly one of --out FILE.pdf or --printer NAME.",
            ))
        }
    }
    Ok(())
}

pub async fn print(app: &App, cmd: PrintCommand) -> Result<(), AppError> {
    match cmd {
        PrintCommand::Statement { guarantor, target } => {
            deliver(
                app,
                DocumentRequest::Statement { patient: guarantor },
                target,
            )
            .await
        }
        PrintCommand::Checkin { date, target } => {
            deliver(app, DocumentRequest::CheckinDay { date }, target).await
        }
        PrintCommand::Receipt { patient, target } => {
            deliver(app, DocumentRequest::Receipt { patient }, target).await
        }
    }
}

pub async fn statements(app: &App, cmd: StatementsCommand) -> Result<(), AppError> {
    match cmd {
        StatementsCommand::Run {
            dry_run,
            min_balance,
            skip_days,
            out,
            printer,
            json,
        } => {
            let min_balance_cents = match min_balance {
                Some(s) => Some(
                    Cents::parse(&s)
                        .map_err(|_| AppError::invalid("min_balance", "is not an amount"))?
                        .0,
                ),
                None => None,
            };
            let opts = RunOptions {
                min_balance_cents,
                skip_days,
            };
            let (run, pdf) = app.run_statements(&opts, dry_run).await?;
            if json {
                output::json(&run);
            } else {
                for s in &run.statements {
                    println!(
                        "{:>6}  {:<30} balance {:>12}  due {:>12}  last {}",
                        s.guarantor_id,
                        s.guarantor,
                        Cents(s.balance_cents).to_string(),
                        Cents(s.amount_due_cents).to_string(),
                        s.last_statement.as_deref().unwrap_or("never")
                    );
                }
                let what = if dry_run { "would send" } else { "sent" };
                println!(
                    "{what} {} statements, total due {}{}",
                    run.statements.len(),
                    Cents(run.total_due_cents),
                    run.run_id
                        .map(|r| format!(" (run {r})"))
                        .unwrap_or_default()
                );
            }
            if let Some(pdf) = pdf {
                if let Some(out) = out {
                    std::fs::write(&out, &pdf)?;
                    eprintln!("saved {}", out.display());
                }
                if let Some(p) = printer {
                    let opts = PrintOptions {
                        printer: Some(p),
                        ..Default::default()
                    };
                    let r = app.print(DocumentKind::Statement, pdf, &opts).await?;
                    eprintln!("sent to {} as job {}", r.printer, r.job_id);
                }
            }
            Ok(())
        }
        StatementsCommand::Runs => {
            for r in app.statement_runs().await? {
                println!(
                    "run {:>4}  {}  {:<28} {:>5} statements  total due {}",
                    r.id,
                    r.run_at,
                    r.actor,
                    r.statement_count,
                    Cents(r.total_due_cents)
                );
            }
            Ok(())
        }
    }
}

pub async fn account(app: &App, patient: i64, json: bool) -> Result<(), AppError> {
    let a = app.account(patient).await?;
    if json {
        output::json(&a);
        return Ok(());
    }
    println!("account of {} ({})", a.guarantor, a.chart_number);
    for l in &a.lines {
        println!(
            "{}  #{:<5} {:<20} {:<6} {:<40} {:>11} {:>11} {:>12}",
            l.date,
            l.id,
            l.patient,
            l.code,
            l.description,
            l.charge_cents
                .map(|c| Cents(c).to_string())
                .unwrap_or_default(),
            l.credit_cents
                .map(|c| Cents(c).to_string())
                .unwrap_or_default(),
            Cents(l.running_cents).to_string()
        );
    }
    println!(
        "balance {}  − est. insurance {}  = patient due {}",
        Cents(a.balance_cents),
        Cents(a.insurance_pending_cents),
        Cents(a.patient_due_cents)
    );
    let g = &a.aging;
    println!(
        "aging: 0-30 {}  31-60 {}  61-90 {}  90+ {}",
        g.current_0_30, g.days_31_60, g.days_61_90, g.over_90
    );
    Ok(())
}

/// `frontdesk pay --patient ID --amount 25.00 --method cash|card|check [--last-four|--check]`.
pub async fn pay(
    app: &App,
    patient: i64,
    amount: &str,
    method: &str,
    reference: Option<String>,
) -> Result<(), AppError> {
    let cents = Cents::parse(amount)
        .map_err(|_| AppError::invalid("amount", "is not an amount (e.g. 25.00)"))?;
    let r = reference.unwrap_or_default();
    let method = match method {
        "cash" => PaymentMethod::Cash,
        "card" => PaymentMethod::Card { last_four: r },
        "check" => PaymentMethod::Check { number: r },
        _ => return Err(AppError::invalid("method", "is cash, card or check")),
    };
    let posted = app
        .take_payment(&PaymentDraft {
            patient_id: patient,
            date: String::new(),
            amount_cents: cents.0,
            method,
            note: String::new(),
            charges: vec![],
        })
        .await?;
    println!(
        "posted {} (entries {:?}); balance now {}{}",
        cents,
        posted.entry_ids,
        Cents(posted.account.balance_cents),
        if posted.unapplied_cents > 0 {
            format!(", {} kept as credit", Cents(posted.unapplied_cents))
        } else {
            String::new()
        }
    );
    Ok(())
}

pub async fn day_sheet(app: &App, date: &str, json: bool) -> Result<(), AppError> {
    let s = app.day_sheet(date).await?;
    if json {
        output::json(&s);
        return Ok(());
    }
    println!("day sheet {}", s.date);
    println!(
        "charges      {:>12}  ({} lines)",
        Cents(s.charges_cents),
        s.charges.len()
    );
    for t in &s.payments_by_type {
        println!("payments {:<10} {:>12}", t.kind, Cents(t.amount_cents));
    }
    for t in &s.adjustments_by_type {
        println!("adjust.  {:<10} {:>12}", t.kind, Cents(t.amount_cents));
    }
    println!(
        "deposit: checks {} ({}), cash {}, total {}",
        Cents(s.checks_cents),
        s.checks.len(),
        Cents(s.cash_cents),
        Cents(s.deposit_cents)
    );
    Ok(())
}

pub async fn printers(app: &App) -> Result<(), AppError> {
    let list = app.printers().await?;
    if list.is_empty() {
        println!("no printers");
    }
    for p in list {
        println!(
            "{}{}{}  {}",
            p.name,
            if p.is_default { " (default)" } else { "" },
            if p.duplex { " duplex" } else { "" },
            p.description
        );
    }
    Ok(())
}

/// Closes the books through `date`: nothing may be posted on or before it.
pub async fn lock_ledger(app: &App, date: &str) -> Result<(), AppError> {
    app.lock_ledger_through(date).await?;
    println!("the ledger is locked through {date}");
    Ok(())
}
