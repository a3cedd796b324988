import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const patientPreauths = vi.fn();
const treatmentPlan = vi.fn();
const coverages = vi.fn();
const preauthCreate = vi.fn();
const preauthAction = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    patientPreauths: (p: number) => patientPreauths(p),
    treatmentPlan: (p: number) => treatmentPlan(p),
    coverages: (p: number) => coverages(p),
    preauthCreate: (p: number, c: number, i: number[]) => preauthCreate(p, c, i),
    preauthAction: (id: number, a: unknown) => preauthAction(id, a),
  },
}));

import PreauthPanel from "./PreauthPanel.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const crown = { id: 5, patient_id: 7, position: 1, code: "D2740", description: "Crown", tooth: "3", surface: "", units: 1, fee_cents: 120000, status: "planned", completed_on: null };
const cleaning = { ...crown, id: 6, position: 2, code: "D1110", description: "Cleaning", tooth: "", fee_cents: 11000 };
const cov = { id: 2, patient_id: 7, plan_label: "Delta - Acme PPO", subscriber_name: "X", details: { plan_id: 1, subscriber_id: 7, member_id: "M", relationship: "self", rank: "primary", effective: "2026-01-01", termination: "" } };
const sent = { id: 3, patient: {}, coverage_id: 2, plan: "Delta - Acme PPO", status: "sent", created_on: "2026-11-01", sent_on: "2026-11-02", expires_on: null, denial_reason: "", lines: [{ item: crown, approved_cents: null }] };

describe("pre-authorizations on the card", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("asks the plan about the planned major work, not the cleaning", async () => {
    patientPreauths.mockResolvedValue(ok([]));
    treatmentPlan.mockResolvedValue(ok({ items: [crown, cleaning], estimate: { plans: [], lines: [], totals: {} }, as_of: "2026-11-24" }));
    coverages.mockResolvedValue(ok([cov]));
    preauthCreate.mockResolvedValue(ok({ ...sent, status: "draft" }));
    render(PreauthPanel, { patientId: 7 });
    await fireEvent.click(await screen.findByTestId("preauth-new"));
    await fireEvent.click(screen.getByTestId("preauth-create"));
    expect(preauthCreate).toHaveBeenCalledWith(7, 2, [5]);
  });

  it("records an approval per procedure and shows the server's field error", async () => {
    patientPreauths.mockResolvedValue(ok([sent]));
    treatmentPlan.mockResolvedValue(ok({ items: [crown], estimate: { plans: [], lines: [], totals: {} }, as_of: "2026-11-24" }));
    coverages.mockResolvedValue(ok([cov]));
    preauthAction.mockResolvedValue({ status: "error", error: { code: "validation", message: "x", fields: [{ field: "lines[0].amount", problem: "negative amount" }] } });
    render(PreauthPanel, { patientId: 7 });
    await fireEvent.click(await screen.findByTestId("preauth-approve-open"));
    await fireEvent.input(screen.getByTestId("preauth-expires"), { target: { value: "5/1/2027" } });
    await fireEvent.input(screen.getByTestId("preauth-amount-0"), { target: { value: "-400" } });
    await fireEvent.click(screen.getByTestId("preauth-save"));
    expect(preauthAction).toHaveBeenCalledWith(3, { action: "approve", expires: "2027-05-01", lines: [{ treatment_item_id: 5, amount: "-400" }] });
    expect((await screen.findByText("negative amount")).textContent).toBe("negative amount");
  });
});
