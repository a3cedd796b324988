import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AccountLine, AccountView, Posted } from "../../bindings";

const account = vi.fn();
const paymentTake = vi.fn();
const accountAdjust = vi.fn();
const entryReverse = vi.fn();
const paymentPlan = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    account: (...a: unknown[]) => account(...a),
    paymentTake: (...a: unknown[]) => paymentTake(...a),
    accountAdjust: (...a: unknown[]) => accountAdjust(...a),
    entryReverse: (...a: unknown[]) => entryReverse(...a),
    paymentPlan: (...a: unknown[]) => paymentPlan(...a),
  },
}));

import AccountPanel from "./AccountPanel.svelte";
import { session } from "../../lib/session.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const invalid = (field: string, problem: string) => ({
  status: "error",
  error: { code: "validation", message: "Some fields need attention.", fields: [{ field, problem }] },
});
const byId = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const type = (id: string, value: string) => fireEvent.input(byId(id), { target: { value } });

const PATIENT = 7;

function line(id: number, over: Partial<AccountLine>): AccountLine {
  return {
    id, batch_id: id, date: "2026-03-02", patient_id: PATIENT, patient: "Kim, Min", kind: "charge", code: "", description: "",
    charge_cents: null, credit_cents: null, running_cents: 0, actor: "frontdesk", note: "", reversed: false, ...over,
  };
}

function view(over: Partial<AccountView> = {}): AccountView {
  return {
    guarantor_id: PATIENT,
    guarantor: "Kim, Min",
    chart_number: "1007",
    members: [
      { patient_id: PATIENT, name: "Kim, Min", balance_cents: 15000 },
      { patient_id: 8, name: "Kim, Joon", balance_cents: 5000 },
    ],
    lines: [
      line(1, { code: "D0120", description: "Periodic exam", charge_cents: 6000, running_cents: 6000 }),
      line(2, { patient_id: 8, patient: "Kim, Joon", code: "D1110", description: "Prophylaxis", charge_cents: 14000, running_cents: 20000 }),
      line(3, { kind: "payment", description: "Cash", credit_cents: 5000, running_cents: 15000, reversed: true }),
      line(4, { kind: "reversal", description: "Reversal of #3", charge_cents: 5000, running_cents: 20000, reversed: true, note: "posted twice" }),
    ],
    balance_cents: 20000,
    insurance_pending_cents: 8000,
    patient_due_cents: 12000,
    unapplied_credit_cents: 0,
    aging: { current_0_30: 14000, days_31_60: 6000, days_61_90: 0, over_90: 0, total: 20000 },
    open_charges: [
      { entry_id: 1, patient_id: PATIENT, patient: "Kim, Min", date: "2026-03-02", code: "D0120", open_cents: 6000 },
      { entry_id: 2, patient_id: 8, patient: "Kim, Joon", date: "2026-03-02", code: "D1110", open_cents: 14000 },
    ],
    locked_through: null,
    ...over,
  };
}

