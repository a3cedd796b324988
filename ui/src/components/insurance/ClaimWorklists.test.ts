import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ClaimStatus, ClaimSummary } from "../../bindings";

const claimWorklist = vi.fn();
const claimFollowUp = vi.fn();
const paymentPlansOverdue = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    paymentPlansOverdue: (...a: unknown[]) => paymentPlansOverdue(...a),
    claimWorklist: (...a: unknown[]) => claimWorklist(...a),
    claimFollowUp: (...a: unknown[]) => claimFollowUp(...a),
  },
}));

import ClaimWorklists from "./ClaimWorklists.svelte";
import { addDays, todayIso } from "../../lib/claims";

const ok = <T,>(data: T) => ({ status: "ok", data });
const byId = (id: string) => screen.getByTestId(id) as HTMLInputElement;

function summary(id: number, patientId: number, status: ClaimStatus, over: Partial<ClaimSummary> = {}): ClaimSummary {
  return {
    id,
    patient: {
      id: patientId,
      last_name: "Núñez",
      first_name: "José",
      preferred_name: "Pepe",
      date_of_birth: "1980-05-06",
      chart_number: `10${patientId}`,
      phone: "",
      status: "active",
      has_alerts: false,
      guarantor_id: null,
    },
    coverage_id: 3,
    plan: "Acme PPO",
    rank: "primary",
    service_date: "2026-01-05",
    status,
    sent_on: "2026-01-06",
    paid_on: null,
    denial_reason: "",
    follow_up_on: null,
    notes: "",
    fee_cents: 125000,
    estimate_cents: 62500,
    paid_cents: 0,
    ...over,
  };
}

