import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const planSave = vi.fn();
vi.mock("../../bindings", () => ({
  commands: { planSave: (id: number | null, d: unknown) => planSave(id, d) },
}));

import PlanEditor from "./PlanEditor.svelte";
import { emptyBenefits } from "../../lib/plan";

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

  it("sends alternate benefits, age limits, codes not counted against the maximum and a per-tooth window", async () => {
    planSave.mockResolvedValue({ status: "ok", data: { id: 1, carrier_name: "Delta Dental", details: {} } });
    render(PlanEditor, { carriers, onSaved: vi.fn(), onCancel: vi.fn() });
    await fireEvent.input(screen.getByTestId("field-group_name"), { target: { value: "Acme PPO" } });
    await fireEvent.input(screen.getByTestId("field-benefits.max_exempt"), { target: { value: "D0000-D1999" } });
    await fireEvent.click(screen.getByTestId("downgrade-add"));
    await fireEvent.input(screen.getByTestId("downgrade-from-0"), { target: { value: "D2391-D2394" } });
    await fireEvent.input(screen.getByTestId("downgrade-to-0"), { target: { value: "D2150" } });
    await fireEvent.click(screen.getByTestId("age-add"));
    await fireEvent.input(screen.getByTestId("age-codes-0"), { target: { value: "D1206,D1208" } });
    await fireEvent.input(screen.getByTestId("age-min-0"), { target: { value: "" } });
    await fireEvent.input(screen.getByTestId("age-max-0"), { target: { value: "18" } });
    await fireEvent.click(screen.getByTestId("frequency-add"));
    expect(screen.queryByTestId("frequency-months-0")).toBeNull();
    await fireEvent.input(screen.getByTestId("frequency-codes-0"), { target: { value: "D2740-D2799" } });
    await fireEvent.input(screen.getByTestId("frequency-times-0"), { target: { value: "1" } });
    await fireEvent.change(screen.getByTestId("frequency-per-0"), { target: { value: "months" } });
    await fireEvent.input(screen.getByTestId("frequency-months-0"), { target: { value: "60" } });
    await fireEvent.click(screen.getByTestId("frequency-per-tooth-0"));
    await fireEvent.click(screen.getByTestId("save-plan"));
    expect(planSave).toHaveBeenCalledTimes(1);
    const b = planSave.mock.calls[0][1].benefits;
    expect(b.max_exempt).toBe("D0000-D1999");
    expect(b.downgrades).toEqual([{ from: "D2391-D2394", to: "D2150", posterior_only: true }]);
    expect(b.age_limits).toEqual([{ codes: "D1206,D1208", min_age: 0, max_age: 18 }]);
    expect(b.frequency).toEqual([{ codes: "D2740-D2799", times: 1, per: "months", months: 60, per_tooth: true }]);
  });

  it("puts the server's error under the alternate benefit, age limit or frequency row it names", async () => {
    planSave.mockResolvedValue({
      status: "error",
      error: {
        code: "validation",
        message: "Please correct",
        fields: [
          { field: "benefits.downgrades[0].to", problem: "no allowed fee for D2150 (add it to the plan's allowed fees)" },
          { field: "benefits.age_limits[0].min_age", problem: "19 is above max_age 18" },
          { field: "benefits.frequency[0].months", problem: "0 is out of range (expected 1 to 1200)" },
        ],
      },
    });
    render(PlanEditor, { carriers, onSaved: vi.fn(), onCancel: vi.fn() });
    await fireEvent.input(screen.getByTestId("field-group_name"), { target: { value: "Acme PPO" } });
    await fireEvent.click(screen.getByTestId("downgrade-add"));
    await fireEvent.input(screen.getByTestId("downgrade-from-0"), { target: { value: "D2392" } });
    await fireEvent.input(screen.getByTestId("downgrade-to-0"), { target: { value: "D2150" } });
    await fireEvent.click(screen.getByTestId("age-add"));
    await fireEvent.input(screen.getByTestId("age-codes-0"), { target: { value: "D1206" } });
    await fireEvent.input(screen.getByTestId("age-min-0"), { target: { value: "19" } });
    await fireEvent.click(screen.getByTestId("frequency-add"));
    await fireEvent.change(screen.getByTestId("frequency-per-0"), { target: { value: "months" } });
    await fireEvent.input(screen.getByTestId("frequency-months-0"), { target: { value: "0" } });
    await fireEvent.click(screen.getByTestId("save-plan"));
    expect((await screen.findByTestId("downgrade-error-0")).textContent).toContain("Row 1: no allowed fee for D2150");
    expect(screen.getByTestId("downgrade-to-0").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("age-error-0").textContent).toContain("19 is above max_age 18");
    expect(screen.getByTestId("age-min-0").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("frequency-error-0").textContent).toContain("0 is out of range");
    expect(screen.getByTestId("frequency-months-0").getAttribute("aria-invalid")).toBe("true");
  });

  it("refuses an empty maximum age or months before sending", async () => {
    render(PlanEditor, { carriers, onSaved: vi.fn(), onCancel: vi.fn() });
    await fireEvent.click(screen.getByTestId("age-add"));
    await fireEvent.input(screen.getByTestId("age-max-0"), { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("frequency-add"));
    await fireEvent.change(screen.getByTestId("frequency-per-0"), { target: { value: "months" } });
    await fireEvent.input(screen.getByTestId("frequency-months-0"), { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("save-plan"));
    expect((await screen.findByTestId("age-error-0")).textContent).toContain("enter the maximum age");
    expect(screen.getByTestId("frequency-error-0").textContent).toContain("enter the months");
    expect(planSave).not.toHaveBeenCalled();
  });

  it("opens a stored 60_months limit as per months with 60, per tooth off", async () => {
    const details = {
      carrier_id: 4, group_name: "Old", group_number: "", employer: "", plan_type: "ppo",
      benefits: { ...emptyBenefits(), frequency: [{ codes: "D0210", times: 1, per: "60_months" }] },
    };
    render(PlanEditor, { plan: { id: 7, carrier_name: "Delta Dental", details } as never, carriers, onSaved: vi.fn(), onCancel: vi.fn() });
    expect((screen.getByTestId("frequency-per-0") as HTMLSelectElement).value).toBe("months");
    expect((screen.getByTestId("frequency-months-0") as HTMLInputElement).value).toBe("60");
    expect((screen.getByTestId("frequency-per-tooth-0") as HTMLInputElement).checked).toBe(false);
  });
});
