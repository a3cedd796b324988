//! `frontdesk schedule …`, `frontdesk eligibility` and `frontdesk recall`: a day's appointments,
//! free times, confirmations and reminders; the coverages to verify before upcoming
//! appointments; the recall and unscheduled lists.
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
    /// The confirmation list for the next business day(s).
    Confirmations {
        #[arg(long, default_value_t = 1)]
        days: i64,
        #[arg(long)]
        json: bool,
    },
    /// A day's reminder CSV (patients who accept texts or email) on standard output.
    Reminders { date: String },
    /// The first free times for an appointment type (name or id) with a provider (name or id),
    /// from a date (default today), over the next 90 days.
    Free {
        #[arg(long = "type")]
        kind: String,
        #[arg(long)]
        provider: Option<String>,
        /// The length in minutes (default: the type's).
        #[arg(long)]
        minutes: Option<u32>,
        #[arg(long, default_value = "")]
        from: String,
        #[arg(long, default_value_t = 10)]
        count: usize,
        #[arg(long)]
        json: bool,
    },
}

pub async fn schedule(app: &App, cmd: ScheduleCommand) -> Result<(), AppError> {
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
        ScheduleCommand::Confirmations { days, json } => {
            let list = app.confirmation_list(days).await?;
            if json {
                output::json(&list);
            }
            for c in list.iter().filter(|_| !json) {
                println!(
                    "{} {}  {:?}  chart {}  {}  prefers {}",
                    c.appointment.local_date,
                    c.appointment.local_time,
                    c.state,
                    c.appointment.patient.chart_number,
                    c.phone,
                    c.preferred.as_str()
                );
            }
        }
        ScheduleCommand::Reminders { date } => print!("{}", app.reminders_csv(&date).await?),
        ScheduleCommand::Free {
            kind,
            provider,
            minutes,
            from,
            count,
            json,
        } => {
            let setup = app.schedule_setup().await?;
            let pick = |what: &'static str, wanted: &str, items: Vec<(i64, String)>| {
                items
                    .iter()
                    .find(|(id, name)| {
                        id.to_string() == wanted || name.eq_ignore_ascii_case(wanted)
                    })
                    .map(|(id, _)| *id)
                    .ok_or_else(|| {
                        AppError::new(
                            frontdesk_app::ErrorCode::NotFound,
                            format!("no {what} named {wanted:?}"),
                        )
                    })
            };
            let type_id = pick(
                "appointment type",
                &kind,
                setup.types.iter().map(|t| (t.id, t.name.clone())).collect(),
            )?;
            let provider = match provider {
                Some(p) => pick(
                    "provider",
                    &p,
                    setup
                        .providers
                        .iter()
                        .map(|x| (x.id, x.name.clone()))
                        .collect(),
                )?,
                None => setup.providers.first().map(|p| p.id).unwrap_or(0),
            };
            let request = frontdesk_scheduling::SlotRequest {
                type_id,
                provider,
                minutes,
                operatories: Vec::new(),
                devices: Vec::new(),
                preferences: Default::default(),
                moving: None,
            };
            let free = app.first_available(&request, &from, count).await?;
            if json {
                output::json(&free);
            } else if free.is_empty() {
                println!("no free time in the next 90 days");
            }
            for f in free.iter().filter(|_| !json) {
                println!(
                    "{} {}  {} min  {}",
                    f.local_date, f.local_time, f.minutes, f.operatory
                );
            }
        }
    }
    Ok(())
}

/// Prints the eligibility worklist.
pub async fn eligibility(app: &App, json: bool) -> Result<(), AppError> {
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
    Ok(())
}

/// Prints the recall list (or, with `unscheduled`, only those with nothing booked).
pub async fn recall(
    app: &App,
    from: &str,
    until: &str,
    unscheduled: bool,
    json: bool,
) -> Result<(), AppError> {
    let list = app.recall_list(from, until, unscheduled).await?;
    if json {
        output::json(&list);
    } else if list.is_empty() {
        println!("nobody is due");
    }
    for r in list.iter().filter(|_| !json) {
        println!(
            "{}{}  chart {}  {}  last {}  {}",
            r.due,
            if r.overdue { " (overdue)" } else { "" },
            r.patient.chart_number,
            r.recall,
            r.last_done,
            r.next_appointment.as_deref().unwrap_or("not booked")
        );
    }
    Ok(())
}
