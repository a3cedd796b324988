import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AgingReport, AppointmentsReport, ProductionReport, RecallReport, UnbilledReport, UnearnedReport } from "../../bindings";

const reportProduction = vi.fn();
const reportAging = vi.fn();
const reportInsuranceAging = vi.fn();
const reportAppointments = vi.fn();
const reportUnbilled = vi.fn();
const reportRecall = vi.fn();
const reportSaveCsv = vi.fn();
const reportNewPatients = vi.fn();
const reportReferrals = vi.fn();
const reportUnearned = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    reportProduction: (...a: unknown[]) => reportProduction(...a),
    reportAging: (...a: unknown[]) => reportAging(...a),
    reportInsuranceAging: (...a: unknown[]) => reportInsuranceAging(...a),
    reportAppointments: (...a: unknown[]) => reportAppointments(...a),
    reportUnbilled: (...a: unknown[]) => reportUnbilled(...a),
    reportRecall: (...a: unknown[]) => reportRecall(...a),
    reportSaveCsv: (...a: unknown[]) => reportSaveCsv(...a),
    reportNewPatients: (...a: unknown[]) => reportNewPatients(...a),
    reportReferrals: (...a: unknown[]) => reportReferrals(...a),
    reportUnearned: (...a: unknown[]) => reportUnearned(...a),
  },
}));

import Reports from "./Reports.svelte";
import { session } from "../../lib/session.svelte";

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

const counts = {
  booked: 8, completed: 5, cancelled: 2, late_cancelled: 1, no_show: 1, open: 0,
  completed_rate_permille: 625, cancelled_rate_permille: 250, late_cancelled_rate_permille: 125, no_show_rate_permille: 125,
  scheduled_production: 120000,
};
const appointments: AppointmentsReport = {
  from: "2026-03-01", to: "2026-03-10",
  rows: [{ date: "2026-03-10", provider_id: 1, provider: "Dr. Avery", ...counts }],
  totals: counts,
};
const unbilled: UnbilledReport = {
  as_of: "2026-03-10",
  rows: [
    { kind: "procedure", patient_id: 7, patient: "Min Kim", date: "2026-03-01", days: 9, plan: "Delta Dental - Acme", what: "D2391 30", treatment_item_id: 41, claim_id: null, amount: 20000 },
    { kind: "draft_claim", patient_id: 8, patient: "Ola Berg", date: "2026-03-02", days: 8, plan: "Delta Dental - Acme", what: "claim 5", treatment_item_id: null, claim_id: 5, amount: 11000 },
  ],
  totals: { procedures: 1, procedures_amount: 20000, draft_claims: 1, draft_claims_amount: 11000, amount: 31000 },
};
const unearned: UnearnedReport = {
  as_of: "2026-03-10",
  rows: [{ kind: "package", patient_id: 9, patient: "Rin Sato", what: "Brightening (2 of 3 sessions left)", date: "2026-02-01", sale_id: 3, amount: 66666 }],
  totals: { packages: 1, packages_amount: 66666, credits: 0, credits_amount: 0, amount: 66666 },
};

