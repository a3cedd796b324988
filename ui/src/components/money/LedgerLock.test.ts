import { afterEach, describe, expect, it, vi, beforeEach } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";

const ledgerLock = vi.fn();
vi.mock("../../bindings", () => ({ commands: { ledgerLock: (...a: unknown[]) => ledgerLock(...a) } }));

import LedgerLock from "./LedgerLock.svelte";

describe("LedgerLock", () => {
  beforeEach(() => ledgerLock.mockReset());
  afterEach(() => cleanup());

  it("closes the books through the typed date", async () => {
    ledgerLock.mockResolvedValue({ status: "ok", data: null });
    render(LedgerLock);
    await fireEvent.input(screen.getByTestId("ledger-lock-date"), { target: { value: "10/31/2026" } });
    await fireEvent.click(screen.getByTestId("ledger-lock-save"));
    expect(ledgerLock).toHaveBeenCalledWith("10/31/2026");
    expect((await screen.findByTestId("ledger-lock-done")).textContent).toContain("closed through 10/31/2026");
  });

  it("shows why a lock was refused", async () => {
    ledgerLock.mockResolvedValue({
      status: "error",
      error: { code: "validation", message: "Please correct", fields: [{ field: "date", problem: "is before the present lock: a lock only moves forward" }] },
    });
    render(LedgerLock);
    await fireEvent.input(screen.getByTestId("ledger-lock-date"), { target: { value: "01/01/2020" } });
    await fireEvent.click(screen.getByTestId("ledger-lock-save"));
    expect((await screen.findByTestId("ledger-lock-error")).textContent).toContain("only moves forward");
  });
});
