//! The walkout receipt at check-out: the patient's procedures and the family's payments and
//! adjustments of the day, the account's balance, estimated insurance and patient due, and the
//! next appointment.
use frontdesk_access::Permission;
use frontdesk_documents::{receipt_pdf, FontMode, ReceiptDoc, ReceiptLine};
use frontdesk_domain::PatientId;
use frontdesk_ledger::EntryKind;
use frontdesk_scheduling::AppointmentStatus;
use frontdesk_store::ledger::entries;

use crate::{App, AppError};

impl App {
    /// Today's walkout receipt for `patient`.
    pub async fn walkout_receipt(&self, patient: PatientId) -> Result<Vec<u8>, AppError> {
        self.require(Permission::PrintExportPhi).await?;
        let guarantor = entries::guarantor_of(&self.db, patient).await?;
        let stored = entries::for_guarantor(&self.db, guarantor).await?;
        let account = self.account_view(guarantor, &stored).await?;
        let today = self.today().to_string();
        // Payments posted today in a batch that touched this patient (a family payment counts whole).
        let batches: Vec<i64> = stored
            .iter()
            .filter(|s| s.entry.patient_id == patient && s.entry.date.to_string() == today)
            .map(|s| s.batch_id)
            .collect();
        let line = |l: &crate::money::account::AccountLine, label: String| ReceiptLine {
            label,
            detail: l.description.clone(),
            amount: l.charge_cents.unwrap_or(0) - l.credit_cents.unwrap_or(0),
        };
        let mut doc = ReceiptDoc {
            office: self.letterhead().await?,
            account: account.chart_number.clone(),
            date: self.today().format("%m/%d/%Y").to_string(),
            account_balance: account.balance_cents,
            insurance_pending: account.insurance_pending_cents,
            patient_due: account.patient_due_cents,
            printed_by: self.actor(),
            ..Default::default()
        };
        for (s, l) in stored.iter().zip(&account.lines) {
            if l.date != today {
                continue;
            }
            match &s.entry.kind {
                EntryKind::Charge { code, .. } if s.entry.patient_id == patient => {
                    doc.charges_today += l.charge_cents.unwrap_or(0);
                    doc.procedures.push(line(l, code.clone()));
                }
                EntryKind::Payment { .. } if batches.contains(&s.batch_id) => {
                    doc.paid_today += l.credit_cents.unwrap_or(0);
                    let label = l.description.replace("Payment — ", "");
                    doc.payments.push(ReceiptLine {
                        label: capitalized(&label),
                        detail: if s.entry.patient_id == patient {
                            l.note.clone()
                        } else {
                            format!("for {}", l.patient)
                        },
                        amount: l.credit_cents.unwrap_or(0),
                    });
                }
                EntryKind::Adjustment { .. } | EntryKind::Reversal { .. }
                    if s.entry.patient_id == patient =>
                {
                    doc.adjustments.push(line(l, l.kind.clone()));
                }
                _ => {}
            }
        }
        let person = frontdesk_store::family::summary(&self.db, patient).await?;
        doc.patient_name = format!("{} {}", person.first_name, person.last_name);
        doc.next_appointment = self
            .patient_appointments(patient)
            .await?
            .upcoming
            .into_iter()
            .find(|a| {
                a.local_date > today
                    && matches!(
                        a.status,
                        AppointmentStatus::Scheduled | AppointmentStatus::Confirmed
                    )
            })
            .map(|a| {
                format!(
                    "{} at {} — {} with {}",
                    crate::money::statements::us(&a.local_date),
                    a.local_time,
                    a.type_name,
                    a.provider
                )
            });
        self.audit_patient(patient, "patient.print_receipt", "walkout_receipt")
            .await?;
        Ok(receipt_pdf(&doc, FontMode::Embedded)?)
    }
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
