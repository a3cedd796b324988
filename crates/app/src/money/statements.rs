//! Statements: one per guarantor (activity since the last statement with the previous balance,
//! aging, estimated insurance, amount due, upcoming visits, the office note), kept as sent so a
//! reprint is the same document; and the batch run over every guarantor owing more than an
//! amount who had no statement in the last N days (recorded: who, when, which, totals).
use chrono::{Duration, NaiveDate};
use frontdesk_access::Permission;
use frontdesk_documents::{
    statement_pdf, statement_pdfs, statements_pdf, FontMode, StatementDoc, StatementRow,
};
use frontdesk_domain::PatientId;
use frontdesk_scheduling::AppointmentStatus;
use frontdesk_store::ledger::entries;
use frontdesk_store::ledger::statements::{self as kept, NewStatement};
use serde::{Deserialize, Serialize};

use crate::documents::printers::{DocumentKind, PrintOptions, PrintOutcome};
use crate::money::account::AccountView;
use crate::{App, AppError};

/// A guarantor a run would send a statement to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct StatementCandidate {
    pub guarantor_id: PatientId,
    pub guarantor: String,
    pub balance_cents: i64,
    pub amount_due_cents: i64,
    pub last_statement: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct RunOptions {
    /// Only balances above this (cents); `None`: the office setting.
    pub min_balance_cents: Option<i64>,
    /// Skip guarantors with a statement in the last N days; `None`: the office setting.
    pub skip_days: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct StatementRun {
    /// `None` for a dry run (nothing recorded).
    pub run_id: Option<i64>,
    pub statements: Vec<StatementCandidate>,
    pub total_due_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct StatementSent {
    pub id: i64,
    pub run_id: Option<i64>,
    pub guarantor_id: PatientId,
    pub statement_date: String,
    pub amount_due_cents: i64,
    pub actor: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct RunSummary {
    pub id: i64,
    pub run_at: String,
    pub actor: String,
    pub statement_count: i64,
    pub total_due_cents: i64,
}

pub(crate) fn us(d: &str) -> String {
    NaiveDate::parse_from_str(d, "%Y-%m-%d")
        .map_or_else(|_| d.to_string(), |d| d.format("%m/%d/%Y").to_string())
}

/// A statement run and, when it was printed, where.
#[derive(Debug, Serialize, specta::Type)]
pub struct StatementRunResult {
    pub run: StatementRun,
    pub printed: Option<PrintOutcome>,
}

impl App {
    /// The statement for `patient`'s guarantor as of today, with the account it was made from.
    pub(crate) async fn statement_doc(
        &self,
        patient: PatientId,
    ) -> Result<(StatementDoc, AccountView), AppError> {
        let guarantor = entries::guarantor_of(&self.db, patient).await?;
        let stored = entries::for_guarantor(&self.db, guarantor).await?;
        let account = self.account_view(guarantor, &stored).await?;
        let today = self.today();
        let settings = self.document_settings().await?;
        let last = kept::for_guarantor(&self.db, guarantor)
            .await?
            .first()
            .map(|s| s.statement_date);
        // Activity since the last statement; on the first one, the last 120 days or back to the
        // oldest charge still owed, whichever is earlier, so everything owed is itemised.
        let from_text = match last {
            Some(d) => (d + Duration::days(1)).to_string(),
            None => account
                .open_charges
                .iter()
                .map(|c| c.date.clone())
                .chain([(today - Duration::days(120)).to_string()])
                .min()
                .unwrap_or_default(),
        };
        let teeth = self.teeth_of_charges(&account, &stored).await?;
        let first = account.lines.iter().position(|l| l.date >= from_text);
        let previous_balance = match first {
            Some(0) => 0,
            Some(i) => account.lines[i - 1].running_cents,
            None => account.balance_cents,
        };
        let rows = account.lines[first.unwrap_or(account.lines.len())..]
            .iter()
            .map(|l| StatementRow {
                date: us(&l.date),
                patient: l.patient.clone(),
                code: l.code.clone(),
                tooth: teeth.get(&l.id).cloned().unwrap_or_default(),
                description: l.description.clone(),
                charge: l.charge_cents,
                credit: l.credit_cents,
                balance: l.running_cents,
            })
            .collect();
        let person = frontdesk_store::patients::get(&self.db, guarantor).await?;
        let a = &person.address;
        let address_lines = [
            a.line1.clone(),
            a.line2.clone(),
            format!("{}, {} {}", a.city, a.state, a.postal_code),
        ]
        .into_iter()
        .filter(|l| !l.trim().trim_matches(',').trim().is_empty())
        .collect();
        let ag = &account.aging;
        let doc = StatementDoc {
            office: self.letterhead().await?,
            statement_date: today.format("%m/%d/%Y").to_string(),
            due_date: (today + Duration::days(settings.statement_due_days))
                .format("%m/%d/%Y")
                .to_string(),
            account: account.chart_number.clone(),
            guarantor_name: format!("{} {}", person.first_name, person.last_name),
            address_lines,
            previous_balance,
            rows,
            balance: account.balance_cents,
            insurance_pending: account.insurance_pending_cents,
            amount_due: account.patient_due_cents,
            aging: [
                ag.current_0_30.0,
                ag.days_31_60.0,
                ag.days_61_90.0,
                ag.over_90.0,
            ],
            upcoming: self.upcoming_lines(&account).await?,
            note: settings.statement_note,
        };
        Ok((doc, account))
    }

    /// The tooth of each charge that came from a treatment-plan procedure.
    async fn teeth_of_charges(
        &self,
        account: &AccountView,
        stored: &[frontdesk_store::ledger::StoredEntry],
    ) -> Result<TeethByEntry, AppError> {
        let mut out = std::collections::HashMap::new();
        for m in &account.members {
            let items = frontdesk_store::treatment::items(&self.db, m.patient_id).await?;
            for s in stored.iter().filter(|s| s.entry.patient_id == m.patient_id) {
                if let frontdesk_ledger::EntryKind::Charge {
                    treatment_item_id: Some(item),
                    ..
                } = &s.entry.kind
                {
                    if let Some(i) = items.iter().find(|i| i.id == *item) {
                        out.insert(s.entry.id, i.tooth.clone());
                    }
                }
            }
        }
        Ok(out)
    }

    /// The family's next visits (up to five), e.g. "12/01/2026 09:00 Petr Novak — Cleaning".
    pub(crate) async fn upcoming_lines(
        &self,
        account: &AccountView,
    ) -> Result<Vec<String>, AppError> {
        let mut visits = Vec::new();
        for m in &account.members {
            for a in self.patient_appointments(m.patient_id).await?.upcoming {
                if matches!(
                    a.status,
                    AppointmentStatus::Scheduled | AppointmentStatus::Confirmed
                ) {
                    visits.push((
                        a.start.clone(),
                        format!(
                            "{} {} {} — {}",
                            us(&a.local_date),
                            a.local_time,
                            m.name,
                            a.type_name
                        ),
                    ));
                }
            }
        }
        visits.sort();
        Ok(visits.into_iter().take(5).map(|(_, l)| l).collect())
    }

    /// The statement as it would print today, not recorded (preview).
    pub async fn statement_preview(&self, patient: PatientId) -> Result<Vec<u8>, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        let (doc, account) = self.statement_doc(patient).await?;
        self.audit_patient(account.guarantor_id, "statement.preview", "statement")
            .await?;
        Ok(statement_pdf(&doc, FontMode::Embedded)?)
    }

    /// Makes today's statement for the patient's guarantor and keeps it as sent.
    pub async fn issue_statement(&self, patient: PatientId) -> Result<(i64, Vec<u8>), AppError> {
        self.require(Permission::PrintExportPhi).await?;
        let (doc, account) = self.statement_doc(patient).await?;
        let pdf = statement_pdf(&doc, FontMode::Embedded)?;
        let s = NewStatement {
            guarantor_id: account.guarantor_id,
            statement_date: self.today(),
            balance_cents: account.balance_cents,
            amount_due_cents: account.patient_due_cents,
            pdf: pdf.clone(),
        };
        let id = kept::keep(&self.db, &s, &self.actor(), self.cfg.clock.now()).await?;
        Ok((id, pdf))
    }

    /// A statement exactly as it was sent.
    pub async fn statement_copy(&self, id: i64) -> Result<Vec<u8>, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        Ok(kept::pdf(&self.db, id).await?.1)
    }

    /// The statements sent to the patient's guarantor, newest first.
    pub async fn statements_sent(
        &self,
        patient: PatientId,
    ) -> Result<Vec<StatementSent>, AppError> {
        self.require(Permission::ViewPatients).await?;
        let guarantor = entries::guarantor_of(&self.db, patient).await?;
        Ok(kept::for_guarantor(&self.db, guarantor)
            .await?
            .into_iter()
            .map(sent)
            .collect())
    }

    /// The guarantors a run would send to, as of today.
    pub async fn statement_candidates(
        &self,
        opts: &RunOptions,
    ) -> Result<Vec<(StatementCandidate, StatementDoc)>, AppError> {
        self.require(Permission::ViewPatients).await?;
        let settings = self.document_settings().await?;
        let min = opts
            .min_balance_cents
            .unwrap_or(settings.statement_min_balance_cents);
        let skip = opts.skip_days.unwrap_or(settings.statement_skip_days);
        if min < 0 {
            return Err(AppError::invalid("min_balance_cents", "cannot be negative"));
        }
        if !(0..=365).contains(&skip) {
            return Err(AppError::invalid("skip_days", "must be from 0 to 365 days"));
        }
        let cutoff = self.today() - Duration::days(skip);
        let mut out = Vec::new();
        for (g, _, last) in
            entries::balances_above(&self.db, frontdesk_domain::money::Cents(min)).await?
        {
            if last.is_some_and(|d| skip > 0 && d > cutoff) {
                continue;
            }
            let (doc, account) = self.statement_doc(g).await?;
            out.push((
                StatementCandidate {
                    guarantor_id: g,
                    guarantor: account.guarantor.clone(),
                    balance_cents: account.balance_cents,
                    amount_due_cents: account.patient_due_cents,
                    last_statement: last.map(|d| d.to_string()),
                },
                doc,
            ));
        }
        Ok(out)
    }

    /// Runs statements as [`App::run_statements`] does and, when `print` is given and the run
    /// produced statements, prints them all as one job. The printer and copies are checked
    /// before anything is rendered or kept.
    pub async fn run_and_print_statements(
        &self,
        opts: &RunOptions,
        dry_run: bool,
        print: Option<&PrintOptions>,
    ) -> Result<StatementRunResult, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        let job = match print {
            Some(p) if !dry_run => Some(self.print_job(DocumentKind::Statement, p).await?),
            _ => None,
        };
        let (run, pdf) = self.run_statements(opts, dry_run).await?;
        let printed = match (pdf, job) {
            (Some(pdf), Some(job)) => Some(self.spool(pdf, job).await?),
            _ => None,
        };
        Ok(StatementRunResult { run, printed })
    }

    /// Runs statements: with `dry_run` only lists them; otherwise renders each, keeps them and
    /// records the run. Returns the run and, when not a dry run, one PDF of all of them (one
    /// print job).
    pub async fn run_statements(
        &self,
        opts: &RunOptions,
        dry_run: bool,
    ) -> Result<(StatementRun, Option<Vec<u8>>), AppError> {
        self.require(Permission::PrintExportPhi).await?;
        let found = self.statement_candidates(opts).await?;
        let total: i64 = found.iter().map(|(c, _)| c.amount_due_cents).sum();
        let statements: Vec<StatementCandidate> = found.iter().map(|(c, _)| c.clone()).collect();
        if dry_run || found.is_empty() {
            return Ok((
                StatementRun {
                    run_id: None,
                    statements,
                    total_due_cents: total,
                },
                None,
            ));
        }
        // Rendering is CPU work: on every core, off the async runtime.
        let docs: Vec<StatementDoc> = found.iter().map(|(_, d)| d.clone()).collect();
        let pdfs = tokio::task::spawn_blocking(move || statement_pdfs(&docs, FontMode::Embedded))
            .await
            .map_err(|_| AppError::new(crate::ErrorCode::Internal, "rendering stopped"))?;
        if pdfs.len() != found.len() {
            return Err(AppError::new(
                crate::ErrorCode::Internal,
                "rendering stopped",
            ));
        }
        let mut keep = Vec::with_capacity(found.len());
        for ((c, _), pdf) in found.iter().zip(pdfs) {
            keep.push(NewStatement {
                guarantor_id: c.guarantor_id,
                statement_date: self.today(),
                balance_cents: c.balance_cents,
                amount_due_cents: c.amount_due_cents,
                pdf: pdf?,
            });
        }
        let settings = self.document_settings().await?;
        let (run, _) = kept::record_run(
            &self.db,
            opts.min_balance_cents
                .unwrap_or(settings.statement_min_balance_cents),
            opts.skip_days.unwrap_or(settings.statement_skip_days),
            &keep,
            &self.actor(),
            self.cfg.clock.now(),
        )
        .await?;
        let docs: Vec<StatementDoc> = found.into_iter().map(|(_, d)| d).collect();
        let all = statements_pdf(&docs, FontMode::Embedded)?;
        Ok((
            StatementRun {
                run_id: Some(run),
                statements,
                total_due_cents: total,
            },
            Some(all),
        ))
    }

    pub async fn statement_runs(&self) -> Result<Vec<RunSummary>, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(kept::runs(&self.db, 50)
            .await?
            .into_iter()
            .map(|r| RunSummary {
                id: r.id,
                run_at: r.run_at.to_rfc3339(),
                actor: r.actor,
                statement_count: r.statement_count,
                total_due_cents: r.total_due_cents,
            })
            .collect())
    }

    pub async fn statements_of_run(&self, run: i64) -> Result<Vec<StatementSent>, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(kept::for_run(&self.db, run)
            .await?
            .into_iter()
            .map(sent)
            .collect())
    }
}

/// Ledger entry id → the tooth of the procedure it charged.
type TeethByEntry = std::collections::HashMap<i64, String>;

fn sent(s: kept::StatementRecord) -> StatementSent {
    StatementSent {
        id: s.id,
        run_id: s.run_id,
        guarantor_id: s.guarantor_id,
        statement_date: s.statement_date.to_string(),
        amount_due_cents: s.amount_due_cents,
        actor: s.actor,
    }
}
