import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ClaimDetail, ClaimStatus, ClaimSummary, Coverage, TreatmentItem } from "../../bindings";

const patientClaims = vi.fn();
const claimGet = vi.fn();
const treatmentPlan = vi.fn();
const coverages = vi.fn();
const claimCreate = vi.fn();
const claimAction = vi.fn();
const claimPayment = vi.fn();
const claimFollowUp = vi.fn();
const claimSavePdf = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    patientClaims: (...a: unknown[]) => patientClaims(...a),
    claimGet: (...a: unknown[]) => claimGet(...a),
    treatmentPlan: (...a: unknown[]) => treatmentPlan(...a),
    coverages: (...a: unknown[]) => coverages(...a),
    claimCreate: (...a: unknown[]) => claimCreate(...a),
    claimAction: (...a: unknown[]) => claimAction(...a),
    claimPayment: (...a: unknown[]) => claimPayment(...a),
    claimFollowUp: (...a: unknown[]) => claimFollowUp(...a),
    claimSavePdf: (...a: unknown[]) => claimSavePdf(...a),
  },
}));

import ClaimsPanel from "./ClaimsPanel.svelte";
import { todayIso } from "../../lib/claims";

const ok = <T,>(data: T) => ({ status: "ok", data });
const byId = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const type = (id: string, value: string) => fireEvent.input(byId(id), { target: { value } });

const PATIENT = 7;

function item(id: number, code: string, completed_on: string | null, fee_cents = 10000): TreatmentItem {
  return {
    id,
    patient_id: PATIENT,
    position: id,
    code,
    description: `${code} description`,
    tooth: code === "D2740" ? "14" : "",
    surface: "",
    units: 1,
    fee_cents,
    status: completed_on ? "completed" : "planned",
    completed_on,
  };
}

function coverage(id: number, plan_label: string, rank: "primary" | "secondary"): Coverage {
  return {
    id,
    patient_id: PATIENT,
    plan_label,
    subscriber_name: "Kim, Min",
    last_verified: null,
    verification_due: null,
    details: {
      plan_id: id,
      subscriber_id: PATIENT,
      member_id: `M${id}`,
      relationship: "self",
      rank,
      effective: "2025-01-01",
      termination: "",
    },
  };
}

function summary(id: number, status: ClaimStatus, over: Partial<ClaimSummary> = {}): ClaimSummary {
  return {
    id,
    patient: {
      id: PATIENT,
      last_name: "Kim",
      first_name: "Min",
      preferred_name: "",
      date_of_birth: "1990-01-01",
      chart_number: "1007",
      phone: "",
      status: "active",
      has_alerts: false,
      guarantor_id: null,
    },
    coverage_id: 1,
    plan: "Acme PPO",
    rank: "primary",
    service_date: "2026-03-02",
    status,
    sent_on: status === "draft" ? null : "2026-03-03",
    paid_on: null,
    denial_reason: "",
    follow_up_on: null,
    notes: "",
    fee_cents: 20000,
    estimate_cents: 12000,
    paid_cents: 0,
    ...over,
  };
}

function detail(s: ClaimSummary, lines: [TreatmentItem, number][]): ClaimDetail {
  return {
    summary: s,
    lines: lines.map(([it, estimate]) => ({
      item: it,
      fee_cents: it.fee_cents,
      estimate_cents: estimate,
      paid_cents: 0,
      write_off_cents: 0,
      deductible_cents: 0,
    })),
  };
}

const exam = item(11, "D0120", "2026-03-02", 6000);
const cleaning = item(12, "D1110", "2026-03-02", 11000);
const xrays = item(13, "D0274", "2026-03-02", 8000);
const crown = item(14, "D2740", "2026-02-10", 125000);
const planned = item(15, "D2391", null);

/** The server: the patient's claims, their details, the plan and coverages. */
function serve(claims: ClaimDetail[]) {
  let current = claims;
  patientClaims.mockImplementation(async () => ok(current.map((d) => d.summary)));
  claimGet.mockImplementation(async (id: number) => ok(current.find((d) => d.summary.id === id)));
  treatmentPlan.mockResolvedValue(
    ok({
      items: [exam, cleaning, xrays, crown, planned],
      estimate: { plans: [], lines: [], totals: { fee_cents: 0, insurance_cents: 0, write_off_cents: 0, patient_cents: 0 } },
      as_of: "2026-03-10",
    }),
  );
  coverages.mockResolvedValue(ok([coverage(1, "Acme PPO", "primary"), coverage(2, "Beta Dental", "secondary")]));
  return (next: ClaimDetail[]) => (current = next);
}