describe("the account panel", () => {
  beforeEach(() => {
    account.mockResolvedValue(ok(view()));
    paymentPlan.mockResolvedValue(ok(null));
  });
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("offers adjustments and reversals only to users who may adjust the ledger", async () => {
    session.user = {
      user_id: 2, username: "fran", full_name: "Fran Desk", role: "front_desk",
      permissions: ["view_patients", "edit_patients", "schedule", "edit_treatment", "take_payments", "verify_insurance", "print_export_phi", "view_reports"],
    };
    render(AccountPanel, { patientId: PATIENT });
    await screen.findByTestId("account-balance");
    expect(screen.getByTestId("take-payment")).toBeTruthy();
    expect(screen.queryByTestId("adjust-account")).toBeNull();
    expect(screen.queryAllByTestId("reverse-entry")).toEqual([]);
  });

  it("shows the figures, the aging, the family's balances and the ledger", async () => {
    render(AccountPanel, { patientId: PATIENT });
    expect((await screen.findByTestId("account-balance")).textContent).toBe("$200.00");
    expect(account).toHaveBeenCalledWith(PATIENT);
    expect(byId("account-patient-due").textContent).toBe("$120.00");
    expect(byId("account-insurance").textContent).toBe("$80.00");
    expect(screen.queryByTestId("account-credit")).toBeNull();
    const aging = byId("account-aging").textContent ?? "";
    expect(aging).toContain("0–30 $140.00");
    expect(aging).toContain("31–60 $60.00");
    expect(aging).toContain("90+ $0.00");
    expect(screen.getAllByTestId("account-member").map((m) => m.textContent)).toEqual(["Kim, Min $150.00", "Kim, Joon $50.00"]);

    const rows = screen.getAllByTestId("ledger-line");
    expect(rows).toHaveLength(4);
    expect(rows[1].textContent).toContain("Kim, Joon");
    expect(rows[1].textContent).toContain("Prophylaxis");
    expect(rows[1].textContent).toContain("$140.00");
    expect(rows[1].textContent).toContain("$200.00");
    // Reversed and reversal lines: muted, and no "Reverse" on them.
    expect(rows[2].className).toContain("reversed");
    expect(rows[3].className).toContain("reversal");
    expect(within(rows[2]).queryByTestId("reverse-entry")).toBeNull();
    expect(within(rows[3]).queryByTestId("reverse-entry")).toBeNull();
    expect(within(rows[0]).getByTestId("reverse-entry")).toBeTruthy();
    expect(rows[3].textContent).toContain("posted twice");
  });

  it("shows a credit and hides the family when the account is one person's", async () => {
    account.mockResolvedValue(ok(view({ unapplied_credit_cents: 2500, members: [{ patient_id: PATIENT, name: "Kim, Min", balance_cents: 0 }] })));
    render(AccountPanel, { patientId: PATIENT });
    expect((await screen.findByTestId("account-credit")).textContent).toBe("$25.00");
    expect(screen.queryByTestId("account-members")).toBeNull();
  });

  it("takes a card payment with the last four, for the charges ticked, and says what was kept as credit", async () => {
    const after = view({ balance_cents: 0, patient_due_cents: 0, unapplied_credit_cents: 1000 });
    paymentTake.mockResolvedValue(ok<Posted>({ entry_ids: [9, 10], unapplied_cents: 1000, account: after }));
    render(AccountPanel, { patientId: PATIENT });
    await fireEvent.click(await screen.findByTestId("take-payment"));
    expect(byId("payment-amount").value).toBe("120.00");
    await type("payment-amount", "130");
    await fireEvent.change(byId("payment-method"), { target: { value: "card" } });
    await type("payment-last-four", "4242");
    await type("payment-note", "copay");
    const charges = screen.getAllByTestId("payment-charge");
    await fireEvent.click(charges[1]);
    await fireEvent.click(byId("payment-submit"));
    expect(paymentTake).toHaveBeenCalledWith({
      patient_id: PATIENT,
      date: "",
      amount_cents: 13000,
      method: { method: "card", last_four: "4242" },
      note: "copay",
      charges: [2],
    });
    const done = await screen.findByTestId("payment-posted");
    expect(done.textContent).toContain("Payment posted");
    expect(done.textContent).toContain("$10.00 kept as credit");
    expect(screen.queryByTestId("payment-form")).toBeNull();
    expect(byId("account-balance").textContent).toBe("$0.00");
  });

  it("shows the card's problem next to the last four and keeps what was typed", async () => {
    paymentTake.mockResolvedValue(invalid("last_four", "Enter the last four digits of the card."));
    render(AccountPanel, { patientId: PATIENT });
    await fireEvent.click(await screen.findByTestId("take-payment"));
    await type("payment-amount", "50");
    await fireEvent.change(byId("payment-method"), { target: { value: "card" } });
    await type("payment-last-four", "42");
    await fireEvent.click(byId("payment-submit"));
    const err = await screen.findByTestId("field-error-last_four");
    expect(err.textContent).toBe("Enter the last four digits of the card.");
    expect(err.parentElement?.contains(byId("payment-last-four"))).toBe(true);
    expect(byId("payment-last-four").value).toBe("42");
    expect(byId("payment-amount").value).toBe("50");
    expect(screen.queryByTestId("payment-posted")).toBeNull();
    expect(screen.queryByTestId("error-message")).toBeNull();
  });

  it("refuses an amount that is not a number without sending it", async () => {
    render(AccountPanel, { patientId: PATIENT });
    await fireEvent.click(await screen.findByTestId("take-payment"));
    await type("payment-amount", "abc");
    await fireEvent.click(byId("payment-submit"));
    expect(await screen.findByTestId("field-error-amount")).toBeTruthy();
    expect(paymentTake).not.toHaveBeenCalled();
  });

  it("asks for a check number with a check", async () => {
    paymentTake.mockResolvedValue(ok<Posted>({ entry_ids: [9], unapplied_cents: 0, account: view() }));
    render(AccountPanel, { patientId: PATIENT });
    await fireEvent.click(await screen.findByTestId("take-payment"));
    await fireEvent.change(byId("payment-method"), { target: { value: "check" } });
    expect(screen.queryByTestId("payment-last-four")).toBeNull();
    await type("payment-check-number", "1001");
    await type("payment-date", "3/9/2026");
    await fireEvent.click(byId("payment-submit"));
    expect(paymentTake).toHaveBeenCalledWith(expect.objectContaining({ date: "2026-03-09", amount_cents: 12000, method: { method: "check", number: "1001" }, charges: [] }));
    expect((await screen.findByTestId("payment-posted")).textContent).not.toContain("credit");
  });

  it("reverses an entry with the reason typed inline", async () => {
    entryReverse.mockResolvedValue(ok<Posted>({ entry_ids: [11], unapplied_cents: 0, account: view({ balance_cents: 14000 }) }));
    render(AccountPanel, { patientId: PATIENT });
    const first = (await screen.findAllByTestId("ledger-line"))[0];
    await fireEvent.click(within(first).getByTestId("reverse-entry"));
    expect(byId("reverse-confirm").disabled).toBe(true);
    await type("reverse-note", "wrong patient");
    await fireEvent.click(byId("reverse-confirm"));
    expect(entryReverse).toHaveBeenCalledWith(PATIENT, 1, "wrong patient");
    expect((await screen.findByTestId("payment-posted")).textContent).toContain("Reversal posted");
    expect(byId("account-balance").textContent).toBe("$140.00");
    expect(screen.queryByTestId("reverse-form")).toBeNull();
  });

  it("shows why a reversal was refused, beside the reason", async () => {
    entryReverse.mockResolvedValue(invalid("reverses", "That entry has already been reversed."));
    render(AccountPanel, { patientId: PATIENT });
    const first = (await screen.findAllByTestId("ledger-line"))[0];
    await fireEvent.click(within(first).getByTestId("reverse-entry"));
    await type("reverse-note", "dup");
    await fireEvent.click(byId("reverse-confirm"));
    expect((await screen.findByTestId("field-error-reverses")).textContent).toBe("That entry has already been reversed.");
    expect(byId("reverse-note").value).toBe("dup");
  });

  it("posts a PPO write-off", async () => {
    accountAdjust.mockResolvedValue(ok<Posted>({ entry_ids: [12], unapplied_cents: 0, account: view() }));
    render(AccountPanel, { patientId: PATIENT });
    await fireEvent.click(await screen.findByTestId("adjust-account"));
    await fireEvent.change(byId("adjustment-kind"), { target: { value: "ppo_write_off" } });
    await type("adjustment-amount", "25.50");
    await type("adjustment-note", "Delta PPO");
    await fireEvent.click(byId("adjustment-submit"));
    expect(accountAdjust).toHaveBeenCalledWith({ patient_id: PATIENT, date: "", adjustment: "ppo_write_off", amount_cents: 2550, note: "Delta PPO" });
    expect((await screen.findByTestId("payment-posted")).textContent).toContain("Adjustment posted");
  });

  it("opens the payment form straight away when asked (the Today board's Pay)", async () => {
    render(AccountPanel, { patientId: PATIENT, payNow: true });
    expect(((await screen.findByTestId("payment-amount")) as HTMLInputElement).value).toBe("120.00");
  });
});
