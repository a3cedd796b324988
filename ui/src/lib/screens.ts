// The screens the main navigation offers, in the order of the rail, with their keyboard
// shortcuts: Alt + a letter (mnemonic where it can be: Alt+T Today, Alt+S Schedule…). Alt keeps
// clear of `/` and Ctrl/Cmd+K (search, lib/keys.ts) and of what a field types: in a field they
// fire only when Alt types no character (see `screenForKey`).
import type { Permission, SessionUser } from "../bindings";
import { mayAny } from "./access";
import { isEditable } from "./keys";

export type ScreenGroup = "frontDesk" | "money" | "setup";

export type ScreenId =
  | "today"
  | "schedule"
  | "claims"
  | "daySheet"
  | "reports"
  | "statements"
  | "setup"
  | "insurance"
  | "fees"
  | "users"
  | "audit"
  | "recoveryKit";

export type Screen = {
  id: ScreenId;
  label: string;
  group: ScreenGroup;
  /** The letter pressed with Alt (lower case). */
  key: string;
  /** The nav item's data-testid (the E2E tests click these). */
  testid: string;
  /** Shown to users with at least one of these permissions (what its reads or its panels need). */
  needs: readonly Permission[];
};

export const GROUPS: readonly { id: ScreenGroup; label: string }[] = [
  { id: "frontDesk", label: "Front desk" },
  { id: "money", label: "Money" },
  { id: "setup", label: "Set-up" },
];

export const SCREENS: readonly Screen[] = [
  { id: "today", label: "Today", group: "frontDesk", key: "t", testid: "show-today", needs: ["view_patients"] },
  { id: "schedule", label: "Schedule", group: "frontDesk", key: "s", testid: "show-schedule", needs: ["view_patients"] },
  { id: "claims", label: "Worklists", group: "frontDesk", key: "w", testid: "show-claims", needs: ["view_patients"] },
  { id: "daySheet", label: "Day sheet", group: "money", key: "d", testid: "show-day-sheet", needs: ["view_reports"] },
  { id: "reports", label: "Reports", group: "money", key: "r", testid: "show-reports", needs: ["view_reports"] },
  { id: "statements", label: "Statements", group: "money", key: "m", testid: "show-statements", needs: ["print_export_phi"] },
  { id: "setup", label: "Office", group: "setup", key: "o", testid: "show-setup", needs: ["office_setup", "lock_ledger", "print_export_phi", "backups_restore"] },
  { id: "insurance", label: "Insurance", group: "setup", key: "i", testid: "show-insurance", needs: ["manage_insurance_plans"] },
  { id: "fees", label: "Fees", group: "setup", key: "f", testid: "show-fees", needs: ["view_patients"] },
  { id: "users", label: "Users", group: "setup", key: "u", testid: "show-users", needs: ["manage_users"] },
  { id: "audit", label: "Audit log", group: "setup", key: "a", testid: "show-audit", needs: ["view_audit"] },
  { id: "recoveryKit", label: "Recovery kit", group: "setup", key: "k", testid: "show-recovery-kit", needs: ["view_recovery_kit"] },
];

/** The screens of one group the user may open, in rail order. */
export function screensIn(group: ScreenGroup, user: Pick<SessionUser, "permissions"> | null): Screen[] {
  return SCREENS.filter((s) => s.group === group && allowedScreen(s.id, user));
}

/** May `user` open this screen? */
export function allowedScreen(id: ScreenId, user: Pick<SessionUser, "permissions"> | null): boolean {
  const s = SCREENS.find((x) => x.id === id);
  return !!s && mayAny(user, s.needs);
}

/** Is `id` one of the screens (rather than, say, a patient card)? */
export function isScreen(id: string): id is ScreenId {
  return SCREENS.some((s) => s.id === id);
}

/** The shortcut as people read it and as `aria-keyshortcuts` takes it: "Alt+T". */
export function shortcutLabel(s: Pick<Screen, "key">): string {
  return `Alt+${s.key.toUpperCase()}`;
}

type KeyLike = Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">;

/** The letter a key press means: the typed one, or (macOS Option turns Alt+T into "†") the key's. */
function letterOf(e: KeyLike): string | null {
  if (/^[a-z]$/i.test(e.key)) return e.key.toLowerCase();
  const m = /^Key([A-Z])$/.exec(e.code ?? "");
  return m ? m[1].toLowerCase() : null;
}

/**
 * Which screen this key press opens, or null: exactly Alt + the screen's letter (no Ctrl, which
 * with Alt is AltGr typing a character; no Cmd, no Shift). In a field (the search box has focus
 * most of the day) it fires only when Alt typed no character of its own — Linux and Windows give
 * the plain letter — so macOS Option+T still types "†" there.
 */
export function screenForKey(e: KeyLike, target: EventTarget | null): ScreenId | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  const letter = isEditable(target)
    ? /^[a-z]$/i.test(e.key)
      ? e.key.toLowerCase()
      : null
    : letterOf(e);
  return SCREENS.find((s) => s.key === letter)?.id ?? null;
}
