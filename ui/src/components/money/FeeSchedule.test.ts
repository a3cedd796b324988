import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const feeSchedule = vi.fn();
const feeScheduleImport = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    feeSchedule: () => feeSchedule(),
    feeScheduleImport: (csv: string) => feeScheduleImport(csv),
  },
}));

import FeeSchedule from "./FeeSchedule.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });

function chooseFile(text: string, name = "fees.csv") {
  const input = screen.getByTestId("fees-file") as HTMLInputElement;
  // jsdom's File has no text(); the webview's has. Only name and text() are used.
  const file = { name, text: async () => text };
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  return fireEvent.change(input);
}

describe("the fee schedule screen", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("lists fees in dollars and imports a CSV file's text", async () => {
    feeSchedule.mockResolvedValueOnce(ok([])).mockResolvedValue(ok([{ code: "D2740", description: "Crown", fee_cents: 125000 }]));
    feeScheduleImport.mockResolvedValue(ok({ added: 1, updated: 0, unchanged: 0 }));
    render(FeeSchedule);
    expect((await screen.findByText(/No fee schedule yet/)).textContent).toContain("import");
    await chooseFile("code,description,fee\nD2740,Crown,1250\n");
    expect((await screen.findByTestId("fees-import-result")).textContent).toBe("fees.csv: 1 added, 0 updated, 0 unchanged.");
    expect(feeScheduleImport).toHaveBeenCalledWith("code,description,fee\nD2740,Crown,1250\n");
    expect((await screen.findByTestId("fee-row")).textContent).toContain("$1,250.00");
  });

  it("lists every bad line of a refused file", async () => {
    feeSchedule.mockResolvedValue(ok([]));
    feeScheduleImport.mockResolvedValue({
      status: "error",
      error: {
        code: "validation",
        message: "Please correct: …",
        fields: [
          { field: "line 3: fee", problem: "is negative" },
          { field: "line 7: code", problem: "appears twice in the file" },
        ],
      },
    });
    render(FeeSchedule);
    await chooseFile("…", "office.csv");
    const box = await screen.findByTestId("error-message");
    expect(box.textContent).toContain("office.csv was not imported; nothing changed");
    expect(box.textContent).toContain("line 3: fee is negative");
    expect(box.textContent).toContain("line 7: code appears twice in the file");
  });
});
