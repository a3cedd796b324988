//! The dispatcher: one line per subcommand, each a call into the function that does it. Commands
//! that use the database open it one way (`open_app::with`); only `init` and `demo` create one.
use frontdesk_app::AppError;

use crate::admin_cmd::{self, LimitChanges};
use crate::open_app::{config, read_input, with, Open::Existing, Open::ExistingAlone};
use crate::{
    bench_cmd, estimate_cmd, insurance_cmd, money_cmd, patient_cmd, report_cmd, schedule_cmd,
    user_cmd, Cli, Command,
};

pub async fn run(cli: Cli) -> Result<(), AppError> {
    let cfg = config(&cli);
    crate::open_app::set_user(cli.user.clone());
    match cli.command {
        Command::Init {
            admin,
            full_name,
            password_stdin,
        } => admin_cmd::init(cfg, admin.or(cli.user), full_name, password_stdin).await,
        Command::User(cmd) => with(cfg, Existing, async |a| user_cmd::user(a, cmd).await).await,
        Command::Audit(cmd) => with(cfg, Existing, async |a| user_cmd::audit(a, cmd).await).await,
        Command::Demo { patients, seed } => admin_cmd::demo(cfg, patients, seed).await,
        Command::Patient(cmd) => {
            with(cfg, Existing, async |a| patient_cmd::patient(a, cmd).await).await
        }
        Command::Fees(cmd) => with(cfg, Existing, async |a| patient_cmd::fees(a, cmd).await).await,
        Command::Schedule(cmd) => {
            with(cfg, Existing, async |a| {
                schedule_cmd::schedule(a, cmd).await
            })
            .await
        }
        Command::Eligibility { json } => {
            with(cfg, Existing, async |a| {
                schedule_cmd::eligibility(a, json).await
            })
            .await
        }
        Command::Recall {
            from,
            until,
            unscheduled,
            json,
        } => {
            with(cfg, Existing, async |a| {
                schedule_cmd::recall(a, &from, &until, unscheduled, json).await
            })
            .await
        }
        Command::Claims(cmd) => {
            with(cfg, Existing, async |a| insurance_cmd::claims(a, cmd).await).await
        }
        Command::TreatmentPlan {
            patient,
            json,
            explain,
        } => {
            with(cfg, Existing, async |a| {
                insurance_cmd::treatment_plan(a, patient, json, explain).await
            })
            .await
        }
        Command::Print(cmd) => with(cfg, Existing, async |a| money_cmd::print(a, cmd).await).await,
        Command::Statements(cmd) => {
            with(cfg, Existing, async |a| money_cmd::statements(a, cmd).await).await
        }
        Command::Account { patient, json } => {
            with(cfg, Existing, async |a| {
                money_cmd::account(a, patient, json).await
            })
            .await
        }
        Command::Pay {
            patient,
            amount,
            method,
            reference,
        } => {
            with(cfg, Existing, async |a| {
                money_cmd::pay(a, patient, &amount, &method, reference).await
            })
            .await
        }
        Command::Report {
            name,
            from,
            to,
            provider,
            csv,
            json,
        } => {
            with(cfg, Existing, async |a| {
                let range = report_cmd::ReportRange { from, to, provider };
                if csv {
                    return report_cmd::csv(a, name, range).await;
                }
                report_cmd::report(a, name, range, json).await
            })
            .await
        }
        Command::DaySheet { date, json } => {
            with(cfg, Existing, async |a| {
                money_cmd::day_sheet(a, &date, json).await
            })
            .await
        }
        Command::Printers => with(cfg, Existing, async |a| money_cmd::printers(a).await).await,
        Command::LockLedger { date } => {
            with(cfg, Existing, async |a| {
                money_cmd::lock_ledger(a, &date).await
            })
            .await
        }
        Command::Timezone { zone } => {
            with(cfg, Existing, async |a| admin_cmd::timezone(a, zone).await).await
        }
        Command::Limits {
            claims_outstanding_days,
            preauth_pending_days,
            reverify_days,
            eligibility_lookahead_days,
        } => {
            let changes = LimitChanges {
                claims_outstanding_days,
                preauth_pending_days,
                reverify_days,
                eligibility_lookahead_days,
            };
            with(cfg, Existing, async |a| admin_cmd::limits(a, changes).await).await
        }
        Command::RecoveryKit { pdf } => {
            with(cfg, Existing, async |a| {
                admin_cmd::recovery_kit(a, pdf).await
            })
            .await
        }
        Command::Unlock { recovery_code } => admin_cmd::unlock(cfg, &recovery_code).await,
        Command::Backup { file, to, json } => {
            with(cfg, Existing, async |a| {
                admin_cmd::backup(a, file, to, json).await
            })
            .await
        }
        Command::VerifyBackup {
            file,
            recovery_code,
            passphrase,
            json,
        } => {
            admin_cmd::verify_backup(
                cfg,
                &file,
                recovery_code.as_deref(),
                passphrase.as_deref(),
                json,
            )
            .await
        }
        Command::BackupPassphrase { clear } => {
            with(cfg, Existing, async |a| {
                admin_cmd::backup_passphrase(a, clear).await
            })
            .await
        }
        Command::Restore {
            file,
            recovery_code,
            passphrase,
            into,
            yes,
        } => {
            let cfg = match into {
                Some(dir) => admin_cmd::into_folder(dir)?,
                None => cfg,
            };
            admin_cmd::restore(
                cfg,
                &file,
                recovery_code.as_deref(),
                passphrase.as_deref(),
                yes,
            )
            .await
        }
        Command::BackupSchedule {
            folder,
            daily_at,
            no_daily,
            on_close,
            keep_daily,
            keep_monthly,
            run_now_if_due,
        } => {
            let c = admin_cmd::ScheduleChanges {
                folder,
                daily_at: if no_daily {
                    Some(None)
                } else {
                    daily_at.map(Some)
                },
                on_close,
                keep_daily,
                keep_monthly,
                run_now_if_due,
            };
            with(cfg, Existing, async |a| {
                admin_cmd::backup_schedule(a, c).await
            })
            .await
        }
        Command::Rekey => with(cfg, ExistingAlone, async |a| admin_cmd::rekey(a).await).await,
        Command::Estimate { file, explain } => {
            println!("{}", estimate_cmd::run_file(&read_input(&file)?, explain)?);
            Ok(())
        }
        Command::Bench(crate::BenchCommand::UiFolder {
            patients,
            appointments,
        }) => bench_cmd::ui_folder(cfg, patients, appointments).await,
        Command::Bench(b) => bench_cmd::bench(b).await,
    }
}
