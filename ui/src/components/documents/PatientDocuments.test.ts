import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const statementsSent = vi.fn();
const documentPreview = vi.fn();
const printers = vi.fn();
const printerDefaults = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    statementsSent: (p: number) => statementsSent(p),
    documentPreview: (r: unknown) => documentPreview(r),
    printers: () => printers(),
    printerDefaults: () => printerDefaults(),
  },
}));
vi.mock("../../lib/pdfjs", () => ({
  openPdf: vi.fn(async () => ({ numPages: 0, getPage: vi.fn(), destroy: async () => {} })),
}));

import PatientDocuments from "./PatientDocuments.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const sent = (id: number, date: string) => ({ id, run_id: null, guarantor_id: 7, statement_date: date, amount_due_cents: 4500, actor: "desk" });

describe("documents on the patient card", () => {
  afterEach(() => {
    cleanup();
    vi.clearAllMocks();
  });

  it("opens the print dialog for the receipt, statement and check-in forms", async () => {
    statementsSent.mockResolvedValue(ok([]));
    documentPreview.mockReturnValue(new Promise(() => {}));
    printers.mockResolvedValue(ok([]));
    printerDefaults.mockResolvedValue(ok([]));
    render(PatientDocuments, { patientId: 12 });
    for (const [id, request] of [
      ["print-receipt", { document: "receipt", patient: 12 }],
      ["print-statement", { document: "statement", patient: 12 }],
      ["print-checkin", { document: "checkin_patient", patient: 12 }],
    ] as const) {
      await fireEvent.click(screen.getByTestId(id));
      expect(documentPreview).toHaveBeenLastCalledWith(request);
      await fireEvent.click(screen.getByTestId("print-close"));
      expect(screen.queryByTestId("print-dialog")).toBeNull();
    }
    expect(statementsSent).toHaveBeenCalledWith(12);
  });

  it("lists the statements sent to the guarantor, newest first, each reprintable as sent", async () => {
    statementsSent.mockResolvedValue(ok([sent(5, "2026-11-01"), sent(4, "2026-10-01"), sent(3, "2026-09-01"), sent(2, "2026-08-01")]));
    documentPreview.mockReturnValue(new Promise(() => {}));
    printers.mockResolvedValue(ok([]));
    printerDefaults.mockResolvedValue(ok([]));
    render(PatientDocuments, { patientId: 12 });
    const table = await screen.findByTestId("statements-sent");
    expect(within(table).getAllByTestId("statement-reprint")).toHaveLength(3);
    await fireEvent.click(screen.getByTestId("statements-sent-all"));
    expect(within(table).getAllByTestId("statement-reprint")).toHaveLength(4);
    expect(table.textContent).toContain("11/01/2026");
    await fireEvent.click(within(table).getAllByTestId("statement-reprint")[0]);
    expect(documentPreview).toHaveBeenCalledWith({ document: "statement_copy", id: 5 });
    expect(screen.getByText("Statement of 11/01/2026 (as sent)")).toBeTruthy();
  });
});
