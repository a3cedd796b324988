import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PaymentPlanView } from "../../bindings";

const paymentPlan = vi.fn();
const paymentPlanCreate = vi.fn();
const paymentPlanClose = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    paymentPlan: (...a: unknown[]) => paymentPlan(...a),
    paymentPlanCreate: (...a: unknown[]) => paymentPlanCreate(...a),
    paymentPlanClose: (...a: unknown[]) => paymentPlanClose(...a),
  },
}));

import PaymentPlanPanel from "./PaymentPlanPanel.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const byId = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const type = (id: string, value: string) => fireEvent.input(byId(id), { target: { value } });

const plan: PaymentPlanView = {
  id: 5,
  guarantor_id: 7,
  guarantor: "Kim, Min",
  total_cents: 60000,
  paid_cents: 20000,
  overdue_cents: 20000,
  overdue_count: 1,
  overdue_since: "2026-03-01",
  note: "Crown",
  instalments: [
    { due: "2026-02-01", amount_cents: 20000, paid: true },
    { due: "2026-03-01", amount_cents: 20000, paid: false },
    { due: "2026-04-01", amount_cents: 20000, paid: false },
  ],
};

describe("the payment plan panel", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-15T12:00:00"));
  });
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
    vi.useRealTimers();
  });

  it("is folded with a summary, and opens to the instalments: paid ticked, overdue in red", async () => {
    paymentPlan.mockResolvedValue(ok(plan));
    render(PaymentPlanPanel, { patientId: 7, dueCents: 0 });
    await vi.waitFor(() => expect(byId("payment-plan-summary").textContent).toContain("$200.00 of $600.00 paid"));
    expect(byId("payment-plan-summary").textContent).toContain("$200.00 overdue");
    expect(screen.queryByTestId("payment-plan")).toBeNull();
    await fireEvent.click(byId("payment-plan-toggle"));
    const rows = screen.getAllByTestId("plan-instalment");
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain("✓");
    expect(rows[0].className).not.toContain("late");
    expect(rows[1].className).toContain("late");
    expect(rows[1].textContent).toContain("overdue");
    expect(rows[2].className).not.toContain("late");
    expect(byId("plan-total").textContent).toBe("$600.00");
    expect(byId("plan-left").textContent).toBe("$400.00");
    expect(byId("plan-overdue").textContent).toBe("$200.00");
  });

  it("closes the plan after asking", async () => {
    paymentPlan.mockResolvedValue(ok(plan));
    paymentPlanClose.mockResolvedValue(ok(null));
    render(PaymentPlanPanel, { patientId: 7 });
    await fireEvent.click(byId("payment-plan-toggle"));
    await fireEvent.click(await screen.findByTestId("plan-close"));
    expect(paymentPlanClose).not.toHaveBeenCalled();
    await fireEvent.click(byId("plan-close-confirm"));
    expect(paymentPlanClose).toHaveBeenCalledWith(5);
    expect(await screen.findByTestId("plan-new")).toBeTruthy();
  });

  it("sets up a plan for what the patient owes, and shows a date problem next to the first due date", async () => {
    paymentPlan.mockResolvedValue(ok(null));
    paymentPlanCreate
      .mockResolvedValueOnce({ status: "error", error: { code: "validation", message: "Check the plan.", fields: [{ field: "first_due", problem: "is in the past" }] } })
      .mockResolvedValueOnce(ok(plan));
    render(PaymentPlanPanel, { patientId: 7, dueCents: 60000 });
    await fireEvent.click(byId("payment-plan-toggle"));
    await fireEvent.click(await screen.findByTestId("plan-new"));
    expect(byId("plan-total-input").value).toBe("600.00");
    expect(byId("plan-first-due").value).toBe("2026-04-15");
    await type("plan-count", "3");
    await type("plan-first-due", "03/01/2026");
    await type("plan-note", "Crown");
    await fireEvent.click(byId("plan-submit"));
    expect(paymentPlanCreate).toHaveBeenCalledWith({ patient_id: 7, total_cents: 60000, count: 3, first_due: "2026-03-01", every_months: 1, note: "Crown" });
    expect((await screen.findByTestId("field-error-first_due")).textContent).toBe("First due is in the past");
    expect(byId("plan-first-due").value).toBe("03/01/2026");
    await type("plan-first-due", "04/01/2026");
    await fireEvent.click(byId("plan-submit"));
    expect(await screen.findAllByTestId("plan-instalment")).toHaveLength(3);
  });
});
