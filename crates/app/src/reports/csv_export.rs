//! A report as a CSV file for a spreadsheet: one header line, one line per row, then a `total`
//! line; money as plain decimals (`1250.00`), counts as integers, rates as percentages with one
//! decimal (`12.5`). Running one needs "view reports" and, since the rows name patients, "print
//! or export PHI"; the export is audited (`report.export`) besides the run (`report.run`).
use std::path::{Path, PathBuf};

use frontdesk_access::Permission;
use frontdesk_domain::money::Cents;
use frontdesk_ledger::Production;
use frontdesk_scheduling::appointment_outcomes::OutcomeCounts;
use frontdesk_scheduling::rates::percent_text;
use frontdesk_scheduling::recall_outcomes::RecallCounts;
use serde::{Deserialize, Serialize};

use super::aging::AgingAmounts;
use super::Range;
use crate::{App, AppError, ErrorCode};

/// Which report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    Production,
    Appointments,
    Recall,
    NewPatients,
    Referrals,
    Aging,
    InsuranceAging,
    Unbilled,
    Unearned,
}

impl ReportKind {
    /// The report's name as the CLI and the file name say it (`insurance-aging`).
    pub fn name(self) -> &'static str {
        match self {
            ReportKind::Production => "production",
            ReportKind::Appointments => "appointments",
            ReportKind::Recall => "recall",
            ReportKind::NewPatients => "new-patients",
            ReportKind::Referrals => "referrals",
            ReportKind::Aging => "aging",
            ReportKind::InsuranceAging => "insurance-aging",
            ReportKind::Unbilled => "unbilled",
            ReportKind::Unearned => "unearned",
        }
    }
}

/// A report to export: its dates as typed (ignored by the reports as of today) and, for the
/// appointments report, a provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ReportRequest {
    pub kind: ReportKind,
    pub from: String,
    pub to: String,
    pub provider: Option<i64>,
}

fn money(c: i64) -> String {
    Cents(c).to_plain()
}

fn production_cells(f: &Production) -> Vec<String> {
    [
        f.charges,
        f.adjustments,
        f.write_offs,
        f.refunds,
        f.patient_payments,
        f.insurance_payments,
        f.net_production,
        f.net_collections,
    ]
    .into_iter()
    .map(money)
    .collect()
}

fn outcome_cells(c: &OutcomeCounts) -> Vec<String> {
    let mut v: Vec<String> = [
        c.booked,
        c.completed,
        c.cancelled,
        c.late_cancelled,
        c.no_show,
        c.open,
    ]
    .iter()
    .map(i64::to_string)
    .collect();
    v.extend(
        [
            c.completed_rate_permille,
            c.cancelled_rate_permille,
            c.late_cancelled_rate_permille,
            c.no_show_rate_permille,
        ]
        .into_iter()
        .map(percent_text),
    );
    v.push(money(c.scheduled_production));
    v
}

fn recall_cells(c: &RecallCounts) -> Vec<String> {
    let mut v: Vec<String> = [
        c.due,
        c.seen,
        c.booked,
        c.overdue,
        c.unbooked,
        c.visits,
        c.left_booked,
    ]
    .iter()
    .map(i64::to_string)
    .collect();
    v.push(percent_text(c.left_booked_permille));
    v
}

fn aging_cells(a: &AgingAmounts) -> Vec<String> {
    [
        a.current_0_30,
        a.days_31_60,
        a.days_61_90,
        a.over_90,
        a.total,
        a.insurance_pending,
        a.patient_due,
    ]
    .into_iter()
    .map(money)
    .collect()
}

