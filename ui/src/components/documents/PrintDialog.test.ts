import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const documentPreview = vi.fn();
const documentPrint = vi.fn();
const documentSave = vi.fn();
const printers = vi.fn();
const printerDefaults = vi.fn();
const printerDefaultSet = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    documentPreview: (r: unknown) => documentPreview(r),
    documentPrint: (r: unknown, o: unknown) => documentPrint(r, o),
    documentSave: (r: unknown) => documentSave(r),
    printers: () => printers(),
    printerDefaults: () => printerDefaults(),
    printerDefaultSet: (k: string, p: string) => printerDefaultSet(k, p),
  },
}));

// pdf.js itself does not run in jsdom: a two-page document whose pages "draw" at once.
const render_ = vi.fn(() => ({ promise: Promise.resolve() }));
vi.mock("../../lib/pdfjs", () => ({
  openPdf: vi.fn(async () => ({
    numPages: 2,
    getPage: async () => ({ getViewport: ({ scale }: { scale: number }) => ({ width: 612 * scale, height: 792 * scale }), render: render_ }),
    destroy: async () => {},
  })),
}));

import PrintDialog from "./PrintDialog.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const fail = (code: string, message: string, fields: unknown[] = []) => ({ status: "error", error: { code, message, fields } });
const pdf = { kind: "statement", file_name: "statement.pdf", base64: "JVBERi0xLjQK" };
const list = [
  { name: "Front", description: "Front desk", is_default: true, duplex: false },
  { name: "PDF", description: "", is_default: false, duplex: true },
];
const request = { document: "statement", patient: 7 } as const;

describe("the print dialog", () => {
  afterEach(() => {
    cleanup();
    vi.clearAllMocks();
  });

  it("previews the document and starts on this workstation's printer for the kind", async () => {
    documentPreview.mockResolvedValue(ok(pdf));
    printers.mockResolvedValue(ok(list));
    printerDefaults.mockResolvedValue(ok([{ kind: "receipt", printer: "Front" }, { kind: "statement", printer: "PDF" }]));
    render(PrintDialog, { request, title: "Statement", onClose: vi.fn() });
    const select = (await screen.findByTestId("print-printer")) as HTMLSelectElement;
    expect(select.value).toBe("PDF");
    expect(Array.from(select.options).map((o) => o.value)).toEqual(["Front", "PDF"]);
    expect(documentPreview).toHaveBeenCalledWith(request);
    await vi.waitFor(() => expect(screen.getByTestId("pdf-preview").dataset.pages).toBe("2"));
    expect(screen.getByTestId("pdf-preview").querySelectorAll("canvas")).toHaveLength(2);
    expect(screen.getByTestId("print-make-default").textContent).toContain("Make default for statements");
  });

  it("prints with the copies and duplex chosen and shows the job", async () => {
    const onDone = vi.fn();
    documentPreview.mockResolvedValue(ok(pdf));
    printers.mockResolvedValue(ok(list));
    printerDefaults.mockResolvedValue(ok([]));
    documentPrint.mockResolvedValue(ok({ outcome: { printer: "PDF", job_id: "PDF-12", duplex_used: true }, statement_id: 31 }));
    render(PrintDialog, { request, onClose: vi.fn(), onDone });
    const select = (await screen.findByTestId("print-printer")) as HTMLSelectElement;
    expect(select.value).toBe("Front"); // the system default
    expect((screen.getByTestId("print-duplex") as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByTestId("print-duplex-hint")).toBeTruthy();
    await fireEvent.change(select, { target: { value: "PDF" } });
    expect((screen.getByTestId("print-duplex") as HTMLInputElement).disabled).toBe(false);
    await fireEvent.input(screen.getByTestId("print-copies"), { target: { value: "2" } });
    await fireEvent.click(screen.getByTestId("print-duplex"));
    await vi.waitFor(() => expect((screen.getByTestId("print-submit") as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(screen.getByTestId("print-submit"));
    expect(documentPrint).toHaveBeenCalledWith(request, { printer: "PDF", copies: 2, duplex: true });
    expect((await screen.findByTestId("print-result")).textContent).toBe("Sent to PDF (job PDF-12)");
    expect(onDone).toHaveBeenCalled();
  });

  it("shows the printer error in the dialog", async () => {
    documentPreview.mockResolvedValue(ok(pdf));
    printers.mockResolvedValue(ok(list));
    printerDefaults.mockResolvedValue(ok([]));
    documentPrint.mockResolvedValue(fail("printer", "The print system refused the job: printer is stopped"));
    render(PrintDialog, { request: { document: "receipt", patient: 3 }, onClose: vi.fn() });
    await screen.findByTestId("print-printer");
    await vi.waitFor(() => expect((screen.getByTestId("print-submit") as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(screen.getByTestId("print-submit"));
    expect((await screen.findByTestId("print-error")).textContent).toBe("The print system refused the job: printer is stopped");
    expect(screen.queryByTestId("print-result")).toBeNull();
  });

  it("refuses 0 copies before asking, and saves as PDF", async () => {
    documentPreview.mockResolvedValue(ok(pdf));
    printers.mockResolvedValue(ok(list));
    printerDefaults.mockResolvedValue(ok([]));
    documentSave.mockResolvedValue(ok("/home/desk/Documents/statement.pdf"));
    render(PrintDialog, { request, onClose: vi.fn() });
    await screen.findByTestId("print-printer");
    await vi.waitFor(() => expect((screen.getByTestId("print-submit") as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.input(screen.getByTestId("print-copies"), { target: { value: "0" } });
    await fireEvent.click(screen.getByTestId("print-submit"));
    expect(documentPrint).not.toHaveBeenCalled();
    expect(screen.getByTestId("print-copies-error").textContent).toContain("1 to 99");
    await fireEvent.click(screen.getByTestId("print-save"));
    expect((await screen.findByTestId("print-result")).textContent).toBe("Saved to /home/desk/Documents/statement.pdf");
  });

  it("offers only Save as PDF when there is no printer, and makes a default when there is", async () => {
    documentPreview.mockResolvedValue(ok(pdf));
    printers.mockResolvedValue(ok([]));
    printerDefaults.mockResolvedValue(ok([]));
    render(PrintDialog, { request: { document: "checkin_day", date: "2026-11-25" }, onClose: vi.fn() });
    expect(await screen.findByTestId("print-no-printers")).toBeTruthy();
    expect(screen.queryByTestId("print-submit")).toBeNull();
    expect(screen.queryByTestId("print-make-default")).toBeNull();
    expect(screen.getByTestId("print-save")).toBeTruthy();
    expect(screen.getByText("Check-in packets for 11/25/2026")).toBeTruthy();
  });

  it("keeps the chosen printer as this workstation's default for the kind", async () => {
    documentPreview.mockResolvedValue(ok(pdf));
    printers.mockResolvedValue(ok(list));
    printerDefaults.mockResolvedValue(ok([]));
    printerDefaultSet.mockResolvedValue(ok(null));
    render(PrintDialog, { request: { document: "checkin_patient", patient: 3 }, onClose: vi.fn() });
    await fireEvent.change(await screen.findByTestId("print-printer"), { target: { value: "PDF" } });
    await fireEvent.click(screen.getByTestId("print-make-default"));
    expect(printerDefaultSet).toHaveBeenCalledWith("checkin_packet", "PDF");
    expect((await screen.findByTestId("print-result")).textContent).toContain("PDF");
  });
});
