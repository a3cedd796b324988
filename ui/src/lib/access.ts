// Who may do what, as the window shows it: one helper (`may`) over the signed-in user's effective
// permissions (from Rust: role ∪ grants − revokes). The app crate enforces every permission
// anyway; the window only hides what would be refused.
import type { Permission, Role, SessionUser } from "../bindings";

/** Does `user` have `permission`? (No user: nothing.) */
export function may(user: Pick<SessionUser, "permissions"> | null | undefined, permission: Permission): boolean {
  return !!user && user.permissions.includes(permission);
}

/** Does `user` have at least one of `permissions`? (An empty list: anyone signed in.) */
export function mayAny(user: Pick<SessionUser, "permissions"> | null | undefined, permissions: readonly Permission[]): boolean {
  return !!user && (permissions.length === 0 || permissions.some((p) => may(user, p)));
}

export const ROLES: readonly { id: Role; label: string }[] = [
  { id: "front_desk", label: "Front desk" },
  { id: "billing", label: "Billing" },
  { id: "clinical", label: "Clinical" },
  { id: "manager", label: "Manager" },
  { id: "admin", label: "Administrator" },
];

export function roleLabel(role: Role): string {
  return ROLES.find((r) => r.id === role)?.label ?? role;
}

/** Every permission, in the order the Users panel lists them, with the words it shows. */
export const PERMISSIONS: readonly { id: Permission; label: string }[] = [
  { id: "view_patients", label: "See patients, schedule, worklists, accounts" },
  { id: "edit_patients", label: "Change patient records and coverages" },
  { id: "schedule", label: "Book and step appointments" },
  { id: "edit_treatment", label: "Treatment plans" },
  { id: "take_payments", label: "Take payments, packages, payment plans" },
  { id: "adjust_ledger", label: "Adjustments and reversals" },
  { id: "lock_ledger", label: "Lock a ledger period" },
  { id: "verify_insurance", label: "Verify insurance" },
  { id: "manage_insurance_plans", label: "Carriers and plans" },
  { id: "work_claims", label: "Claims and pre-authorizations" },
  { id: "print_export_phi", label: "Print and save patient documents" },
  { id: "office_setup", label: "Office set-up" },
  { id: "view_reports", label: "Day sheet and reports" },
  { id: "view_audit", label: "Audit log" },
  { id: "manage_users", label: "Users" },
  { id: "backups_restore", label: "Backups and restore" },
  { id: "view_recovery_kit", label: "Recovery kit" },
];

/** A PIN is 4–8 digits. */
export function validPin(pin: string): boolean {
  return /^\d{4,8}$/.test(pin);
}
