import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DaySheet as Sheet } from "../../bindings";

const daySheet = vi.fn();
vi.mock("../../bindings", () => ({
  commands: { daySheet: (...a: unknown[]) => daySheet(...a) },
}));

import DaySheet from "./DaySheet.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const byId = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const text = (id: string) => screen.getByTestId(id).textContent;

const sheet: Sheet = {
  date: "2026-03-10",
  charges: [
    { entry_id: 1, patient: "Kim, Min", code: "D0120", description: "Periodic exam", amount_cents: 6000 },
    { entry_id: 2, patient: "Ng, Ann", code: "D1110", description: "Prophylaxis", amount_cents: 11000 },
  ],
  charges_cents: 17000,
  payments: [
    { entry_id: 3, patient: "Kim, Min", code: "", description: "Check #1001", amount_cents: 4000 },
    { entry_id: 4, patient: "Ng, Ann", code: "", description: "Cash", amount_cents: 2500 },
    { entry_id: 5, patient: "Ng, Ann", code: "", description: "Card ending 4242", amount_cents: 3000 },
  ],
  payments_by_type: [
    { kind: "card", amount_cents: 3000 },
    { kind: "cash", amount_cents: 2500 },
    { kind: "check", amount_cents: 4000 },
    { kind: "insurance", amount_cents: 0 },
  ],
  payments_cents: 9500,
  adjustments: [{ entry_id: 6, patient: "Kim, Min", code: "", description: "PPO write-off", amount_cents: 1500 }],
  adjustments_by_type: [{ kind: "ppo_write_off", amount_cents: 1500 }],
  checks: [{ number: "1001", patient: "Kim, Min", amount_cents: 4000 }],
  checks_cents: 4000,
  cash_cents: 2500,
  deposit_cents: 6500,
};

describe("the day sheet", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
    vi.useRealTimers();
  });

  it("opens on today and shows charges, payments by type, adjustments and the deposit slip", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-10T12:00:00"));
    daySheet.mockResolvedValue(ok(sheet));
    render(DaySheet);
    expect(daySheet).toHaveBeenCalledWith("2026-03-10");
    expect(await screen.findAllByTestId("day-charges-line")).toHaveLength(2);
    expect(text("day-charges-total")).toBe("$170.00");
    expect(text("day-payments-total")).toBe("$95.00");
    expect(text("day-adjustments-total")).toBe("$15.00");
    expect(screen.getAllByTestId("payment-subtotal").map((r) => r.textContent)).toEqual([
      "Card$30.00", "Cash$25.00", "Check$40.00", "Insurance$0.00",
    ]);
    expect(screen.getAllByTestId("adjustment-subtotal").map((r) => r.textContent)).toEqual(["PPO write-off$15.00"]);
    const checks = screen.getAllByTestId("deposit-check");
    expect(checks).toHaveLength(1);
    expect(checks[0].textContent).toBe("1001Kim, Min$40.00");
    expect(text("deposit-checks")).toBe("$40.00");
    expect(text("deposit-cash")).toBe("$25.00");
    expect(text("deposit-total")).toBe("$65.00");
  });

  it("shows another day, and a date problem next to the date", async () => {
    daySheet.mockResolvedValue(ok(sheet));
    render(DaySheet);
    await screen.findAllByTestId("day-charges-line");
    daySheet.mockResolvedValueOnce({ status: "error", error: { code: "validation", message: "Check the date.", fields: [{ field: "date", problem: "is not a real date (e.g. 03/10/2026)" }] } });
    await fireEvent.input(byId("day-sheet-date"), { target: { value: "2/30/2026" } });
    await fireEvent.click(byId("day-sheet-show"));
    expect(daySheet).toHaveBeenLastCalledWith("2026-02-30");
    expect((await screen.findByTestId("field-error-date")).textContent).toBe("Date is not a real date (e.g. 03/10/2026)");
    await fireEvent.input(byId("day-sheet-date"), { target: { value: "3/9/2026" } });
    await fireEvent.click(byId("day-sheet-show"));
    expect(daySheet).toHaveBeenLastCalledWith("2026-03-09");
    await vi.waitFor(() => expect(screen.queryByTestId("field-error-date")).toBeNull());
  });
});
