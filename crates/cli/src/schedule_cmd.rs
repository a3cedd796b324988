//! `frontdesk schedule day DATE` and `frontdesk eligibility`: a day's appointments, and the
//! coverages to verify before upcoming appointments.
use clap::Subcommand;
use frontdesk_app::{App, AppError};

use crate::output;

#[derive(Subcommand)]
pub enum ScheduleCommand {
    /// The appointments of a local date (`2026-03-10` or `3/10/2026`), by start.
    Day {
        date: String,
        #[arg(long)]
        json: bool,
    },
}

pub async fn schedule(app: App, cmd: ScheduleCommand) -> Result<(), AppError> {
    match cmd {
        ScheduleCommand::Day { date, json } => {
            let day = app.day_schedule(&date).await?;
            if json {
                output::json(&day);
            } else if day.appointments.is_empty() {
                println!("no appointments on {}", day.date);
            }
            for a in day.appointments.iter().filter(|_| !json) {
                println!(
                    "{} {:>4} min  {:<12} {:<22} {:<18} {} {}",
                    a.local_time,
                    a.minutes,
                    a.status.as_str(),
                    a.provider,
                    a.type_name,
                    a.operatory,
                    a.patient.chart_number
                );
            }
        }
    }
    app.close().await;
    Ok(())
}

/// Prints the eligibility worklist.
pub async fn eligibility(app: App, json: bool) -> Result<(), AppError> {
    let list = app.eligibility_worklist().await?;
    if json {
        output::json(&list);
    } else if list.is_empty() {
        println!("no coverage to verify before the coming appointments");
    }
    for e in list.iter().filter(|_| !json) {
        println!(
            "{}  chart {}  {}  ({})",
            e.appointment, e.patient.chart_number, e.coverage.plan_label, e.reason
        );
    }
    app.close().await;
    Ok(())
}
