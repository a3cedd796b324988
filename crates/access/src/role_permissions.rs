//! THE role → permission table. A user has their role's permissions, plus any granted, minus any
//! revoked.
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::Permission::{self, *};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    FrontDesk,
    Billing,
    /// Hygienists, assistants, injectors.
    Clinical,
    Manager,
    Admin,
}

const FRONT_DESK: &[Permission] = &[
    ViewPatients,
    EditPatients,
    Schedule,
    EditTreatment,
    TakePayments,
    VerifyInsurance,
    PrintExportPhi,
    // The day sheet: the front desk balances the drawer and the deposit at close.
    ViewReports,
];

const BILLING: &[Permission] = &[
    ViewPatients,
    EditPatients,
    TakePayments,
    AdjustLedger,
    VerifyInsurance,
    ManageInsurancePlans,
    WorkClaims,
    PrintExportPhi,
    ViewReports,
];

const CLINICAL: &[Permission] = &[ViewPatients, Schedule, EditTreatment];

const MANAGER: &[Permission] = &[
    ViewPatients,
    EditPatients,
    Schedule,
    EditTreatment,
    TakePayments,
    AdjustLedger,
    LockLedger,
    VerifyInsurance,
    ManageInsurancePlans,
    WorkClaims,
    PrintExportPhi,
    OfficeSetup,
    ViewReports,
    ViewAudit,
];

impl Role {
    pub const ALL: [Role; 5] = [
        Role::FrontDesk,
        Role::Billing,
        Role::Clinical,
        Role::Manager,
        Role::Admin,
    ];

    /// The role's default permissions.
    pub fn permissions(self) -> &'static [Permission] {
        match self {
            Role::FrontDesk => FRONT_DESK,
            Role::Billing => BILLING,
            Role::Clinical => CLINICAL,
            Role::Manager => MANAGER,
            Role::Admin => &Permission::ALL,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Role::FrontDesk => "front_desk",
            Role::Billing => "billing",
            Role::Clinical => "clinical",
            Role::Manager => "manager",
            Role::Admin => "admin",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::FrontDesk => "Front desk",
            Role::Billing => "Billing",
            Role::Clinical => "Clinical",
            Role::Manager => "Manager",
            Role::Admin => "Administrator",
        }
    }

    pub fn parse(id: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// Role defaults ∪ grants − revokes.
pub fn effective_permissions(
    role: Role,
    grants: &[Permission],
    revokes: &[Permission],
) -> BTreeSet<Permission> {
    let mut set: BTreeSet<Permission> = role.permissions().iter().copied().collect();
    set.extend(grants.iter().copied());
    for r in revokes {
        set.remove(r);
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_has_everything_and_front_desk_cannot_adjust_or_see_the_kit() {
        assert_eq!(Role::Admin.permissions().len(), Permission::ALL.len());
        let fd = effective_permissions(Role::FrontDesk, &[], &[]);
        assert!(fd.contains(&TakePayments));
        assert!(!fd.contains(&AdjustLedger));
        assert!(!fd.contains(&ViewRecoveryKit));
        assert!(!fd.contains(&ManageUsers));
    }

    #[test]
    fn grants_add_and_revokes_win() {
        let p = effective_permissions(Role::FrontDesk, &[AdjustLedger], &[TakePayments]);
        assert!(p.contains(&AdjustLedger));
        assert!(!p.contains(&TakePayments));
        let p = effective_permissions(Role::Clinical, &[ViewAudit], &[ViewAudit]);
        assert!(!p.contains(&ViewAudit));
    }

    #[test]
    fn ids_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.id()), Some(r));
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.id())
            );
        }
    }

    #[test]
    fn only_administrators_manage_users_by_default() {
        for r in Role::ALL {
            let has = r.permissions().contains(&ManageUsers);
            assert_eq!(has, r == Role::Admin, "{r:?}");
        }
    }
}
