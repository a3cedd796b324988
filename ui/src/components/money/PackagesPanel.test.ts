import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PackageBalance, PackageView } from "../../bindings";

const packages = vi.fn();
const packageBalances = vi.fn();
const packageSell = vi.fn();
const packageRedeem = vi.fn();
const packageAdd = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    packages: (...a: unknown[]) => packages(...a),
    packageBalances: (...a: unknown[]) => packageBalances(...a),
    packageSell: (...a: unknown[]) => packageSell(...a),
    packageRedeem: (...a: unknown[]) => packageRedeem(...a),
    packageAdd: (...a: unknown[]) => packageAdd(...a),
  },
}));

import PackagesPanel from "./PackagesPanel.svelte";
import PackageSetup from "./PackageSetup.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const byId = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const type = (id: string, value: string) => fireEvent.input(byId(id), { target: { value } });

const offered: PackageView[] = [
  { id: 1, name: "Laser x3", sessions: 3, price_cents: 90000, active: true },
  { id: 2, name: "Old facial", sessions: 5, price_cents: 50000, active: false },
  { id: 3, name: "Peel x6", sessions: 6, price_cents: 60000, active: true },
];
const balance = (sale_id: number, name: string, remaining: number, value: number): PackageBalance => ({
  sale_id, name, sold_on: "2026-02-01", sessions: 3, remaining, remaining_value_cents: value,
});

describe("the patient's packages", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("lists sessions and value left, and redeems one (not when none is left)", async () => {
    packages.mockResolvedValue(ok(offered));
    packageBalances.mockResolvedValue(ok([balance(10, "Laser x3", 2, 60000), balance(11, "Laser x3", 0, 0)]));
    packageRedeem.mockResolvedValue(ok(null));
    const onChanged = vi.fn();
    render(PackagesPanel, { patientId: 7, onChanged });
    const rows = await screen.findAllByTestId("package-balance");
    expect(within(rows[0]).getByTestId("package-remaining").textContent).toBe("2 of 3");
    expect(within(rows[0]).getByTestId("package-value").textContent).toBe("$600.00");
    expect((within(rows[1]).getByTestId("package-redeem") as HTMLButtonElement).disabled).toBe(true);
    packageBalances.mockResolvedValue(ok([balance(10, "Laser x3", 1, 30000), balance(11, "Laser x3", 0, 0)]));
    await fireEvent.click(within(rows[0]).getByTestId("package-redeem"));
    expect(packageRedeem).toHaveBeenCalledWith(10, null);
    await vi.waitFor(() => expect(screen.getAllByTestId("package-remaining")[0].textContent).toBe("1 of 3"));
    expect(byId("package-done").textContent).toContain("redeemed");
    expect(onChanged).not.toHaveBeenCalled();
  });

  it("sells only active packages and tells the card the account changed", async () => {
    packages.mockResolvedValue(ok(offered));
    packageBalances.mockResolvedValue(ok([]));
    packageSell.mockResolvedValue(ok(null));
    const onChanged = vi.fn();
    render(PackagesPanel, { patientId: 7, onChanged });
    expect(await screen.findByTestId("packages-empty")).toBeTruthy();
    const options = Array.from((byId("package-choice") as unknown as HTMLSelectElement).options).map((o) => o.textContent);
    expect(options).toEqual(["Laser x3 · 3 sessions · $900.00", "Peel x6 · 6 sessions · $600.00"]);
    await fireEvent.change(byId("package-choice"), { target: { value: "3" } });
    await fireEvent.click(byId("package-sell"));
    expect(packageSell).toHaveBeenCalledWith(7, 3);
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(byId("package-done").textContent).toContain("Peel x6 sold: $600.00 charged");
  });
});

describe("the office's package list", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("adds a package, and shows the server's problem next to its field", async () => {
    packages.mockResolvedValue(ok([offered[0]]));
    packageAdd
      .mockResolvedValueOnce({ status: "error", error: { code: "validation", message: "Check the package.", fields: [{ field: "sessions", problem: "Enter 1 to 1000 sessions." }] } })
      .mockResolvedValueOnce(ok({ id: 4, name: "Botox club", sessions: 4, price_cents: 120000, active: true }));
    render(PackageSetup);
    expect(await screen.findAllByTestId("package-row")).toHaveLength(1);
    await type("package-name", "Botox club");
    await type("package-sessions", "0");
    await type("package-price", "1,200");
    await fireEvent.click(byId("package-add"));
    expect(packageAdd).toHaveBeenCalledWith("Botox club", 0, 120000);
    expect((await screen.findByTestId("field-error-sessions")).textContent).toBe("Enter 1 to 1000 sessions.");
    expect(byId("package-name").value).toBe("Botox club");
    await type("package-sessions", "4");
    await fireEvent.click(byId("package-add"));
    expect(packageAdd).toHaveBeenLastCalledWith("Botox club", 4, 120000);
    await vi.waitFor(() => expect(screen.getAllByTestId("package-row")).toHaveLength(2));
    expect(byId("package-name").value).toBe("");
  });

  it("checks the price is a number before sending", async () => {
    packages.mockResolvedValue(ok([]));
    render(PackageSetup);
    await type("package-sessions", "3");
    await type("package-price", "lots");
    await fireEvent.click(byId("package-add"));
    expect(await screen.findByTestId("field-error-price")).toBeTruthy();
    expect(packageAdd).not.toHaveBeenCalled();
  });
});