async function openClaim(id: number) {
  const row = (await screen.findAllByTestId("claim-row")).find((r) => r.textContent?.includes(`#${id}`));
  if (!row) throw new Error(`no row for claim ${id}`);
  await fireEvent.click(within(row).getByTestId("claim-open"));
  return within(await within(row).findByTestId("claim-detail"));
}

describe("the claims panel", () => {
  beforeEach(() => vi.resetAllMocks());
  afterEach(() => cleanup());

  it("creates a claim from the completed procedures of one date not yet claimed to the plan", async () => {
    const sentXrays = detail(summary(50, "sent"), [[xrays, 6400]]);
    const setClaims = serve([sentXrays]);
    const newClaim = detail(summary(51, "draft", { fee_cents: 6000, estimate_cents: 6000 }), [[exam, 6000]]);
    claimCreate.mockImplementation(async () => {
      setClaims([sentXrays, newClaim]);
      return ok(newClaim);
    });
    const onChanged = vi.fn();
    render(ClaimsPanel, { patientId: PATIENT, onChanged });

    // The latest date first; the X-rays are already on claim #50 to the primary plan.
    await screen.findAllByTestId("claim-item");
    const dateSelect = byId("claim-date") as unknown as HTMLSelectElement;
    expect([...dateSelect.options].map((o) => o.value)).toEqual(["2026-03-02", "2026-02-10"]);
    expect(dateSelect.value).toBe("2026-03-02");
    expect((byId("claim-coverage") as unknown as HTMLSelectElement).selectedOptions[0].textContent).toBe("Acme PPO (primary)");
    let boxes = screen.getAllByTestId("claim-item") as HTMLInputElement[];
    expect(boxes.map((b) => b.value)).toEqual(["11", "12"]);
    expect(boxes.every((b) => b.checked)).toBe(true);

    // To the secondary plan the X-rays have not been claimed yet.
    await fireEvent.change(byId("claim-coverage"), { target: { value: "2" } });
    expect((screen.getAllByTestId("claim-item") as HTMLInputElement[]).map((b) => b.value)).toEqual(["11", "12", "13"]);
    await fireEvent.change(byId("claim-coverage"), { target: { value: "1" } });

    // Another date lists only its own procedures.
    await fireEvent.change(byId("claim-date"), { target: { value: "2026-02-10" } });
    expect((screen.getAllByTestId("claim-item") as HTMLInputElement[]).map((b) => b.value)).toEqual(["14"]);
    await fireEvent.change(byId("claim-date"), { target: { value: "2026-03-02" } });

    boxes = screen.getAllByTestId("claim-item") as HTMLInputElement[];
    await fireEvent.click(boxes[1]); // leave the cleaning off this claim
    expect(boxes[1].checked).toBe(false);
    await fireEvent.click(byId("create-claim"));

    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(claimCreate).toHaveBeenCalledTimes(1);
    expect(claimCreate).toHaveBeenCalledWith(PATIENT, 1, "2026-03-02", [11]);
    expect(screen.getByTestId("claim-created").textContent).toContain("Claim #51");
    // The list was reloaded and the new draft is open with its "Mark sent" step.
    expect(screen.getAllByTestId("claim-row")).toHaveLength(2);
    expect(screen.getAllByTestId("claim-status").map((s) => s.textContent)).toEqual(["sent", "draft"]);
    expect(byId("claim-send")).toBeTruthy();
    // Now only the cleaning is left to claim on that date.
    expect((screen.getAllByTestId("claim-item") as HTMLInputElement[]).map((b) => b.value)).toEqual(["12"]);
  });

  it("shows the server's refusal of a double claim in the error box", async () => {
    serve([]);
    claimCreate.mockResolvedValue({
      status: "error",
      error: { code: "refused", message: "a procedure is already on a claim to this plan", fields: [] },
    });
    render(ClaimsPanel, { patientId: PATIENT });
    await screen.findAllByTestId("claim-item");
    await fireEvent.click(byId("create-claim"));
    const box = await screen.findByTestId("error-message");
    expect(box.getAttribute("role")).toBe("alert");
    expect(box.textContent).toContain("already on a claim");
    expect(claimCreate).toHaveBeenCalledWith(PATIENT, 1, "2026-03-02", [11, 12, 13]);
  });

  it("denies a claim with a reason and follow-up date, showing the server's field error under the reason", async () => {
    const sent = detail(summary(50, "sent"), [[xrays, 6400]]);
    const setClaims = serve([sent]);
    const denied = detail(summary(50, "denied", { denial_reason: "Missing X-ray", follow_up_on: "2026-04-01" }), [[xrays, 6400]]);
    claimAction
      .mockResolvedValueOnce({
        status: "error",
        error: { code: "validation", message: "Please correct: reason is required", fields: [{ field: "reason", problem: "is required" }] },
      })
      .mockImplementationOnce(async () => {
        setClaims([denied]);
        return ok(denied);
      });
    const onChanged = vi.fn();
    render(ClaimsPanel, { patientId: PATIENT, onChanged });

    const d = await openClaim(50);
    expect(d.getAllByTestId("claim-line")[0].textContent).toContain("D0274");
    // A sent claim can be received, paid or denied; not sent again or appealed.
    expect(d.queryByTestId("claim-send")).toBeNull();
    expect(d.queryByTestId("claim-appeal-open")).toBeNull();
    await fireEvent.click(d.getByTestId("claim-deny-open"));
    await type("claim-deny-follow-up", "2026-04-01");
    await fireEvent.click(d.getByTestId("claim-deny"));

    const err = await screen.findByTestId("field-error-reason");
    expect(err.textContent).toBe("Denial reason is required");
    expect(byId("claim-deny-reason").getAttribute("aria-invalid")).toBe("true");
    // The error sits with the reason input, inside its field.
    expect(byId("claim-deny-reason").parentElement?.contains(err)).toBe(true);
    expect(claimAction).toHaveBeenLastCalledWith(50, { action: "deny", reason: "", follow_up: "2026-04-01" });
    expect(onChanged).not.toHaveBeenCalled();

    await type("claim-deny-reason", "Missing X-ray");
    await fireEvent.click(d.getByTestId("claim-deny"));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(claimAction).toHaveBeenLastCalledWith(50, { action: "deny", reason: "Missing X-ray", follow_up: "2026-04-01" });
    expect(screen.getByTestId("claim-status").textContent).toBe("denied");
    expect(screen.getByTestId("claim-denial").textContent).toContain("Missing X-ray");
    expect(screen.getByTestId("claim-denial").textContent).toContain("04/01/2026");
    expect(screen.queryByTestId("field-error-reason")).toBeNull();
    // A denied claim can be appealed now.
    expect(screen.getByTestId("claim-appeal-open")).toBeTruthy();
  });

  it("posts the plan's payment per procedure with the amounts as typed", async () => {
    const bitewings = item(16, "D0274", "2026-03-02", 6000);
    const sent = detail(summary(50, "sent"), [
      [xrays, 8000],
      [bitewings, 4000],
    ]);
    const setClaims = serve([sent]);
    claimPayment
      .mockResolvedValueOnce({
        status: "error",
        error: {
          code: "validation",
          message: "Please correct: lines[1].paid paid, write-off and deductible together are more than the fee",
          fields: [{ field: "lines[1].paid", problem: "paid, write-off and deductible together are more than the fee" }],
        },
      })
      .mockImplementationOnce(async () => {
        const paid = detail(summary(50, "paid", { paid_cents: 11550 }), [
          [xrays, 8000],
          [bitewings, 4000],
        ]);
        setClaims([paid]);
        return ok(paid);
      });
    const onChanged = vi.fn();
    render(ClaimsPanel, { patientId: PATIENT, onChanged });

    const d = await openClaim(50);
    await fireEvent.click(d.getByTestId("claim-payment-open"));
    expect(byId("payment-paid-on").value).toBe(todayIso());
    expect(byId("payment-paid-0").value).toBe("80.00");
    expect(byId("payment-paid-1").value).toBe("40.00");
    expect(byId("payment-write-off-0").value).toBe("");

    await type("payment-paid-on", "2026-03-20");
    await type("payment-paid-1", "99");
    await type("payment-write-off-1", "4.50");
    await type("payment-deductible-1", "10");
    await fireEvent.click(d.getByTestId("claim-post-payment"));

    const err = await screen.findByTestId("field-error-lines[1].paid");
    expect(err.textContent).toContain("more than the fee");
    expect(byId("payment-paid-1").parentElement?.contains(err)).toBe(true);
    expect(byId("payment-paid-1").value).toBe("99");

    await type("payment-paid-1", "35.5");
    await fireEvent.click(d.getByTestId("claim-post-payment"));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(claimPayment).toHaveBeenLastCalledWith(50, "2026-03-20", [
      { treatment_item_id: 13, paid: "80.00", write_off: "", deductible: "" },
      { treatment_item_id: 16, paid: "35.5", write_off: "4.50", deductible: "10" },
    ]);
    expect(screen.getByTestId("claim-status").textContent).toBe("paid");
    expect(screen.queryByTestId("claim-payment-open")).toBeNull();
  });

  it("offers each status its own steps, in words, and saves the PDF", async () => {
    serve([
      detail(summary(60, "draft"), [[exam, 6000]]),
      detail(summary(61, "partially_paid", { paid_cents: 5000 }), [[crown, 60000]]),
    ]);
    claimSavePdf.mockResolvedValue(ok("/home/office/Documents/claim-61.pdf"));
    render(ClaimsPanel, { patientId: PATIENT });

    await screen.findAllByTestId("claim-row");
    expect(screen.getAllByTestId("claim-status").map((s) => s.textContent)).toEqual(["draft", "partially paid"]);
    expect(screen.getAllByTestId("claim-row")[1].textContent).toContain("$50.00");

    let d = await openClaim(60);
    expect((d.getByTestId("claim-send-on") as HTMLInputElement).value).toBe(todayIso());
    expect(d.queryByTestId("claim-receive")).toBeNull();
    expect(d.queryByTestId("claim-deny-open")).toBeNull();

    d = await openClaim(61);
    expect(screen.queryByTestId("claim-send")).toBeNull(); // the draft closed
    expect(d.getByTestId("claim-appeal-open")).toBeTruthy();
    expect(d.queryByTestId("claim-payment-open")).toBeNull();
    await fireEvent.click(d.getByTestId("claim-pdf"));
    expect((await d.findByTestId("claim-pdf-result")).textContent).toBe("Saved to /home/office/Documents/claim-61.pdf");
    expect(claimSavePdf).toHaveBeenCalledWith(61);
  });

  it("reloads when the patient or refresh key changes", async () => {
    serve([]);
    const { rerender } = render(ClaimsPanel, { patientId: PATIENT, refreshKey: 0 });
    expect((await screen.findByTestId("claims-empty")).textContent).toBe("No claims yet.");
    expect(patientClaims).toHaveBeenCalledTimes(1);
    await rerender({ patientId: PATIENT, refreshKey: 1 });
    await vi.waitFor(() => expect(patientClaims).toHaveBeenCalledTimes(2));
    await rerender({ patientId: 8, refreshKey: 1 });
    await vi.waitFor(() => expect(patientClaims).toHaveBeenLastCalledWith(8));
    expect(coverages).toHaveBeenLastCalledWith(8);
  });

  it("says when the secondary claim is ready and prepares it", async () => {
    serve([detail(summary(41, "paid", { paid_cents: 9000 }), [[exam, 6000]])]);
    render(ClaimsPanel, { patientId: PATIENT });
    const ready = await screen.findByTestId("secondary-ready");
    expect(ready.textContent).toContain("claim #41 (2026-03-02)");
    await fireEvent.click(screen.getByTestId("secondary-prepare"));
    expect((screen.getByTestId("claim-coverage") as HTMLSelectElement).value).toBe("2");
  });

  it("says nothing while the primary claim is unpaid", async () => {
    serve([detail(summary(42, "sent"), [[exam, 6000]])]);
    render(ClaimsPanel, { patientId: PATIENT });
    await screen.findAllByTestId("claim-row");
    expect(screen.queryByTestId("secondary-ready")).toBeNull();
  });
});
