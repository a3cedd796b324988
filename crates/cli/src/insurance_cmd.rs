//! `frontdesk claims …` and `frontdesk treatment-plan …`: the claim worklists, a claim's printed
//! form, and a patient's treatment plan with its estimate (and why, with `--explain`).
use std::path::PathBuf;

use clap::Subcommand;
use frontdesk_app::insurance::claims::ClaimWorklist;
use frontdesk_app::{App, AppError};
use frontdesk_domain::money::Cents;

use crate::output;

#[derive(Subcommand)]
pub enum ClaimsCommand {
    /// A worklist: `outstanding` (waiting on the payer longer than the set days) or `denied`.
    List {
        #[arg(value_parser = ["outstanding", "denied"])]
        list: String,
        #[arg(long)]
        json: bool,
    },
    /// Write a claim's form (ADA 2019-style layout) as a PDF.
    Pdf { id: i64, file: PathBuf },
}

pub async fn claims(app: &App, cmd: ClaimsCommand) -> Result<(), AppError> {
    match cmd {
        ClaimsCommand::List { list, json } => {
            let which = if list == "denied" {
                ClaimWorklist::Denied
            } else {
                ClaimWorklist::Outstanding
            };
            let claims = app.claim_worklist(which).await?;
            if json {
                output::json(&claims);
            } else if claims.is_empty() {
                println!("no claims on that list");
            }
            for c in claims.iter().filter(|_| !json) {
                println!(
                    "#{:<5} {:<10} {:<15} {} {:>12}  {}  follow up {}",
                    c.id,
                    c.service_date,
                    c.status.as_str(),
                    c.patient.chart_number,
                    Cents(c.fee_cents).to_string(),
                    c.plan,
                    c.follow_up_on.as_deref().unwrap_or("-"),
                );
            }
        }
        ClaimsCommand::Pdf { id, file } => {
            std::fs::write(&file, app.claim_pdf(id).await?)?;
            eprintln!("saved {}", file.display());
        }
    }
    Ok(())
}

/// Prints a patient's treatment plan estimate.
pub async fn treatment_plan(
    app: &App,
    patient: i64,
    json: bool,
    explain: bool,
) -> Result<(), AppError> {
    let view = app.treatment_plan(patient).await?;
    if json {
        output::json(&view);
    } else {
        println!(
            "estimate as of {} with: {}",
            view.as_of,
            view.estimate.plans.join("; ")
        );
        for line in &view.estimate.lines {
            let item = view.items.iter().find(|i| i.id == line.item_id);
            let code = item.map_or("?", |i| i.code.as_str());
            let insurance: i64 = line.plans.iter().map(|p| p.estimate_cents).sum();
            let write_off: i64 = line.plans.iter().map(|p| p.write_off_cents).sum();
            println!(
                "{code:<10} fee {:>11}  insurance {:>11}  write-off {:>11}  patient {:>11}",
                Cents(line.fee_cents).to_string(),
                Cents(insurance).to_string(),
                Cents(write_off).to_string(),
                Cents(line.patient_cents).to_string()
            );
            for why in line.explanation.iter().filter(|_| explain) {
                println!("    {why}");
            }
        }
        let t = &view.estimate.totals;
        println!(
            "total      fee {:>11}  insurance {:>11}  write-off {:>11}  patient {:>11}",
            Cents(t.fee_cents).to_string(),
            Cents(t.insurance_cents).to_string(),
            Cents(t.write_off_cents).to_string(),
            Cents(t.patient_cents).to_string()
        );
    }
    Ok(())
}