describe("the claims worklists", () => {
  beforeEach(() => vi.resetAllMocks());
  afterEach(() => cleanup());

  it("starts on outstanding claims, saying how long ago each was sent", async () => {
    const sentOn = addDays(todayIso(), -45);
    claimWorklist.mockResolvedValue(ok([summary(70, 5, "sent", { sent_on: sentOn })]));
    render(ClaimWorklists, { onOpenPatient: vi.fn() });
    const row = await screen.findByTestId("worklist-row");
    expect(claimWorklist).toHaveBeenCalledWith("outstanding");
    expect(byId("worklist-outstanding").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("claim-worklists").textContent).toContain("30 days unless changed");
    expect(within(row).getByTestId("worklist-sent-ago").textContent).toBe("Sent 45 days ago");
    expect(row.textContent).toContain("Núñez, José (Pepe)");
    expect(row.textContent).toContain("105");
    expect(row.textContent).toContain("$1,250.00");
    expect(within(row).getByTestId("worklist-status").textContent).toBe("sent");
  });

  it("switches to denied claims, shows the reason and opens the patient from the name", async () => {
    claimWorklist.mockImplementation(async (list: string) =>
      ok(
        list === "denied"
          ? [summary(71, 9, "denied", { denial_reason: "Missing X-ray", follow_up_on: "2026-04-01", notes: "Called payer" })]
          : [],
      ),
    );
    const onOpenPatient = vi.fn();
    render(ClaimWorklists, { onOpenPatient });
    expect((await screen.findByTestId("worklist-empty")).textContent).toBe("No outstanding claims.");

    await fireEvent.click(byId("worklist-denied"));
    const row = await screen.findByTestId("worklist-row");
    expect(claimWorklist).toHaveBeenLastCalledWith("denied");
    expect(byId("worklist-denied").getAttribute("aria-pressed")).toBe("true");
    expect(within(row).getByTestId("worklist-reason").textContent).toBe("Missing X-ray");
    expect(within(row).getByTestId("worklist-follow-up").textContent).toBe("04/01/2026");
    expect(within(row).getByTestId("worklist-notes").textContent).toBe("Called payer");
    expect(within(row).queryByTestId("worklist-sent-ago")).toBeNull();

    await fireEvent.click(within(row).getByTestId("worklist-patient"));
    expect(onOpenPatient).toHaveBeenCalledWith(9);
  });

  it("lists overdue payment plans and opens the guarantor's card", async () => {
    claimWorklist.mockResolvedValue(ok([]));
    paymentPlansOverdue.mockResolvedValue(
      ok([
        {
          id: 5, guarantor_id: 31, guarantor: "Kim, Min", total_cents: 60000, paid_cents: 20000, overdue_cents: 40000,
          overdue_count: 2, overdue_since: "2026-02-01", note: "", instalments: [],
        },
      ]),
    );
    const onOpenPatient = vi.fn();
    render(ClaimWorklists, { onOpenPatient });
    await screen.findByTestId("worklist-empty");
    await fireEvent.click(byId("worklist-plans-overdue"));
    const row = await screen.findByTestId("overdue-plan-row");
    expect(row.textContent).toContain("Kim, Min");
    expect(row.textContent).toContain("$400.00");
    expect(row.textContent).toContain("02/01/2026");
    expect(claimWorklist).toHaveBeenCalledTimes(1);
    await fireEvent.click(within(row).getByTestId("overdue-plan-open"));
    expect(onOpenPatient).toHaveBeenCalledWith(31);
  });

  it("says so when no claim is denied", async () => {
    claimWorklist.mockResolvedValue(ok([]));
    render(ClaimWorklists, { onOpenPatient: vi.fn() });
    await screen.findByTestId("worklist-empty");
    await fireEvent.click(byId("worklist-denied"));
    await vi.waitFor(() => expect(screen.getByTestId("worklist-empty").textContent).toBe("No denied claims."));
  });

  it("edits a row's follow-up date and notes in place", async () => {
    const denied = summary(71, 9, "denied", { denial_reason: "Missing X-ray", follow_up_on: "2026-04-01" });
    claimWorklist.mockResolvedValue(ok([denied]));
    claimFollowUp
      .mockResolvedValueOnce({
        status: "error",
        error: {
          code: "validation",
          message: "Please correct: follow_up is not a real date (expected YYYY-MM-DD)",
          fields: [{ field: "follow_up", problem: "is not a real date (expected YYYY-MM-DD)" }],
        },
      })
      .mockResolvedValueOnce(
        ok({ summary: { ...denied, follow_up_on: "2026-04-15", notes: "X-ray resent by fax" }, lines: [] }),
      );
    render(ClaimWorklists, { onOpenPatient: vi.fn() });
    await fireEvent.click(byId("worklist-denied"));
    const row = await screen.findByTestId("worklist-row");
    await fireEvent.click(within(row).getByTestId("worklist-edit"));
    expect(byId("worklist-follow-up-date").value).toBe("2026-04-01");

    await fireEvent.input(byId("worklist-follow-up-date"), { target: { value: "April" } });
    await fireEvent.input(byId("worklist-follow-up-notes"), { target: { value: "X-ray resent by fax" } });
    await fireEvent.click(byId("worklist-follow-up-save"));
    expect((await screen.findByTestId("field-error-follow_up")).textContent).toContain("is not a real date");
    expect(claimFollowUp).toHaveBeenLastCalledWith(71, "April", "X-ray resent by fax");

    await fireEvent.input(byId("worklist-follow-up-date"), { target: { value: "4/15/2026" } });
    await fireEvent.click(byId("worklist-follow-up-save"));
    await screen.findByTestId("worklist-saved");
    expect(claimFollowUp).toHaveBeenLastCalledWith(71, "2026-04-15", "X-ray resent by fax");
    expect(screen.queryByTestId("worklist-editor")).toBeNull();
    expect(screen.getByTestId("worklist-follow-up").textContent).toBe("04/15/2026");
    expect(screen.getByTestId("worklist-notes").textContent).toBe("X-ray resent by fax");
  });
});
