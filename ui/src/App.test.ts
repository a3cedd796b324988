import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";

// The bindings, mocked with a small stand-in for Rust's session: who is signed in, who is locked.
// Commands without a handler stay pending, so each screen shows only its frame.
const h = vi.hoisted(() => {
  const all = [
    "view_patients", "edit_patients", "schedule", "edit_treatment", "take_payments", "adjust_ledger", "lock_ledger",
    "verify_insurance", "manage_insurance_plans", "work_claims", "print_export_phi", "office_setup", "view_reports",
    "view_audit", "manage_users", "backups_restore", "view_recovery_kit",
  ];
  const users: Record<string, object> = {
    admin: { user_id: 1, username: "admin", full_name: "Ada Admin", role: "admin", permissions: all },
    front_desk: {
      user_id: 2, username: "front_desk", full_name: "Fran Desk", role: "front_desk",
      permissions: ["view_patients", "edit_patients", "schedule", "edit_treatment", "take_payments", "verify_insurance", "print_export_phi", "view_reports"],
    },
  };
  const state = { user: null as object | null, locked: null as string | null, needsAdmin: false, pending: false, minutes: 5 };
  const calls: { name: string; args: unknown[] }[] = [];
  const handlers: Record<string, (...a: any[]) => Promise<unknown>> = {};
  return { all, users, state, calls, handlers };
});

vi.mock("./bindings", () => ({
  commands: new Proxy(
    {},
    {
      get: (_, name: string) => (...args: unknown[]) => {
        h.calls.push({ name, args });
        const f = h.handlers[name];
        return f ? f(...args) : new Promise(() => {});
      },
    },
  ),
}));

import App from "./App.svelte";

// The screens load at the first sign-in (a dynamic import); transforming them takes the test
// runner longer than a query waits, so load them once up front as the window's first sign-in would.
beforeAll(async () => {
  await import("./components/shared/MainPane.svelte");
}, 60_000);

const ok = (data: unknown) => Promise.resolve({ status: "ok", data });
const fail = (code: string, message: string) => Promise.resolve({ status: "error", error: { code, message, fields: [] } });
const called = (name: string) => h.calls.filter((c) => c.name === name);

const summary = {
  id: 42, last_name: "Quuxley", first_name: "Zebadiah", preferred_name: "", date_of_birth: "1980-01-02",
  chart_number: "C-9", phone: "5551234567", status: "active", has_alerts: false, guarantor_id: null,
};
const card = {
  patient: {
    ...summary, middle_name: "", sex: "male", phone_home: "", phone_mobile: "5551234567", phone_work: "", email: "",
    address: { line1: "", line2: "", city: "", state: "", postal_code: "", country: "" },
    contact: { preferred: "call", ok_voicemail: false, ok_text: false, ok_email: false },
    medical: { allergies: "", premedication: false, alerts: "" }, notes: "",
    emergency_contact: { name: "", relationship: "", phone: "" }, referral_source: "", relationship_to_guarantor: "self",
    meta: { created_at: "2026-01-01T00:00:00Z", created_by: "admin", updated_at: "2026-01-01T00:00:00Z", updated_by: "admin", version: 1 },
  },
  family: { guarantor: summary, members: [] },
};