/// A table: the header and the lines (the last one the totals).
type Table = (Vec<&'static str>, Vec<Vec<String>>);

fn with(mut lead: Vec<String>, rest: Vec<String>) -> Vec<String> {
    lead.extend(rest);
    lead
}

impl App {
    async fn report_table(&self, req: &ReportRequest) -> Result<Table, AppError> {
        let range = || Range::parse(&req.from, &req.to);
        Ok(match req.kind {
            ReportKind::Production => {
                let r = self.production_report(range()?).await?;
                let mut lines: Vec<Vec<String>> = r
                    .rows
                    .iter()
                    .map(|x| with(vec![x.date.clone()], production_cells(&x.figures)))
                    .collect();
                lines.push(with(vec!["total".into()], production_cells(&r.totals)));
                let head = vec![
                    "date",
                    "charges",
                    "adjustments",
                    "write_offs",
                    "refunds",
                    "patient_payments",
                    "insurance_payments",
                    "net_production",
                    "net_collections",
                ];
                (head, lines)
            }
            ReportKind::Appointments => {
                let r = self.appointments_report(range()?, req.provider).await?;
                let mut lines: Vec<Vec<String>> = r
                    .rows
                    .iter()
                    .map(|x| {
                        let lead = vec![x.date.clone(), x.provider.clone()];
                        with(lead, outcome_cells(&x.counts))
                    })
                    .collect();
                lines.push(with(
                    vec!["total".into(), String::new()],
                    outcome_cells(&r.totals),
                ));
                let head = vec![
                    "date",
                    "provider",
                    "booked",
                    "completed",
                    "cancelled",
                    "late_cancelled",
                    "no_show",
                    "open",
                    "completed_rate_pct",
                    "cancelled_rate_pct",
                    "late_cancelled_rate_pct",
                    "no_show_rate_pct",
                    "scheduled_production",
                ];
                (head, lines)
            }
            ReportKind::Recall => {
                let r = self.recall_report(range()?).await?;
                let mut lines: Vec<Vec<String>> = r
                    .rows
                    .iter()
                    .map(|x| {
                        let lead = vec![x.recall.clone(), x.interval_months.to_string()];
                        with(lead, recall_cells(&x.counts))
                    })
                    .collect();
                lines.push(with(
                    vec!["total".into(), String::new()],
                    recall_cells(&r.totals),
                ));
                let head = vec![
                    "recall",
                    "interval_months",
                    "due",
                    "seen",
                    "booked",
                    "overdue",
                    "unbooked",
                    "visits",
                    "left_booked",
                    "left_booked_pct",
                ];
                (head, lines)
            }
            ReportKind::NewPatients | ReportKind::Referrals => {
                let r = if req.kind == ReportKind::NewPatients {
                    self.new_patients_report(range()?).await?
                } else {
                    self.referrals_report(range()?).await?
                };
                let mut lines: Vec<Vec<String>> = r
                    .rows
                    .iter()
                    .map(|x| {
                        vec![
                            x.month.clone(),
                            x.source.clone(),
                            x.new_patients.to_string(),
                            money(x.production),
                        ]
                    })
                    .collect();
                lines.push(vec![
                    "total".into(),
                    String::new(),
                    r.totals.new_patients.to_string(),
                    money(r.totals.production),
                ]);
                (vec!["month", "source", "new_patients", "production"], lines)
            }
            ReportKind::Aging => {
                let r = self.aging_report().await?;
                let mut lines: Vec<Vec<String>> = r
                    .rows
                    .iter()
                    .map(|x| {
                        let lead =
                            vec![x.guarantor_id.to_string(), x.name.clone(), x.phone.clone()];
                        let mut v = with(lead, aging_cells(&x.amounts));
                        v.push(x.last_payment_date.clone().unwrap_or_default());
                        v.push(x.last_payment_amount.map(money).unwrap_or_default());
                        v.push(x.last_statement_date.clone().unwrap_or_default());
                        v
                    })
                    .collect();
                let mut total = with(
                    vec!["total".into(), String::new(), String::new()],
                    aging_cells(&r.totals),
                );
                total.extend([String::new(), String::new(), String::new()]);
                lines.push(total);
                let head = vec![
                    "guarantor_id",
                    "name",
                    "phone",
                    "current_0_30",
                    "days_31_60",
                    "days_61_90",
                    "over_90",
                    "total",
                    "insurance_pending",
                    "patient_due",
                    "last_payment_date",
                    "last_payment_amount",
                    "last_statement_date",
                ];
                (head, lines)
            }
            ReportKind::InsuranceAging => {
                let r = self.insurance_aging_report().await?;
                let mut lines: Vec<Vec<String>> = r
                    .rows
                    .iter()
                    .map(|x| {
                        vec![
                            x.claim_id.to_string(),
                            x.plan.clone(),
                            x.patient.clone(),
                            x.service_date.clone(),
                            x.sent_on.clone().unwrap_or_default(),
                            x.days_outstanding.to_string(),
                            money(x.amount),
                            money(x.expected),
                            x.status.clone(),
                            x.follow_up_on.clone().unwrap_or_default(),
                        ]
                    })
                    .collect();
                let mut total = vec![String::new(); 10];
                total[0] = "total".into();
                total[6] = money(r.totals.amount);
                total[7] = money(r.totals.expected);
                lines.push(total);
                let head = vec![
                    "claim_id",
                    "plan",
                    "patient",
                    "service_date",
                    "sent_on",
                    "days_outstanding",
                    "amount",
                    "expected",
                    "status",
                    "follow_up_on",
                ];
                (head, lines)
            }
            ReportKind::Unbilled => {
                let r = self.unbilled_report().await?;
                let mut lines: Vec<Vec<String>> = r
                    .rows
                    .iter()
                    .map(|x| {
                        let kind = match x.kind {
                            super::unbilled::UnbilledKind::Procedure => "procedure",
                            super::unbilled::UnbilledKind::DraftClaim => "draft_claim",
                        };
                        vec![
                            kind.into(),
                            x.date.clone(),
                            x.days.to_string(),
                            x.patient.clone(),
                            x.plan.clone(),
                            x.what.clone(),
                            money(x.amount),
                        ]
                    })
                    .collect();
                let mut total = vec![String::new(); 7];
                total[0] = "total".into();
                total[6] = money(r.totals.amount);
                lines.push(total);
                let head = vec!["kind", "date", "days", "patient", "plan", "what", "amount"];
                (head, lines)
            }
            ReportKind::Unearned => {
                let r = self.unearned_report().await?;
                let mut lines: Vec<Vec<String>> = r
                    .rows
                    .iter()
                    .map(|x| {
                        let kind = match x.kind {
                            super::unearned::UnearnedKind::Package => "package",
                            super::unearned::UnearnedKind::Credit => "credit",
                        };
                        vec![
                            kind.into(),
                            x.patient.clone(),
                            x.what.clone(),
                            x.date.clone().unwrap_or_default(),
                            money(x.amount),
                        ]
                    })
                    .collect();
                lines.push(vec![
                    "total".into(),
                    String::new(),
                    String::new(),
                    String::new(),
                    money(r.totals.amount),
                ]);
                (vec!["kind", "patient", "what", "sold_on", "amount"], lines)
            }
        })
    }

    /// The report as CSV bytes (UTF-8, `\n` line ends), audited as an export.
    pub async fn report_csv(&self, req: &ReportRequest) -> Result<Vec<u8>, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        self.require(Permission::ViewReports).await?;
        let (head, lines) = self.report_table(req).await?;
        let csv_err = |_| AppError::new(ErrorCode::Internal, "the report CSV could not be written");
        let mut out = csv::Writer::from_writer(Vec::new());
        out.write_record(&head).map_err(csv_err)?;
        for line in &lines {
            out.write_record(line).map_err(csv_err)?;
        }
        let bytes = out.into_inner().map_err(|_| {
            AppError::new(ErrorCode::Internal, "the report CSV could not be written")
        })?;
        let what = format!("{} csv, {} rows", req.kind.name(), lines.len() - 1);
        self.audit_export("report.export", "report", None, &what)
            .await?;
        Ok(bytes)
    }

    /// Saves the report's CSV in `dir` (default: Documents) under a dated name; returns the path.
    pub async fn save_report_csv(
        &self,
        req: &ReportRequest,
        dir: Option<&Path>,
    ) -> Result<PathBuf, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        let bytes = self.report_csv(req).await?;
        let stamp = self.now().format("%Y-%m-%d %H%M%S");
        let name = format!("FrontDesk {} report {stamp}.csv", req.kind.name());
        crate::documents::save_to_folder::save_document(dir, &name, &bytes)
    }
}
