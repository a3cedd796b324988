import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const scheduleDay = vi.fn();
const dueToday = vi.fn();
const documentPreview = vi.fn();
const printers = vi.fn();
const printerDefaults = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    scheduleDay: (d: string) => scheduleDay(d),
    dueToday: (p: number) => dueToday(p),
    documentPreview: (r: unknown) => documentPreview(r),
    printers: () => printers(),
    printerDefaults: () => printerDefaults(),
  },
}));
vi.mock("../../lib/pdfjs", () => ({
  openPdf: vi.fn(async () => ({ numPages: 0, getPage: vi.fn(), destroy: async () => {} })),
}));

import TodayBoard from "./TodayBoard.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const person = (id: number) => ({ id, last_name: `P${id}`, first_name: "A", preferred_name: "", date_of_birth: "1980-01-01", chart_number: "1", phone: "", status: "active", has_alerts: false, guarantor_id: null });
const appt = (id: number, status: string) => ({
  id, patient: person(id), start: "", local_date: "2026-11-24", local_time: "09:00", minutes: 30, provider_id: 1, provider: "Dr. A",
  operatory_id: 1, operatory: "Op 1", type_id: 1, type_name: "Filling", colour: "#000", status, notes: "", checked_in_at: null,
});

describe("printing from the today board", () => {
  afterEach(() => {
    cleanup();
    vi.clearAllMocks();
    vi.useRealTimers();
  });

  it("prints tomorrow's check-in packets and a checked-out patient's receipt", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2026, 10, 30, 16, 0));
    scheduleDay.mockResolvedValue(ok({ date: "2026-11-30", appointments: [appt(1, "scheduled"), appt(3, "completed")] }));
    documentPreview.mockReturnValue(new Promise(() => {}));
    printers.mockResolvedValue(ok([]));
    printerDefaults.mockResolvedValue(ok([]));
    render(TodayBoard, { onOpenPatient: vi.fn() });
    await fireEvent.click(screen.getByTestId("print-checkin-tomorrow"));
    expect(documentPreview).toHaveBeenCalledWith({ document: "checkin_day", date: "2026-12-01" });
    await fireEvent.click(screen.getByTestId("print-close"));
    const gone = await screen.findByTestId("board-checked-out");
    await vi.waitFor(() => expect(within(gone).getAllByTestId("row-receipt")).toHaveLength(1));
    expect(within(screen.getByTestId("board-due")).queryByTestId("row-receipt")).toBeNull();
    await fireEvent.click(within(gone).getByTestId("row-receipt"));
    expect(documentPreview).toHaveBeenLastCalledWith({ document: "receipt", patient: 3 });
  });
});
