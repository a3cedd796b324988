//! Cosmetic packages and memberships: the office's list, selling one (a prepaid charge on the
//! ledger), redeeming sessions at check-out, and what is left (sessions and their value).
use frontdesk_access::Permission;
use frontdesk_domain::money::Cents;
use frontdesk_domain::PatientId;
use frontdesk_ledger::package_value::{remaining_sessions, remaining_value};
use frontdesk_ledger::{EntryKind, NewEntry};
use frontdesk_store::ledger::{entries, packages};
use serde::{Deserialize, Serialize};

use crate::{App, AppError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PackageView {
    pub id: i64,
    pub name: String,
    pub sessions: i64,
    pub price_cents: i64,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct PackageBalance {
    pub sale_id: i64,
    pub name: String,
    pub sold_on: String,
    pub sessions: i64,
    pub remaining: i64,
    /// The remaining sessions at the price paid per session (rounded down to the cent, once).
    pub remaining_value_cents: i64,
}

/// The code a package sale is charged under on the ledger.
pub const PACKAGE_CODE: &str = "PKG";

impl App {
    pub async fn packages(&self) -> Result<Vec<PackageView>, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(packages::packages(&self.db)
            .await?
            .into_iter()
            .map(|p| PackageView {
                id: p.id,
                name: p.name,
                sessions: p.sessions,
                price_cents: p.price_cents,
                active: p.active,
            })
            .collect())
    }

    /// Adds a package to the office's list (e.g. "3 laser sessions", 3, $900.00).
    pub async fn add_package(
        &self,
        name: &str,
        sessions: i64,
        price_cents: i64,
    ) -> Result<PackageView, AppError> {
        self.require(Permission::OfficeSetup).await?;
        let name = name.trim();
        if name.is_empty() {
            return Err(AppError::invalid("name", "Enter the package's name."));
        }
        if !(1..=1000).contains(&sessions) {
            return Err(AppError::invalid("sessions", "Enter 1 to 1000 sessions."));
        }
        if price_cents <= 0 {
            return Err(AppError::invalid(
                "price",
                "Enter a price greater than zero.",
            ));
        }
        let id = packages::add_package(&self.db, name, sessions, Cents(price_cents)).await?;
        Ok(PackageView {
            id,
            name: name.into(),
            sessions,
            price_cents,
            active: true,
        })
    }

    /// Sells a package to the patient: a charge at the package price, dated today.
    pub async fn sell_package(&self, patient: PatientId, package: i64) -> Result<(), AppError> {
        self.require(Permission::TakePayments).await?;
        let p = packages::package(&self.db, package).await?;
        if !p.active {
            return Err(AppError::new(
                crate::ErrorCode::Refused,
                "That package is no longer sold.",
            ));
        }
        let charge = NewEntry {
            patient_id: patient,
            guarantor_id: entries::guarantor_of(&self.db, patient).await?,
            date: self.today(),
            actor: self.actor(),
            note: format!("Package: {}", p.name),
            kind: EntryKind::Charge {
                code: PACKAGE_CODE.into(),
                treatment_item_id: None,
                amount: Cents(p.price_cents),
            },
        };
        let lock = self.locked_through().await?;
        packages::sell(&self.db, &p, &charge, lock, self.cfg.clock.now()).await?;
        Ok(())
    }

    /// Uses one session of a sold package (at check-out), optionally for an appointment.
    pub async fn redeem_session(
        &self,
        sale: i64,
        appointment: Option<i64>,
    ) -> Result<(), AppError> {
        self.require(Permission::TakePayments).await?;
        let now = self.cfg.clock.now();
        Ok(packages::redeem(
            &self.db,
            sale,
            appointment,
            self.today(),
            &self.actor(),
            now,
        )
        .await?)
    }

    /// The patient's packages with the sessions and value left.
    pub async fn package_balances(
        &self,
        patient: PatientId,
    ) -> Result<Vec<PackageBalance>, AppError> {
        self.require(Permission::ViewPatients).await?;
        Ok(packages::sales_for(&self.db, patient)
            .await?
            .into_iter()
            .map(|s| PackageBalance {
                sale_id: s.id,
                name: s.name,
                sold_on: s.sold_on.to_string(),
                sessions: s.sessions,
                remaining: remaining_sessions(s.sessions, s.redeemed),
                remaining_value_cents: remaining_value(
                    Cents(s.price_cents),
                    s.sessions,
                    s.redeemed,
                )
                .0,
            })
            .collect())
    }
}
