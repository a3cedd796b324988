import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AgingReport, ProductionReport } from "../../bindings";

const reportProduction = vi.fn();
const reportAging = vi.fn();
const reportInsuranceAging = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    reportProduction: (...a: unknown[]) => reportProduction(...a),
    reportAging: (...a: unknown[]) => reportAging(...a),
    reportInsuranceAging: (...a: unknown[]) => reportInsuranceAging(...a),
  },
}));

import Reports from "./Reports.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const day = { charges: 17000, adjustments: 500, write_offs: 1500, refunds: 0, patient_payments: 6500, insurance_payments: 3000, net_production: 15000, net_collections: 9500 };
const production: ProductionReport = { from: "2026-03-01", to: "2026-03-10", rows: [{ date: "2026-03-10", ...day }], totals: day };
const aging: AgingReport = {
  as_of: "2026-03-10",
  rows: [
    { guarantor_id: 7, name: "Min Kim", phone: "555-0100", current_0_30: 1000, days_31_60: 0, days_61_90: 0, over_90: 2500, total: 3500, insurance_pending: 500, patient_due: 3000, last_payment_date: "2026-02-01", last_payment_amount: 2000, last_statement_date: null },
  ],
  totals: { current_0_30: 1000, days_31_60: 0, days_61_90: 0, over_90: 2500, total: 3500, insurance_pending: 500, patient_due: 3000 },
};

describe("the reports screen", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("shows production over the range, then the aging with a link to the account", async () => {
    reportProduction.mockResolvedValue(ok(production));
    reportAging.mockResolvedValue(ok(aging));
    const onOpenPatient = vi.fn();
    render(Reports, { onOpenPatient });
    expect(await screen.findByTestId("report-production")).toBeTruthy();
    expect(screen.getByTestId("report-net-production").textContent).toBe("$150.00");
    expect(screen.getByTestId("report-net-collections").textContent).toBe("$95.00");
    expect(screen.getAllByTestId("report-row")).toHaveLength(1);

    await fireEvent.click(screen.getByTestId("report-tab-aging"));
    expect(await screen.findByTestId("report-aging")).toBeTruthy();
    expect(screen.getByTestId("report-aging-total").textContent).toBe("$35.00");
    await fireEvent.click(screen.getByText("Min Kim"));
    expect(onOpenPatient).toHaveBeenCalledWith(7);
  });

  it("names the field of a bad date and shows no figures", async () => {
    reportProduction.mockResolvedValue({
      status: "error",
      error: { code: "validation", message: "Check the dates.", fields: [{ field: "to", problem: "is before the start of the range" }] },
    });
    render(Reports, { onOpenPatient: () => {} });
    expect((await screen.findByTestId("field-error-to")).textContent).toContain("before the start");
    expect(screen.queryByTestId("report-production")).toBeNull();
  });
});
