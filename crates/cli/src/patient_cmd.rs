//! `frontdesk patient …` and `frontdesk fees …`: patient records and the office fee schedule.
use frontdesk_app::{App, AppError};

use crate::open_app::read_input;
use crate::output;
use crate::{FeesCommand, PatientCommand};

pub async fn patient(app: &App, cmd: PatientCommand) -> Result<(), AppError> {
    match cmd {
        PatientCommand::Search {
            query,
            json,
            include_archived,
        } => {
            let hits = app.search_patients(&query, include_archived).await?;
            if json {
                output::json(&hits);
            } else {
                output::patients_table(&hits);
            }
        }
        PatientCommand::Show { id, json } => {
            let card = app.patient_card(id).await?;
            if json {
                output::json(&card);
            } else {
                let p = &card.patient;
                println!(
                    "{} {} (chart {}), born {}, {}",
                    p.first_name,
                    p.last_name,
                    p.chart_number,
                    p.date_of_birth,
                    p.status.as_str()
                );
                println!(
                    "created {} by {}; changed {} by {}",
                    p.meta.created_at, p.meta.created_by, p.meta.updated_at, p.meta.updated_by
                );
            }
        }
        PatientCommand::Add { file, json } => {
            let draft = crate::draft_input::parse_draft(&read_input(&file)?)?;
            let card = app.create_patient(&draft).await?;
            if json {
                output::json(&card);
            } else {
                println!("{}", card.patient.id);
            }
        }
    }
    Ok(())
}

pub async fn fees(app: &App, cmd: FeesCommand) -> Result<(), AppError> {
    match cmd {
        FeesCommand::Import { file } => {
            let r = app.import_fee_schedule(&read_input(&file)?).await?;
            println!(
                "{} added, {} updated, {} unchanged",
                r.added, r.updated, r.unchanged
            );
        }
        FeesCommand::List { json } => {
            let list = app.fee_schedule().await?;
            if json {
                output::json(&list);
            } else {
                for e in &list {
                    let fee = frontdesk_domain::money::Cents(e.fee_cents);
                    println!("{:<12} {:>12}  {}", e.code, fee.to_string(), e.description);
                }
            }
        }
    }
    Ok(())
}
