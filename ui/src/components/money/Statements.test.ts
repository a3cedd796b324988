import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const documentSettings = vi.fn();
const printers = vi.fn();
const printerDefaults = vi.fn();
const statementsRun = vi.fn();
const statementRuns = vi.fn();
const statementsOfRun = vi.fn();
const documentPreview = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    documentSettings: () => documentSettings(),
    printers: () => printers(),
    printerDefaults: () => printerDefaults(),
    statementsRun: (o: unknown, d: boolean, p: unknown) => statementsRun(o, d, p),
    statementRuns: () => statementRuns(),
    statementsOfRun: (r: number) => statementsOfRun(r),
    documentPreview: (r: unknown) => documentPreview(r),
  },
}));
vi.mock("../../lib/pdfjs", () => ({
  openPdf: vi.fn(async () => ({ numPages: 0, getPage: vi.fn(), destroy: async () => {} })),
}));

import Statements from "./Statements.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const settings = {
  statement_note: "Thanks", statement_due_days: 21, statement_min_balance_cents: 500, statement_skip_days: 28,
  hipaa_text: "h", financial_policy_text: "f", treatment_consent_text: "t", photo_consent_text: "p", photo_consent_for_all: false,
};
const list = [
  { name: "Front", description: "", is_default: true, duplex: false },
  { name: "Back", description: "", is_default: false, duplex: true },
];
const candidates = [
  { guarantor_id: 7, guarantor: "Nguyễn, Anh", balance_cents: 42000, amount_due_cents: 30000, last_statement: "2026-09-30" },
  { guarantor_id: 9, guarantor: "Smith, Jo", balance_cents: 1500, amount_due_cents: 1500, last_statement: null },
];

function setUp() {
  documentSettings.mockResolvedValue(ok(settings));
  printers.mockResolvedValue(ok(list));
  printerDefaults.mockResolvedValue(ok([{ kind: "statement", printer: "Back" }]));
  statementRuns.mockResolvedValue(ok([]));
}

describe("statement runs", () => {
  afterEach(() => {
    cleanup();
    vi.clearAllMocks();
  });

  it("previews who would get a statement without sending anything", async () => {
    setUp();
    statementsRun.mockResolvedValue(ok({ run: { run_id: null, statements: candidates, total_due_cents: 31500 }, printed: null }));
    const onOpen = vi.fn();
    render(Statements, { onOpen });
    const min = (await screen.findByTestId("statements-min-balance")) as HTMLInputElement;
    await vi.waitFor(() => expect(min.value).toBe("5.00"));
    expect((screen.getByTestId("statements-skip-days") as HTMLInputElement).value).toBe("28");
    expect((screen.getByTestId("statements-printer") as HTMLSelectElement).value).toBe("Back");
    await fireEvent.input(min, { target: { value: "10" } });
    await fireEvent.click(screen.getByTestId("statements-preview-button"));
    expect(statementsRun).toHaveBeenCalledWith({ min_balance_cents: 1000, skip_days: 28 }, true, null);
    const table = await screen.findByTestId("statements-preview");
    const rows = within(table).getAllByTestId("statements-candidate");
    expect(rows.map((r) => r.textContent)).toEqual(["Nguyễn, Anh$420.00$300.0009/30/2026", "Smith, Jo$15.00$15.00never"]);
    expect(table.textContent).toContain("$315.00");
    await fireEvent.click(within(rows[0]).getByText("Nguyễn, Anh"));
    expect(onOpen).toHaveBeenCalledWith(7);
  });

  it("runs and prints, shows the result and lists the new run", async () => {
    setUp();
    statementsRun.mockResolvedValue(ok({ run: { run_id: 4, statements: candidates, total_due_cents: 31500 }, printed: { printer: "Back", job_id: "Back-3", duplex_used: false } }));
    render(Statements, {});
    await vi.waitFor(() => expect((screen.getByTestId("statements-printer") as HTMLSelectElement).value).toBe("Back"));
    await fireEvent.change(screen.getByTestId("statements-printer"), { target: { value: "Front" } });
    statementRuns.mockResolvedValue(ok([{ id: 4, run_at: "2026-11-24T15:00:00Z", actor: "desk", statement_count: 2, total_due_cents: 31500 }]));
    statementsOfRun.mockResolvedValue(ok([{ id: 11, run_id: 4, guarantor_id: 7, statement_date: "2026-11-24", amount_due_cents: 30000, actor: "desk" }]));
    await fireEvent.click(screen.getByTestId("statements-run"));
    expect(statementsRun).toHaveBeenCalledWith({ min_balance_cents: 500, skip_days: 28 }, false, { printer: "Front", copies: 1, duplex: false });
    expect((await screen.findByTestId("statements-result")).textContent).toBe("2 statements sent, total due $315.00");
    expect(screen.getByTestId("statements-printed").textContent).toBe("Sent to Back (job Back-3)");
    await fireEvent.click(await screen.findByTestId("statement-run-toggle"));
    const sent = await screen.findByTestId("statement-run-statements");
    expect(sent.textContent).toContain("Nguyễn, Anh");
    expect(sent.textContent).toContain("$300.00");
    documentPreview.mockReturnValue(new Promise(() => {}));
    await fireEvent.click(within(sent).getByTestId("statement-reprint"));
    expect(documentPreview).toHaveBeenCalledWith({ document: "statement_copy", id: 11 });
    expect(screen.getByTestId("print-dialog")).toBeTruthy();
  });

  it("checks the minimum balance before running", async () => {
    setUp();
    render(Statements, {});
    const min = await screen.findByTestId("statements-min-balance");
    await vi.waitFor(() => expect((min as HTMLInputElement).value).toBe("5.00"));
    await fireEvent.input(min, { target: { value: "lots" } });
    await fireEvent.click(screen.getByTestId("statements-run"));
    expect(statementsRun).not.toHaveBeenCalled();
    expect(screen.getByText("Minimum balance is not an amount")).toBeTruthy();
  });
});