beforeEach(() => {
  h.calls.length = 0;
  Object.assign(h.state, { user: h.users.admin, locked: null, needsAdmin: false, pending: false, minutes: 5 });
  for (const k of Object.keys(h.handlers)) delete h.handlers[k];
  Object.assign(h.handlers, {
    appStatus: () =>
      ok({
        state: "ready", recovery_kit_pending: h.state.pending, needs_first_admin: h.state.needsAdmin,
        user: h.state.user, locked_user: h.state.locked, auto_lock_minutes: h.state.minutes,
      }),
    signIn: (username: string, password: string) => {
      if (password !== "right password") return fail("unauthorized", "Wrong username or password.");
      h.state.user = h.users[username];
      h.state.locked = null;
      return ok(h.state.user);
    },
    signInPin: (username: string, pin: string) => {
      if (pin !== "2468") return fail("unauthorized", "Wrong username or password.");
      h.state.user = h.users[username];
      h.state.locked = null;
      return ok(h.state.user);
    },
    sessionLock: () => {
      h.state.locked = (h.state.user as { username: string }).username;
      h.state.user = null;
      return ok(null);
    },
    signOut: () => {
      h.state.user = null;
      h.state.locked = null;
      return ok(null);
    },
    sessionTouch: () => ok(null),
    patientSearch: () => ok([summary]),
    patientGet: () => ok(card),
  });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const current = () => screen.getAllByRole("button").filter((b) => b.getAttribute("aria-current") === "page").map((b) => b.dataset.testid);

async function openPatient() {
  const search = await screen.findByTestId("search-input");
  await fireEvent.input(search, { target: { value: "quux" } });
  await fireEvent.click(await screen.findByTestId("search-result"));
  expect((await screen.findByTestId("patient-name")).textContent).toContain("Zebadiah");
}

async function signIn(username: string, secret: string) {
  await fireEvent.input(await screen.findByTestId("sign-in-username"), { target: { value: username } });
  await fireEvent.input(screen.getByTestId("sign-in-password"), { target: { value: secret } });
  await fireEvent.click(screen.getByTestId("sign-in-submit"));
}

describe("App navigation", () => {
  it("opens screens from the rail and by Alt+letter, from the search box too", async () => {
    render(App);
    await screen.findByRole("navigation", { name: "Main" });
    expect(screen.getByTestId("current-user").textContent).toBe("Ada Admin");
    expect(screen.getByTestId("current-role").textContent).toBe("Administrator");
    expect(current()).toEqual([]);

    await fireEvent.click(screen.getByTestId("show-day-sheet"));
    expect(current()).toEqual(["show-day-sheet"]);

    await fireEvent.keyDown(document.body, { key: "s", code: "KeyS", altKey: true });
    expect(current()).toEqual(["show-schedule"]);

    // The search box has focus most of the day: Alt+F works there (it types nothing)…
    const search = screen.getByTestId("search-input");
    await fireEvent.keyDown(search, { key: "f", code: "KeyF", altKey: true });
    expect(current()).toEqual(["show-fees"]);
    // …but where Option types a character (macOS), the field keeps it.
    await fireEvent.keyDown(search, { key: "ƒ", code: "KeyF", altKey: true });
    expect(current()).toEqual(["show-fees"]);
    await fireEvent.keyDown(document.body, { key: "s", code: "KeyS", altKey: true });
    expect(current()).toEqual(["show-schedule"]);

    // The recovery kit asks for the password again before it shows the code.
    await fireEvent.keyDown(document.body, { key: "k", code: "KeyK", altKey: true });
    expect(screen.queryByRole("navigation", { name: "Main" })).toBeNull();
    expect(screen.getByTestId("recovery-password")).toBeTruthy();
    expect(screen.queryByTestId("recovery-code")).toBeNull();
    expect(called("recoveryKit")).toEqual([]);
  });
});

describe("start-up and sign-in", () => {
  it("first start: the administrator is created, then the recovery kit is shown with the password just typed", async () => {
    h.state.needsAdmin = true;
    h.state.user = null;
    h.handlers.firstAdminCreate = (admin: { username: string }) => {
      h.state.needsAdmin = false;
      h.state.pending = true;
      h.state.user = { ...h.users.admin, username: admin.username };
      return ok(h.state.user);
    };
    h.handlers.recoveryKit = () => ok({ code: "AAAAA-BBBBB", database_id: "db-1", created_at: "2026-01-01" });
    render(App);
    await fireEvent.input(await screen.findByTestId("field-full_name"), { target: { value: "Ada Admin" } });
    await fireEvent.input(screen.getByTestId("field-username"), { target: { value: "ada" } });
    await fireEvent.input(screen.getByTestId("field-password"), { target: { value: "a long password" } });
    await fireEvent.input(screen.getByTestId("field-password_again"), { target: { value: "a long password" } });
    await fireEvent.click(screen.getByTestId("first-admin-submit"));
    expect((await screen.findByTestId("recovery-code")).textContent).toContain("AAAAA");
    expect(called("firstAdminCreate")[0].args[0]).toEqual({ full_name: "Ada Admin", username: "ada", password: "a long password" });
    expect(called("recoveryKit")[0].args).toEqual(["a long password"]);
  });

  it("signs in, showing typed errors (throttled) as they come", async () => {
    h.state.user = null;
    const real = h.handlers.signIn;
    h.handlers.signIn = () => fail("throttled", "Too many failed attempts. Try again in 30 seconds.");
    render(App);
    await signIn("front_desk", "guess");
    expect((await screen.findByTestId("sign-in-error")).textContent).toContain("Try again in 30 seconds");
    expect(screen.queryByRole("navigation", { name: "Main" })).toBeNull();
    h.handlers.signIn = real;
    await signIn("front_desk", "right password");
    expect((await screen.findByTestId("current-user")).textContent).toBe("Fran Desk");
  });

  it("hides what a front-desk user may not do", async () => {
    h.state.user = h.users.front_desk;
    render(App);
    await openPatient();
    expect(screen.getByTestId("take-payment")).toBeTruthy();
    expect(screen.queryByTestId("adjust-account")).toBeNull();
    expect(screen.queryByTestId("show-history")).toBeNull();
    expect(screen.queryByTestId("show-recovery-kit")).toBeNull();
    expect(screen.queryByTestId("show-users")).toBeNull();
    expect(screen.queryByTestId("show-audit")).toBeNull();
    expect(screen.queryByTestId("show-insurance")).toBeNull();
    // Alt+K (the recovery kit) does nothing for them.
    await fireEvent.keyDown(document.body, { key: "k", code: "KeyK", altKey: true });
    expect(screen.getByRole("navigation", { name: "Main" })).toBeTruthy();
    expect(screen.queryByTestId("recovery-password")).toBeNull();
    // The Office screen shows only what they may change (printer defaults), not the office set-up.
    await fireEvent.click(screen.getByTestId("show-setup"));
    expect(screen.queryByTestId("security-settings")).toBeNull();
    expect(screen.queryByTestId("ledger-lock")).toBeNull();
  });
});

describe("the lock screen", () => {
  it("locks after the idle minutes: sessionLock is called and nothing of the patient stays in the page", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    render(App);
    await openPatient();
    expect(called("sessionLock")).toEqual([]);
    vi.advanceTimersByTime(4 * 60_000);
    expect(screen.queryByTestId("lock-screen")).toBeNull();
    vi.advanceTimersByTime(60_000 + 2_000);
    expect(await screen.findByTestId("lock-screen")).toBeTruthy();
    expect(called("sessionLock")).toHaveLength(1);
    expect(screen.getByTestId("locked-user").textContent).toBe("admin");
    expect(document.body.innerHTML).not.toContain("Zebadiah");
    expect(document.body.innerHTML).not.toContain("Quuxley");
    expect(screen.queryByTestId("patient-card")).toBeNull();
    expect(screen.queryByTestId("search-input")).toBeNull();
  });

  it("the same user's PIN returns to the patient they had open", async () => {
    render(App);
    await openPatient();
    await fireEvent.click(screen.getByTestId("lock-now"));
    await screen.findByTestId("lock-screen");
    expect(document.body.innerHTML).not.toContain("Zebadiah");

    await fireEvent.input(screen.getByTestId("lock-secret"), { target: { value: "1111" } });
    await fireEvent.click(screen.getByTestId("lock-submit"));
    expect((await screen.findByTestId("lock-error")).textContent).toMatch(/wrong/i);

    await fireEvent.input(screen.getByTestId("lock-secret"), { target: { value: "2468" } });
    await fireEvent.click(screen.getByTestId("lock-submit"));
    expect((await screen.findByTestId("patient-name")).textContent).toContain("Zebadiah");
    expect(called("signInPin").map((c) => c.args)).toEqual([["admin", "1111"], ["admin", "2468"]]);
    expect(called("patientGet")).toHaveLength(2);
  });

  it("the same user comes back to the screen they were on", async () => {
    render(App);
    await fireEvent.click(await screen.findByTestId("show-day-sheet"));
    await fireEvent.click(screen.getByTestId("lock-now"));
    await fireEvent.input(await screen.findByTestId("lock-secret"), { target: { value: "2468" } });
    await fireEvent.click(screen.getByTestId("lock-submit"));
    await screen.findByRole("navigation", { name: "Main" });
    expect(current()).toEqual(["show-day-sheet"]);
  });

  it("another user starts on their home screen", async () => {
    render(App);
    await openPatient();
    await fireEvent.click(screen.getByTestId("lock-now"));
    await fireEvent.click(await screen.findByTestId("lock-other-user"));
    await signIn("front_desk", "right password");
    expect((await screen.findByTestId("current-user")).textContent).toBe("Fran Desk");
    expect(screen.getByTestId("home")).toBeTruthy();
    expect(screen.queryByTestId("patient-card")).toBeNull();
    expect(called("patientGet")).toHaveLength(1);
  });

  it("a command answering session_locked shows the lock screen", async () => {
    h.handlers.patientGet = () => {
      h.state.locked = "admin";
      h.state.user = null;
      return fail("session_locked", "FrontDesk is locked.");
    };
    render(App);
    const search = await screen.findByTestId("search-input");
    await fireEvent.input(search, { target: { value: "quux" } });
    await fireEvent.click(await screen.findByTestId("search-result"));
    expect(await screen.findByTestId("lock-screen")).toBeTruthy();
    expect(screen.queryByTestId("search-result")).toBeNull();
  });

  it("Switch user signs out to the sign-in screen", async () => {
    render(App);
    await fireEvent.click(await screen.findByTestId("switch-user"));
    expect(await screen.findByTestId("sign-in")).toBeTruthy();
    expect(called("signOut")).toHaveLength(1);
    expect(screen.queryByTestId("lock-screen")).toBeNull();
  });
});
