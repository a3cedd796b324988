import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const printers = vi.fn();
const printerDefaults = vi.fn();
const printerDefaultSet = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    printers: () => printers(),
    printerDefaults: () => printerDefaults(),
    printerDefaultSet: (k: string, p: string) => printerDefaultSet(k, p),
  },
}));

import PrinterDefaults from "./PrinterDefaults.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });

describe("printer defaults", () => {
  afterEach(() => {
    cleanup();
    vi.clearAllMocks();
  });

  it("shows each kind's printer and saves a change (blank = system default)", async () => {
    printers.mockResolvedValue(ok([{ name: "Front", description: "", is_default: true, duplex: false }, { name: "Back", description: "", is_default: false, duplex: true }]));
    printerDefaults.mockResolvedValue(ok([{ kind: "statement", printer: "Back" }, { kind: "receipt", printer: null }, { kind: "checkin_packet", printer: "Gone" }, { kind: "claim_form", printer: null }]));
    printerDefaultSet.mockResolvedValue(ok(null));
    render(PrinterDefaults);
    const statement = (await screen.findByTestId("printer-default-statement")) as HTMLSelectElement;
    expect(statement.value).toBe("Back");
    expect((screen.getByTestId("printer-default-receipt") as HTMLSelectElement).value).toBe("");
    expect(screen.getByTestId("printer-default-checkin_packet").textContent).toContain("Gone (not found)");
    await fireEvent.change(screen.getByTestId("printer-default-receipt"), { target: { value: "Front" } });
    expect(printerDefaultSet).toHaveBeenCalledWith("receipt", "Front");
    await fireEvent.change(statement, { target: { value: "" } });
    expect(printerDefaultSet).toHaveBeenLastCalledWith("statement", "");
    expect(await screen.findByText("Saved")).toBeTruthy();
  });
});
