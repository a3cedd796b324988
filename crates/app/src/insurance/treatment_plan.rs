//! The treatment plan on the patient card: procedures in order with each plan's estimate, the
//! write-off and the patient portion, and why; "due today" for procedures completed today.
use chrono::NaiveDate;
use frontdesk_access::Permission;
use frontdesk_domain::money::Cents;
use frontdesk_domain::PatientId;
use frontdesk_insurance::benefit_year::benefit_year;
use frontdesk_insurance::estimate::Code;
use frontdesk_insurance::estimate::Used;
use frontdesk_insurance::patient_estimate::{
    estimate_treatment, CoverageForEstimate, PriorProcedure, ProcedureToEstimate,
    TreatmentEstimate, TreatmentToEstimate,
};
use frontdesk_insurance::text::parse_typed_date;
use frontdesk_insurance::treatment::validate_treatment_item;
use frontdesk_insurance::{
    Coverage, Rank, TreatmentItem, TreatmentItemDraft, TreatmentItemId, TreatmentStatus,
};
use frontdesk_store::{
    claims, coverages, fee_schedule, patients, preauths, treatment, verifications,
};
use serde::Serialize;

use crate::{App, AppError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct TreatmentPlanView {
    /// Every procedure, in plan order (planned and completed).
    pub items: Vec<TreatmentItem>,
    /// The planned procedures estimated in order, as of today.
    pub estimate: TreatmentEstimate,
    /// `YYYY-MM-DD` the estimate is for.
    pub as_of: String,
}

impl App {
    pub async fn treatment_plan(&self, patient: PatientId) -> Result<TreatmentPlanView, AppError> {
        self.require(Permission::ViewPatients).await?;
        let items = treatment::items(&self.db, patient).await?;
        let today = self.today();
        let planned: Vec<&TreatmentItem> = items
            .iter()
            .filter(|i| i.status == TreatmentStatus::Planned)
            .collect();
        let estimate = self
            .estimate_items(patient, today, &items, &planned)
            .await?;
        Ok(TreatmentPlanView {
            items,
            estimate,
            as_of: today.to_string(),
        })
    }

    /// Adds a procedure at the end of the plan, with the fee from the office fee schedule.
    pub async fn add_treatment(
        &self,
        patient: PatientId,
        draft: &TreatmentItemDraft,
    ) -> Result<TreatmentPlanView, AppError> {
        self.require(Permission::EditTreatment).await?;
        let d = validate_treatment_item(draft)?;
        let fee = treatment::fee_for(&self.db, &d.code)
            .await?
            .ok_or_else(|| AppError::invalid("code", "is not in the office fee schedule"))?;
        let now = self.cfg.clock.now();
        treatment::add(&self.db, patient, &d, fee, &self.actor(), now).await?;
        self.treatment_plan(patient).await
    }

    /// Moves a procedure to `position` (1 = first); estimates follow the new order.
    pub async fn move_treatment(
        &self,
        patient: PatientId,
        item: TreatmentItemId,
        position: i64,
    ) -> Result<TreatmentPlanView, AppError> {
        self.require(Permission::EditTreatment).await?;
        let now = self.cfg.clock.now();
        treatment::move_to(&self.db, patient, item, position, &self.actor(), now).await?;
        self.treatment_plan(patient).await
    }

    /// Marks a procedure completed on `day` (`YYYY-MM-DD`, not in the future).
    pub async fn complete_treatment(
        &self,
        patient: PatientId,
        item: TreatmentItemId,
        day: &str,
    ) -> Result<TreatmentPlanView, AppError> {
        self.require(Permission::EditTreatment).await?;
        let day = parse_typed_date(day).ok_or_else(|| {
            AppError::invalid("completed_on", "is not a real date (e.g. 03/10/2026)")
        })?;
        if day > self.today() {
            return Err(AppError::invalid("completed_on", "is in the future"));
        }
        let now = self.cfg.clock.now();
        let lock = self.locked_through().await?;
        treatment::complete(&self.db, patient, item, day, lock, &self.actor(), now).await?;
        self.treatment_plan(patient).await
    }

    pub async fn remove_treatment(
        &self,
        patient: PatientId,
        item: TreatmentItemId,
    ) -> Result<TreatmentPlanView, AppError> {
        self.require(Permission::EditTreatment).await?;
        let now = self.cfg.clock.now();
        treatment::remove(&self.db, patient, item, &self.actor(), now).await?;
        self.treatment_plan(patient).await
    }

    /// What the patient owes today: each plan's estimate, the write-off and the patient portion,
    /// with the reasons, for the procedures completed today and the planned ones today's
    /// appointments are booked for (by their appointment types' procedure codes).
    pub async fn due_today(&self, patient: PatientId) -> Result<TreatmentEstimate, AppError> {
        self.require(Permission::ViewPatients).await?;
        let today = self.today();
        let items = treatment::items(&self.db, patient).await?;
        let today_text = today.to_string();
        let mut due: Vec<&TreatmentItem> = items
            .iter()
            .filter(|i| i.completed_on.as_deref() == Some(today_text.as_str()))
            .collect();
        for code in self.codes_booked_today(patient).await? {
            let planned = items.iter().find(|i| {
                i.status == TreatmentStatus::Planned
                    && i.code == code
                    && !due.iter().any(|d| d.id == i.id)
            });
            due.extend(planned);
        }
        due.sort_by_key(|i| i.position);
        self.estimate_items(patient, today, &items, &due).await
    }

    /// The procedure codes of the patient's appointments today that are not cancelled, missed or
    /// already checked out (each as booked, by default its type's).
    async fn codes_booked_today(&self, patient: PatientId) -> Result<Vec<String>, AppError> {
        let span = frontdesk_scheduling::day_bounds(self.tz, self.today());
        let mut codes = Vec::new();
        for a in frontdesk_store::schedule::between(&self.db, span.start, span.end).await? {
            let open = !matches!(
                a.appointment.status,
                frontdesk_scheduling::AppointmentStatus::Cancelled
                    | frontdesk_scheduling::AppointmentStatus::Broken
                    | frontdesk_scheduling::AppointmentStatus::Completed
            );
            if a.patient_id == patient && open {
                codes.extend(a.procedures);
            }
        }
        Ok(codes)
    }

    /// Coverages in force on `day`: at most one primary and one secondary, primary first.
    pub(crate) async fn coverages_in_force(
        &self,
        patient: PatientId,
        day: NaiveDate,
    ) -> Result<Vec<(Coverage, frontdesk_insurance::Plan)>, AppError> {
        let mut out: Vec<(Coverage, frontdesk_insurance::Plan)> = Vec::new();
        for (c, p) in coverages::coverages_with_plans(&self.db, patient).await? {
            if c.active_on(day) && !out.iter().any(|(o, _)| o.details.rank == c.details.rank) {
                out.push((c, p));
            }
        }
        out.sort_by_key(|(c, _)| c.details.rank);
        if out
            .first()
            .is_some_and(|(c, _)| c.details.rank != Rank::Primary)
        {
            out.clear(); // a secondary without a primary is not estimated as if it were primary
        }
        Ok(out)
    }

    /// Estimates `chosen` (in that order) on `day`; the patient's other completed procedures (with
    /// their teeth) are the history for frequency limits, the patient's date of birth is checked
    /// against age limits, and the office fee schedule gives the fees alternate benefits are paid
    /// on. Benefits posted for codes a plan exempts from its maximum do not count toward it.
    pub(crate) async fn estimate_items(
        &self,
        patient: PatientId,
        day: NaiveDate,
        all: &[TreatmentItem],
        chosen: &[&TreatmentItem],
    ) -> Result<TreatmentEstimate, AppError> {
        let mut covs = Vec::new();
        for (c, plan) in self.coverages_in_force(patient, day).await? {
            let (from, to) = benefit_year(&plan.details.benefits.benefit_year_start, day);
            let exempt = plan.details.benefits.max_exempt_codes();
            let mut posted = claims::BenefitsUsed::default();
            for (code, u) in
                claims::benefits_used_by_code(&self.db, c.id, patient, from, to).await?
            {
                if !Code::parse(&code).is_ok_and(|c| exempt.contains(c)) {
                    posted.paid += u.paid;
                    posted.family_paid += u.family_paid;
                }
                posted.deductible += u.deductible;
                posted.family_deductible += u.family_deductible;
            }
            let (elsewhere, deductible_elsewhere) =
                verifications::used_elsewhere(&self.db, c.id, from, to).await?;
            covs.push(CoverageForEstimate {
                coverage_id: c.id,
                label: plan.label(),
                effective: parse_typed_date(&c.details.effective).unwrap_or(day),
                plan: plan.details,
                used: Used {
                    annual: posted.paid + elsewhere,
                    family: posted.family_paid + elsewhere,
                    deductible: posted.deductible + deductible_elsewhere,
                    family_deductible: posted.family_deductible + deductible_elsewhere,
                },
            });
        }
        // Completed this benefit year and not settled by the plan yet (no paid or denied claim):
        // estimated first, so they use up deductible and maximum as the plan will.
        let year_from = covs
            .first()
            .map(|c| benefit_year(&c.plan.benefits.benefit_year_start, day).0)
            .unwrap_or(day);
        let settled = claims::settled_items(&self.db, patient).await?;
        let done_on = |i: &TreatmentItem| i.completed_on.as_deref().and_then(parse_typed_date);
        let is_chosen = |i: &TreatmentItem| chosen.iter().any(|c| c.id == i.id);
        let mut pending: Vec<&TreatmentItem> = all
            .iter()
            .filter(|i| !is_chosen(i) && !settled.contains(&i.id))
            .filter(|i| done_on(i).is_some_and(|d| d >= year_from && d <= day))
            .collect();
        pending.sort_by_key(|i| (done_on(i), i.position));
        let history: Vec<PriorProcedure> = all
            .iter()
            .filter(|i| !is_chosen(i) && !pending.iter().any(|p| p.id == i.id))
            .filter_map(|i| {
                Some(PriorProcedure {
                    code: i.code.clone(),
                    tooth: i.tooth.clone(),
                    date: done_on(i)?,
                })
            })
            .collect();
        let procedures: Vec<ProcedureToEstimate> = pending
            .iter()
            .map(|i| (i, true))
            .chain(chosen.iter().map(|i| (i, false)))
            .map(|(i, pending)| ProcedureToEstimate {
                item_id: i.id,
                code: i.code.clone(),
                tooth: i.tooth.clone(),
                fee: Cents(i.fee_cents),
                units: u32::try_from(i.units).unwrap_or(1),
                pending,
            })
            .collect();
        let approved = preauths::approved_amounts(&self.db, patient, day).await?;
        let birth_date = patients::get(&self.db, patient).await?.date_of_birth;
        let office_fees = fee_schedule::list(&self.db).await?;
        Ok(estimate_treatment(&TreatmentToEstimate {
            date: day,
            birth_date: Some(birth_date),
            coverages: &covs,
            history: &history,
            procedures: &procedures,
            approved: &approved,
            office_fees: &office_fees,
        })?)
    }
}
