//! The named permissions. Each use-case in `frontdesk-app` needs exactly one of them.
use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Find and open patient records, the schedule, worklists and accounts (all show PHI).
    ViewPatients,
    /// Add and change patient records, families, coverages, contact notes.
    EditPatients,
    /// Book, move, cancel appointments and step visits; recall and ASAP lists.
    Schedule,
    /// Treatment plans: add, reorder, complete procedures.
    EditTreatment,
    /// Post payments, sell and redeem packages, set up payment plans.
    TakePayments,
    /// Discounts, write-offs, refunds, reversals.
    AdjustLedger,
    /// Close (lock) a ledger period.
    LockLedger,
    /// Verify eligibility and benefits used.
    VerifyInsurance,
    /// Carriers, plans and their benefits.
    ManageInsurancePlans,
    /// Claims and pre-authorizations.
    WorkClaims,
    /// Print or save PHI: statements, check-in packets, receipts, claim forms, exports.
    PrintExportPhi,
    /// Office hours, providers, rooms, types, documents' texts, office settings.
    OfficeSetup,
    /// Day sheet and reports.
    ViewReports,
    /// Read and export the audit log.
    ViewAudit,
    /// Add, deactivate, reset, unlock users; change roles and permissions.
    ManageUsers,
    /// Back up, verify, restore; re-encrypt the database.
    BackupsRestore,
    /// Show the recovery kit (it decodes to the database key).
    ViewRecoveryKit,
}

impl Permission {
    pub const ALL: [Permission; 17] = [
        Permission::ViewPatients,
        Permission::EditPatients,
        Permission::Schedule,
        Permission::EditTreatment,
        Permission::TakePayments,
        Permission::AdjustLedger,
        Permission::LockLedger,
        Permission::VerifyInsurance,
        Permission::ManageInsurancePlans,
        Permission::WorkClaims,
        Permission::PrintExportPhi,
        Permission::OfficeSetup,
        Permission::ViewReports,
        Permission::ViewAudit,
        Permission::ManageUsers,
        Permission::BackupsRestore,
        Permission::ViewRecoveryKit,
    ];

    /// The id used in the CLI, the database and error messages (`view_patients`…).
    pub fn id(self) -> &'static str {
        match self {
            Permission::ViewPatients => "view_patients",
            Permission::EditPatients => "edit_patients",
            Permission::Schedule => "schedule",
            Permission::EditTreatment => "edit_treatment",
            Permission::TakePayments => "take_payments",
            Permission::AdjustLedger => "adjust_ledger",
            Permission::LockLedger => "lock_ledger",
            Permission::VerifyInsurance => "verify_insurance",
            Permission::ManageInsurancePlans => "manage_insurance_plans",
            Permission::WorkClaims => "work_claims",
            Permission::PrintExportPhi => "print_export_phi",
            Permission::OfficeSetup => "office_setup",
            Permission::ViewReports => "view_reports",
            Permission::ViewAudit => "view_audit",
            Permission::ManageUsers => "manage_users",
            Permission::BackupsRestore => "backups_restore",
            Permission::ViewRecoveryKit => "view_recovery_kit",
        }
    }

    /// What the permission allows, in the coordinator's words.
    pub fn label(self) -> &'static str {
        match self {
            Permission::ViewPatients => "view patients",
            Permission::EditPatients => "edit patients",
            Permission::Schedule => "schedule",
            Permission::EditTreatment => "edit treatment plans",
            Permission::TakePayments => "take payments",
            Permission::AdjustLedger => "adjust the ledger",
            Permission::LockLedger => "lock the ledger",
            Permission::VerifyInsurance => "verify insurance",
            Permission::ManageInsurancePlans => "manage insurance plans",
            Permission::WorkClaims => "work claims",
            Permission::PrintExportPhi => "print or export PHI",
            Permission::OfficeSetup => "office set-up",
            Permission::ViewReports => "view reports",
            Permission::ViewAudit => "view the audit log",
            Permission::ManageUsers => "manage users",
            Permission::BackupsRestore => "backups and restore",
            Permission::ViewRecoveryKit => "view the recovery kit",
        }
    }

    pub fn parse(id: &str) -> Option<Permission> {
        Permission::ALL.into_iter().find(|p| p.id() == id)
    }
}

impl std::fmt::Display for Permission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for p in Permission::ALL {
            assert_eq!(Permission::parse(p.id()), Some(p));
            assert!(seen.insert(p.id()));
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(json, format!("\"{}\"", p.id()));
        }
        assert_eq!(Permission::parse("root"), None);
    }
}
