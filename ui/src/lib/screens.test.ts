import { describe, expect, it } from "vitest";
import { GROUPS, SCREENS, allowedScreen, isScreen, screenForKey, screensIn, shortcutLabel } from "./screens";
import { focusesSearch } from "./keys";
import { PERMISSIONS } from "./access";
import type { Permission } from "../bindings";

const ADMIN = { permissions: PERMISSIONS.map((p) => p.id) };
// The front desk's role defaults (crates/access/src/role_permissions.rs).
const FRONT_DESK = {
  permissions: ["view_patients", "edit_patients", "schedule", "edit_treatment", "take_payments", "verify_insurance", "print_export_phi", "view_reports"] as Permission[],
};

type Mods = Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean; code: string }>;
const press = (key: string, mods: Mods = {}) => ({
  key,
  code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : "",
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const alt = (key: string, mods: Mods = {}) => press(key, { altKey: true, ...mods });

describe("the screen list", () => {
  it("groups the screens as Front desk, Money and Set-up", () => {
    expect(GROUPS.map((g) => g.label)).toEqual(["Front desk", "Money", "Set-up"]);
    expect(screensIn("frontDesk", ADMIN).map((s) => s.label)).toEqual(["Today", "Schedule", "Worklists"]);
    expect(screensIn("money", ADMIN).map((s) => s.label)).toEqual(["Day sheet", "Reports", "Statements"]);
    expect(screensIn("setup", ADMIN).map((s) => s.label)).toEqual(["Office", "Insurance", "Fees", "Users", "Audit log", "Recovery kit"]);
  });

  it("offers only the screens the user's permissions allow", () => {
    expect(screensIn("setup", FRONT_DESK).map((s) => s.label)).toEqual(["Office", "Fees"]);
    expect(allowedScreen("recoveryKit", FRONT_DESK)).toBe(false);
    expect(allowedScreen("users", FRONT_DESK)).toBe(false);
    expect(allowedScreen("audit", FRONT_DESK)).toBe(false);
    expect(allowedScreen("today", FRONT_DESK)).toBe(true);
    expect(screensIn("frontDesk", { permissions: ["office_setup"] })).toEqual([]);
    expect(screensIn("frontDesk", null)).toEqual([]);
  });

  it("keeps the test ids the E2E tests click", () => {
    expect(SCREENS.map((s) => s.testid)).toEqual([
      "show-today",
      "show-schedule",
      "show-claims",
      "show-day-sheet",
      "show-reports",
      "show-statements",
      "show-setup",
      "show-insurance",
      "show-fees",
      "show-users",
      "show-audit",
      "show-recovery-kit",
    ]);
  });

  it("gives every screen its own letter, and none that search already uses", () => {
    const keys = SCREENS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z]$/);
    for (const s of SCREENS) expect(focusesSearch(alt(s.key), document.body)).toBe(false);
  });

  it("writes the shortcut for people and for aria-keyshortcuts", () => {
    expect(shortcutLabel({ key: "t" })).toBe("Alt+T");
    expect(SCREENS.map(shortcutLabel)).toContain("Alt+K");
  });

  it("tells a screen from a patient card", () => {
    expect(isScreen("today")).toBe(true);
    expect(isScreen("card")).toBe(false);
    expect(isScreen("empty")).toBe(false);
  });
});

describe("screen shortcuts", () => {
  it("Alt + the screen's letter opens it", () => {
    expect(screenForKey(alt("t"), document.body)).toBe("today");
    expect(screenForKey(alt("s"), document.body)).toBe("schedule");
    expect(screenForKey(alt("w"), document.body)).toBe("claims");
    expect(screenForKey(alt("d"), document.body)).toBe("daySheet");
    expect(screenForKey(alt("m"), document.body)).toBe("statements");
    expect(screenForKey(alt("o"), document.body)).toBe("setup");
    expect(screenForKey(alt("i"), document.body)).toBe("insurance");
    expect(screenForKey(alt("f"), document.body)).toBe("fees");
    expect(screenForKey(alt("k"), document.body)).toBe("recoveryKit");
    expect(screenForKey(alt("T"), document.body)).toBe("today");
  });

  it("reads the key, not the character, when Option changes it (macOS: Alt+T types †)", () => {
    expect(screenForKey(alt("†", { code: "KeyT" }), document.body)).toBe("today");
    expect(screenForKey(alt("ƒ", { code: "KeyF" }), document.body)).toBe("fees");
    expect(screenForKey(alt("Dead", { code: "KeyI" }), document.body)).toBe("insurance");
  });

  it("needs Alt alone: plain letters, Ctrl+Alt (AltGr), Cmd and Shift do nothing", () => {
    expect(screenForKey(press("t"), document.body)).toBeNull();
    expect(screenForKey(alt("t", { ctrlKey: true }), document.body)).toBeNull();
    expect(screenForKey(alt("t", { metaKey: true }), document.body)).toBeNull();
    expect(screenForKey(alt("T", { shiftKey: true }), document.body)).toBeNull();
    expect(screenForKey(press("k", { ctrlKey: true }), document.body)).toBeNull();
    expect(screenForKey(press("/"), document.body)).toBeNull();
  });

  it("ignores Alt with a letter no screen has, or with a non-letter", () => {
    expect(screenForKey(alt("z"), document.body)).toBeNull();
    expect(screenForKey(alt("1", { code: "Digit1" }), document.body)).toBeNull();
    expect(screenForKey(alt("Alt", { code: "AltLeft" }), document.body)).toBeNull();
  });

  it("fires in a field only when Alt types no character (macOS Option+T types †)", () => {
    const editable = document.createElement("div");
    editable.contentEditable = "true";
    // jsdom does not compute isContentEditable; a browser does.
    Object.defineProperty(editable, "isContentEditable", { value: true });
    for (const target of [
      document.createElement("input"),
      document.createElement("textarea"),
      document.createElement("select"),
      editable,
    ]) {
      expect(screenForKey(alt("t"), target)).toBe("today");
      expect(screenForKey(alt("†", { code: "KeyT" }), target)).toBeNull();
      expect(screenForKey({ ...alt("t"), altKey: false }, target)).toBeNull();
    }
    expect(screenForKey(alt("t"), document.createElement("button"))).toBe("today");
    expect(screenForKey(alt("t"), null)).toBe("today");
  });
});
