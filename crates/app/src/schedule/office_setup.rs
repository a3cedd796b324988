//! The set-up a manager does once: slot length and opening hours, providers and their working
//! hours, operatories, appointment types, holidays and blockouts. Each change is checked by the
//! scheduling rules' validators and changes nothing when refused.
use frontdesk_access::Permission;
use frontdesk_insurance::text::parse_typed_date;
use frontdesk_scheduling::{
    AppointmentType, Blockout, Holiday, Operatory, Provider, SlotUnit, WeeklyHours,
};
use frontdesk_store::schedule::{self, OfficeSchedule};

use crate::schedule::appointments::ScheduleSetup;
use crate::{App, AppError};

impl App {
    /// Slot length (5, 10 or 15 minutes) and opening hours.
    pub async fn set_office_hours(
        &self,
        slot_minutes: u32,
        hours: &WeeklyHours,
    ) -> Result<ScheduleSetup, AppError> {
        self.require(Permission::OfficeSetup).await?;
        SlotUnit::from_minutes(slot_minutes)?;
        hours.validate()?;
        schedule::set_office_schedule(
            &self.db,
            &OfficeSchedule {
                slot_minutes,
                hours: hours.clone(),
            },
        )
        .await?;
        self.schedule_setup().await
    }

    /// Adds (`id` 0) or changes a provider and their working hours.
    pub async fn save_provider(&self, p: &Provider) -> Result<ScheduleSetup, AppError> {
        self.require(Permission::OfficeSetup).await?;
        let mut p = p.clone();
        p.name = p.name.trim().to_string();
        p.validate()?;
        schedule::save_provider(&self.db, &p).await?;
        self.schedule_setup().await
    }

    pub async fn save_operatory(&self, o: &Operatory) -> Result<ScheduleSetup, AppError> {
        self.require(Permission::OfficeSetup).await?;
        let name = o.name.trim();
        if name.is_empty() || name.chars().count() > 60 {
            return Err(AppError::invalid(
                "name",
                "is required (at most 60 characters)",
            ));
        }
        let o = Operatory {
            id: o.id,
            name: name.to_string(),
        };
        schedule::save_operatory(&self.db, &o).await?;
        self.schedule_setup().await
    }

    /// Adds (`id` 0) or changes a shared device and the rooms it can be used in.
    pub async fn save_device(
        &self,
        d: &frontdesk_scheduling::Device,
    ) -> Result<ScheduleSetup, AppError> {
        self.require(Permission::OfficeSetup).await?;
        let office = self.office().await?;
        let mut d = d.clone();
        d.name = d.name.trim().to_string();
        d.validate(&office.operatories)?;
        schedule::save_device(&self.db, &d).await?;
        self.schedule_setup().await
    }

    /// Adds (`id` 0) or changes an appointment type; its length is in the office's slots.
    pub async fn save_appointment_type(
        &self,
        t: &AppointmentType,
    ) -> Result<ScheduleSetup, AppError> {
        self.require(Permission::OfficeSetup).await?;
        let office = self.office().await?;
        let mut t = t.clone();
        t.name = t.name.trim().to_string();
        t.procedure_codes = t
            .procedure_codes
            .iter()
            .map(|c| c.trim().to_uppercase())
            .filter(|c| !c.is_empty())
            .collect();
        t.validate(office.slot)?;
        if t.id == 0 {
            schedule::add_appointment_type(&self.db, &t).await?;
        } else {
            schedule::update_appointment_type(&self.db, &t).await?;
        }
        self.schedule_setup().await
    }

    /// Marks a local date closed (`3/10/2026` or `2026-03-10`).
    pub async fn add_holiday(&self, date: &str, name: &str) -> Result<ScheduleSetup, AppError> {
        self.require(Permission::OfficeSetup).await?;
        let day = parse_typed_date(date)
            .ok_or_else(|| AppError::invalid("date", "is not a real date (e.g. 12/25/2026)"))?;
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(AppError::invalid(
                "name",
                "is required (at most 100 characters)",
            ));
        }
        schedule::add_holiday(
            &self.db,
            &Holiday {
                date: day,
                name: name.into(),
            },
        )
        .await?;
        self.schedule_setup().await
    }

    pub async fn remove_holiday(&self, date: &str) -> Result<ScheduleSetup, AppError> {
        self.require(Permission::OfficeSetup).await?;
        let day = parse_typed_date(date)
            .ok_or_else(|| AppError::invalid("date", "is not a real date (e.g. 12/25/2026)"))?;
        schedule::remove_holiday(&self.db, day).await?;
        self.schedule_setup().await
    }

    pub async fn add_blockout(&self, b: &Blockout) -> Result<ScheduleSetup, AppError> {
        self.require(Permission::OfficeSetup).await?;
        let mut b = b.clone();
        b.reason = b.reason.trim().to_string();
        b.validate()?;
        schedule::add_blockout(&self.db, &b).await?;
        self.schedule_setup().await
    }

    /// Adds (`id` 0) or changes a recall type (interval 1–60 months, at least one code).
    pub async fn save_recall_type(
        &self,
        r: &frontdesk_scheduling::RecallType,
    ) -> Result<ScheduleSetup, AppError> {
        self.require(Permission::OfficeSetup).await?;
        let mut r = r.clone();
        r.name = r.name.trim().to_string();
        r.procedure_codes = r
            .procedure_codes
            .iter()
            .map(|c| c.trim().to_uppercase())
            .filter(|c| !c.is_empty())
            .collect();
        r.validate()?;
        if r.id == 0 {
            frontdesk_store::recall::add_recall_type(&self.db, &r).await?;
        } else {
            frontdesk_store::recall::update_recall_type(&self.db, &r).await?;
        }
        self.schedule_setup().await
    }

    pub async fn remove_blockout(&self, id: i64) -> Result<ScheduleSetup, AppError> {
        self.require(Permission::OfficeSetup).await?;
        schedule::remove_blockout(&self.db, id).await?;
        self.schedule_setup().await
    }
}
