//! Payment plans: a guarantor's amount split into instalments with due dates, what has been paid
//! towards it (the family's own payments since the plan started) and the overdue worklist.
use frontdesk_access::Permission;
use frontdesk_domain::money::Cents;
use frontdesk_domain::PatientId;
use frontdesk_insurance::text::parse_typed_date;
use frontdesk_ledger::{instalments, overdue};
use frontdesk_store::family;
use frontdesk_store::ledger::{entries, plans};
use serde::{Deserialize, Serialize};

use crate::money::account::name_of;
use crate::{App, AppError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PaymentPlanDraft {
    /// Any family member; the plan is on their guarantor's account.
    pub patient_id: PatientId,
    pub total_cents: i64,
    pub count: u32,
    /// First due date (typed); the rest follow every `every_months` months.
    pub first_due: String,
    pub every_months: u32,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct InstalmentView {
    pub due: String,
    pub amount_cents: i64,
    /// Covered by payments so far (instalments are paid in due-date order).
    pub paid: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct PaymentPlanView {
    pub id: i64,
    pub guarantor_id: PatientId,
    pub guarantor: String,
    pub total_cents: i64,
    pub paid_cents: i64,
    pub overdue_cents: i64,
    pub overdue_count: u32,
    pub overdue_since: Option<String>,
    pub note: String,
    pub instalments: Vec<InstalmentView>,
}

impl App {
    /// Opens a payment plan; nothing is saved when a figure is wrong or a plan is already open.
    pub async fn create_payment_plan(
        &self,
        d: &PaymentPlanDraft,
    ) -> Result<PaymentPlanView, AppError> {
        self.require(Permission::TakePayments).await?;
        let first = parse_typed_date(&d.first_due)
            .ok_or_else(|| AppError::invalid("first_due", "is not a real date"))?;
        if first < self.today() {
            return Err(AppError::invalid("first_due", "is in the past"));
        }
        let list = instalments(Cents(d.total_cents), d.count, first, d.every_months)?;
        let guarantor = entries::guarantor_of(&self.db, d.patient_id).await?;
        let now = self.cfg.clock.now();
        let id = plans::create(
            &self.db,
            guarantor,
            Cents(d.total_cents),
            self.today(),
            &d.note,
            &list,
            &self.actor(),
            now,
        )
        .await?;
        self.payment_plan(d.patient_id)
            .await?
            .filter(|p| p.id == id)
            .ok_or_else(|| AppError::new(crate::ErrorCode::Internal, "the plan was not saved"))
    }

    /// The open plan of the patient's guarantor, if any.
    pub async fn payment_plan(
        &self,
        patient: PatientId,
    ) -> Result<Option<PaymentPlanView>, AppError> {
        self.require(Permission::ViewPatients).await?;
        let guarantor = entries::guarantor_of(&self.db, patient).await?;
        match plans::open_for(&self.db, guarantor).await? {
            Some(p) => Ok(Some(self.plan_view(p).await?)),
            None => Ok(None),
        }
    }

    pub async fn close_payment_plan(&self, plan: i64) -> Result<(), AppError> {
        self.require(Permission::TakePayments).await?;
        Ok(plans::close(&self.db, plan, &self.actor(), self.cfg.clock.now()).await?)
    }

    /// Open plans with an instalment past due, longest overdue first.
    pub async fn overdue_plans(&self) -> Result<Vec<PaymentPlanView>, AppError> {
        self.require(Permission::ViewPatients).await?;
        let mut out = Vec::new();
        for p in plans::all_open(&self.db).await? {
            let v = self.plan_view(p).await?;
            if v.overdue_cents > 0 {
                out.push(v);
            }
        }
        out.sort_by(|a, b| a.overdue_since.cmp(&b.overdue_since));
        Ok(out)
    }

    async fn plan_view(&self, p: plans::StoredPlan) -> Result<PaymentPlanView, AppError> {
        let paid = plans::paid_since(&self.db, p.guarantor_id, p.starts_on).await?;
        let late = overdue(&p.instalments, paid, self.today());
        let mut left = paid;
        let instalments = p
            .instalments
            .iter()
            .map(|i| {
                let covered = left >= i.amount;
                left = Cents((left.0 - i.amount.0).max(0));
                InstalmentView {
                    due: i.due.to_string(),
                    amount_cents: i.amount.0,
                    paid: covered,
                }
            })
            .collect();
        let who = family::summary(&self.db, p.guarantor_id).await?;
        Ok(PaymentPlanView {
            id: p.id,
            guarantor_id: p.guarantor_id,
            guarantor: name_of(&who),
            total_cents: p.total.0,
            paid_cents: paid.0.min(p.total.0),
            overdue_cents: late.amount.0,
            overdue_count: late.instalments,
            overdue_since: late.since.map(|d| d.to_string()),
            note: p.note,
            instalments,
        })
    }
}