const recallCounts = { due: 10, seen: 6, booked: 2, overdue: 1, unbooked: 1, visits: 8, left_booked: 6, left_booked_permille: 750 };
const recall: RecallReport = {
  from: "2026-03-01", to: "2026-03-31",
  rows: [{ recall_type_id: 1, recall: "Prophy", interval_months: 6, ...recallCounts }],
  totals: recallCounts,
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

  it("shows how appointments turned out over the range, then unbilled and unearned", async () => {
    reportProduction.mockResolvedValue(ok(production));
    reportAppointments.mockResolvedValue(ok(appointments));
    reportUnbilled.mockResolvedValue(ok(unbilled));
    reportUnearned.mockResolvedValue(ok(unearned));
    const onOpenPatient = vi.fn();
    render(Reports, { onOpenPatient });
    await screen.findByTestId("report-production");

    await fireEvent.click(screen.getByTestId("report-tab-appointments"));
    expect(await screen.findByTestId("report-appointments")).toBeTruthy();
    expect(reportAppointments).toHaveBeenCalledWith(expect.any(String), expect.any(String), null);
    expect(screen.getByTestId("report-booked").textContent).toBe("8");
    expect(screen.getByTestId("report-no-show-rate").textContent).toBe("12.5%");
    expect(screen.getByTestId("report-from")).toBeTruthy();

    reportRecall.mockResolvedValue(ok(recall));
    await fireEvent.click(screen.getByTestId("report-tab-recall"));
    expect(await screen.findByTestId("report-recall")).toBeTruthy();
    expect(screen.getByTestId("report-recall-due").textContent).toBe("10");
    expect(screen.getByTestId("report-left-booked").textContent).toBe("75.0%");

    const np = {
      from: "2026-03-01", to: "2026-03-31",
      rows: [{ month: "2026-03", source: "Website", new_patients: 2, production: 15000 }, { month: "2026-03", source: "Dr. Lee", new_patients: 1, production: 0 }],
      totals: { new_patients: 3, production: 15000 },
    };
    reportNewPatients.mockResolvedValue(ok(np));
    reportReferrals.mockResolvedValue(ok(np));
    await fireEvent.click(screen.getByTestId("report-tab-new_patients"));
    expect(await screen.findByTestId("report-new-patients")).toBeTruthy();
    expect(screen.getByTestId("report-new-patients-count").textContent).toBe("3");
    await fireEvent.click(screen.getByTestId("report-tab-referrals"));
    expect(await screen.findByTestId("report-referrals")).toBeTruthy();
    expect(reportReferrals).toHaveBeenCalled();

    await fireEvent.click(screen.getByTestId("report-tab-unbilled"));
    expect(await screen.findByTestId("report-unbilled")).toBeTruthy();
    expect(screen.queryByTestId("report-from")).toBeNull();
    expect(screen.getAllByTestId("report-row")).toHaveLength(2);
    expect(screen.getByText("Draft claim 5")).toBeTruthy();
    expect(screen.getByTestId("report-unbilled-total").textContent).toBe("$310.00");
    await fireEvent.click(screen.getByText("Ola Berg"));
    expect(onOpenPatient).toHaveBeenCalledWith(8);

    await fireEvent.click(screen.getByTestId("report-tab-unearned"));
    expect(await screen.findByTestId("report-unearned")).toBeTruthy();
    expect(screen.getByTestId("report-unearned-total").textContent).toBe("$666.66");
  });

  it("saves the report shown as CSV for a user who may export, and offers nothing to one who may not", async () => {
    reportProduction.mockResolvedValue(ok(production));
    reportAging.mockResolvedValue(ok(aging));
    reportSaveCsv.mockResolvedValue(ok("/home/desk/Documents/FrontDesk aging report.csv"));
    session.user = { user_id: 3, username: "rv", full_name: "Rae Viewer", role: "billing", permissions: ["view_reports"] };
    render(Reports, { onOpenPatient: () => {} });
    await screen.findByTestId("report-production");
    expect(screen.queryByTestId("report-save-csv")).toBeNull();
    cleanup();

    session.user = { user_id: 1, username: "mgr", full_name: "Mo Manager", role: "manager", permissions: ["view_reports", "print_export_phi"] };
    render(Reports, { onOpenPatient: () => {} });
    await screen.findByTestId("report-production");
    await fireEvent.click(screen.getByTestId("report-tab-aging"));
    await screen.findByTestId("report-aging");
    await fireEvent.click(screen.getByTestId("report-save-csv"));
    expect((await screen.findByTestId("report-saved")).textContent).toContain("FrontDesk aging report.csv");
    expect(reportSaveCsv).toHaveBeenCalledWith(expect.objectContaining({ kind: "aging", provider: null }));
  });
});
