import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const planSave = vi.fn();
vi.mock("../../bindings", () => ({
  commands: { planSave: (id: number | null, d: unknown) => planSave(id, d) },
}));

import PlanEditor from "./PlanEditor.svelte";

const carriers = [{ id: 4, details: { name: "Delta Dental", payer_id: "", phone: "", address: { line1: "", line2: "", city: "", state: "", postal_code: "", country: "" } } }];

describe("the plan editor", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("sends a PPO with its maximum, deductible, coverage and pasted allowed fees", async () => {
    planSave.mockResolvedValue({ status: "ok", data: { id: 1, carrier_name: "Delta Dental", details: {} } });
    const onSaved = vi.fn();
    render(PlanEditor, { carriers, onSaved, onCancel: vi.fn() });
    await fireEvent.input(screen.getByTestId("field-group_name"), { target: { value: "Acme PPO" } });
    await fireEvent.input(screen.getByTestId("field-benefits.annual_max"), { target: { value: "1000.00" } });
    await fireEvent.input(screen.getByTestId("field-benefits.deductible"), { target: { value: "50" } });
    await fireEvent.click(screen.getByText("Paste list…", { selector: "[data-testid='rows-benefits.allowed'] button" }));
    await fireEvent.input(screen.getByTestId("benefits.allowed-paste"), { target: { value: "D2740\t900.00\nD2391,150" } });
    await fireEvent.click(screen.getByTestId("benefits.allowed-paste-apply"));
    await fireEvent.click(screen.getByTestId("save-plan"));
    expect(planSave).toHaveBeenCalledTimes(1);
    const [id, draft] = planSave.mock.calls[0];
    expect(id).toBeNull();
    expect(draft.carrier_id).toBe(4);
    expect(draft.plan_type).toBe("ppo");
    expect(draft.benefits.annual_max).toBe("1000.00");
    expect(draft.benefits.allowed).toEqual([
      { code: "D2740", amount: "900.00" },
      { code: "D2391", amount: "150" },
    ]);
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
  });

  it("puts the server's error under the coverage row it names", async () => {
    planSave.mockResolvedValue({
      status: "error",
      error: { code: "validation", message: "Please correct", fields: [{ field: "benefits.coverage[1].percent", problem: "percent 180 is over 100" }] },
    });
    render(PlanEditor, { carriers, onSaved: vi.fn(), onCancel: vi.fn() });
    await fireEvent.input(screen.getByTestId("field-group_name"), { target: { value: "Acme PPO" } });
    await fireEvent.input(screen.getByTestId("coverage-percent-1"), { target: { value: "180" } });
    await fireEvent.click(screen.getByTestId("save-plan"));
    expect((await screen.findByTestId("coverage-error-1")).textContent).toContain("percent 180 is over 100");
    expect(screen.getByTestId("coverage-percent-1").getAttribute("aria-invalid")).toBe("true");
    expect(planSave.mock.calls[0][1].benefits.coverage[1].percent).toBe(180);
  });

  it("refuses an empty percent before sending", async () => {
    render(PlanEditor, { carriers, onSaved: vi.fn(), onCancel: vi.fn() });
    await fireEvent.input(screen.getByTestId("coverage-percent-0"), { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("save-plan"));
    expect((await screen.findByTestId("coverage-error-0")).textContent).toContain("enter a percent");
    expect(planSave).not.toHaveBeenCalled();
  });
});
