import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const treatmentPlan = vi.fn();
const treatmentAdd = vi.fn();
const treatmentMove = vi.fn();
const treatmentComplete = vi.fn();
const dueToday = vi.fn();
const feeSchedule = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    treatmentPlan: (p: number) => treatmentPlan(p),
    treatmentAdd: (p: number, d: unknown) => treatmentAdd(p, d),
    treatmentMove: (p: number, i: number, pos: number) => treatmentMove(p, i, pos),
    treatmentComplete: (p: number, i: number, d: string) => treatmentComplete(p, i, d),
    treatmentRemove: vi.fn(),
    dueToday: (p: number) => dueToday(p),
    feeSchedule: () => feeSchedule(),
  },
}));

import TreatmentPlan from "./TreatmentPlan.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const PLAN = "Delta Dental - Acme PPO";

function item(id: number, position: number, code: string, fee: number, status = "planned", completed_on: string | null = null) {
  return { id, patient_id: 7, position, code, description: code === "D2740" ? "Crown" : "Filling", tooth: "3", surface: "", units: 1, fee_cents: fee, status, completed_on };
}

function line(id: number, fee: number, est: number, wo: number, why: string[]) {
  return {
    item_id: id,
    fee_cents: fee,
    plans: [{ coverage_id: 1, plan: PLAN, allowed_cents: fee - wo, estimate_cents: est, write_off_cents: wo, deductible_cents: 0, notes: [] }],
    patient_cents: fee - est - wo,
    explanation: why,
  };
}

function view(items: ReturnType<typeof item>[], lines: ReturnType<typeof line>[]) {
  const sum = (f: (l: ReturnType<typeof line>) => number) => lines.reduce((n, l) => n + f(l), 0);
  return {
    items,
    as_of: "2026-11-24",
    estimate: {
      plans: [PLAN],
      lines,
      totals: {
        fee_cents: sum((l) => l.fee_cents),
        insurance_cents: sum((l) => l.plans[0].estimate_cents),
        write_off_cents: sum((l) => l.plans[0].write_off_cents),
        patient_cents: sum((l) => l.patient_cents),
      },
    },
  };
}

describe("the treatment plan", () => {
  beforeEach(() => {
    dueToday.mockResolvedValue(ok({ plans: [], lines: [], totals: { fee_cents: 0, insurance_cents: 0, write_off_cents: 0, patient_cents: 0 } }));
  });
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("shows each plan's estimate, the patient portion, the totals and why", async () => {
    feeSchedule.mockResolvedValue(ok([]));
    treatmentPlan.mockResolvedValue(
      ok(view([item(1, 1, "D2391", 20000), item(2, 2, "D2740", 120000)], [
        line(1, 20000, 8000, 5000, ["D2391: office fee $200.00", "deductible $50.00 applied"]),
        line(2, 120000, 45000, 30000, ["plan pays 50% of $900.00 = $450.00"]),
      ])),
    );
    render(TreatmentPlan, { patientId: 7 });
    const rows = await screen.findAllByTestId("tp-row");
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByTestId("tp-row-insurance").textContent).toContain("$80.00");
    expect(within(rows[0]).getByTestId("tp-row-patient").textContent).toBe("$70.00");
    expect(screen.getByTestId("tp-total-patient").textContent).toBe("$520.00");
    await fireEvent.click(within(rows[0]).getByTestId("tp-why"));
    const why = screen.getByTestId("tp-explanation");
    expect(why.textContent).toContain("deductible $50.00 applied");
  });

  it("moves a procedure before the previous planned one and re-estimates", async () => {
    feeSchedule.mockResolvedValue(ok([]));
    const before = view([item(9, 1, "D1110", 9000, "completed", "2026-10-01"), item(1, 2, "D2391", 20000), item(2, 3, "D2740", 120000)], [
      line(1, 20000, 8000, 5000, []),
      line(2, 120000, 45000, 30000, []),
    ]);
    const after = view([item(9, 1, "D1110", 9000, "completed", "2026-10-01"), item(2, 2, "D2740", 120000), item(1, 3, "D2391", 20000)], [
      line(2, 120000, 42500, 30000, []),
      line(1, 20000, 12000, 5000, []),
    ]);
    treatmentPlan.mockResolvedValue(ok(before));
    treatmentMove.mockResolvedValue(ok(after));
    render(TreatmentPlan, { patientId: 7 });
    const rows = await screen.findAllByTestId("tp-row");
    await fireEvent.click(within(rows[1]).getByTestId("tp-up"));
    expect(treatmentMove).toHaveBeenCalledWith(7, 2, 2);
    await vi.waitFor(() => expect(screen.getAllByTestId("tp-row-code").map((c) => c.textContent)).toEqual(["D2740", "D2391"]));
    expect(within(screen.getAllByTestId("tp-row")[1]).getByTestId("tp-row-insurance").textContent).toContain("$120.00");
  });

  it("shows the server's field error and keeps what was typed", async () => {
    feeSchedule.mockResolvedValue(ok([]));
    treatmentPlan.mockResolvedValue(ok(view([], [])));
    treatmentAdd.mockResolvedValue({
      status: "error",
      error: { code: "validation", message: "Please correct", fields: [{ field: "tooth", problem: "is not a tooth (1-32, A-T) or an area" }] },
    });
    render(TreatmentPlan, { patientId: 7 });
    await screen.findByText("No planned procedures.");
    await fireEvent.input(screen.getByTestId("tp-code"), { target: { value: "D2391" } });
    await fireEvent.input(screen.getByTestId("tp-tooth"), { target: { value: "45" } });
    await fireEvent.click(screen.getByTestId("tp-add"));
    expect((await screen.findByTestId("tp-error-tooth")).textContent).toContain("is not a tooth");
    expect(treatmentAdd).toHaveBeenCalledWith(7, { code: "D2391", tooth: "45", surface: "", units: 1 });
    expect((screen.getByTestId("tp-tooth") as HTMLInputElement).value).toBe("45");
  });

  it("totals what is due today once a procedure is done", async () => {
    feeSchedule.mockResolvedValue(ok([]));
    const done = view([item(1, 1, "D2391", 20000, "completed", "2026-11-24")], []);
    treatmentPlan.mockResolvedValue(ok(view([item(1, 1, "D2391", 20000)], [line(1, 20000, 8000, 5000, [])])));
    treatmentComplete.mockResolvedValue(ok(done));
    dueToday.mockResolvedValueOnce(ok({ plans: [PLAN], lines: [], totals: { fee_cents: 0, insurance_cents: 0, write_off_cents: 0, patient_cents: 0 } }));
    dueToday.mockResolvedValue(ok({ plans: [PLAN], lines: [line(1, 20000, 8000, 5000, [])], totals: { fee_cents: 20000, insurance_cents: 8000, write_off_cents: 5000, patient_cents: 7000 } }));
    const onChanged = vi.fn();
    render(TreatmentPlan, { patientId: 7, onChanged });
    await screen.findByTestId("tp-complete");
    expect(screen.queryByTestId("due-today")).toBeNull();
    await fireEvent.click(screen.getByTestId("tp-complete"));
    expect(treatmentComplete).toHaveBeenCalledWith(7, 1, "2026-11-24");
    expect((await screen.findByTestId("due-today")).textContent).toContain("Due today: $70.00");
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalled());
  });
});
