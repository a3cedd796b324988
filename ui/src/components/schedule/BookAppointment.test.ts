import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const scheduleSetup = vi.fn();
const scheduleFree = vi.fn();
const appointmentBook = vi.fn();
const patientAppointments = vi.fn();
const patientContacts = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    scheduleSetup: () => scheduleSetup(),
    scheduleFree: (r: unknown, from: string, n: number) => scheduleFree(r, from, n),
    appointmentBook: (d: unknown) => appointmentBook(d),
    patientAppointments: (p: number) => patientAppointments(p),
    patientContacts: (p: number) => patientContacts(p),
  },
}));

import BookAppointment from "./BookAppointment.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const setup = {
  slot_minutes: 10,
  providers: [{ id: 2, name: "Dr. Alvarez", kind: "dentist", colour: "#000", hours: {} }],
  operatories: [{ id: 1, name: "Op 1" }, { id: 3, name: "Op 3" }],
  types: [{ id: 5, name: "Filling", slots: 6, colour: "#000", procedure_codes: [], may_overlap_provider: false }],
  office_hours: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] },
  holidays: [],
  blockouts: [],
  recall_types: [],
  devices: [],
};

describe("booking from the card", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("offers the first free times with the patient's preferences and books the one picked", async () => {
    scheduleSetup.mockResolvedValue(ok(setup));
    patientAppointments.mockResolvedValue(ok({ upcoming: [], no_shows: 2, cancellations: 1, late_cancellations: 1 }));
    patientContacts.mockResolvedValue(ok([]));
    scheduleFree.mockResolvedValue(ok([{ start: "2026-11-26T15:00:00Z", local_date: "2026-11-26", local_time: "09:00", minutes: 60, operatory_id: 3, operatory: "Op 3" }]));
    appointmentBook.mockResolvedValue(ok({ local_date: "2026-11-26", local_time: "09:00", type_name: "Filling", provider: "Dr. Alvarez", operatory: "Op 3" }));
    render(BookAppointment, { patientId: 7 });
    await fireEvent.click(screen.getByTestId("book-open"));
    await fireEvent.change(await screen.findByLabelText("Time of day"), { target: { value: "mornings_only" } });
    await fireEvent.click(screen.getByLabelText("Not Fridays"));
    await fireEvent.click(screen.getByTestId("book-find-free"));
    const [request, from, count] = scheduleFree.mock.calls[0];
    expect(request).toMatchObject({ type_id: 5, provider: 2, preferences: { time_of_day: "mornings_only", not_on: ["friday"] } });
    expect([from, count]).toEqual(["", 8]);
    await fireEvent.click(await screen.findByTestId("book-free-slot"));
    expect((screen.getByTestId("book-date") as HTMLInputElement).value).toBe("11/26/2026");
    await fireEvent.click(screen.getByTestId("book-save"));
    expect(appointmentBook).toHaveBeenCalledWith(expect.objectContaining({ patient_id: 7, date: "2026-11-26", time: "09:00", operatory: 3, type_id: 5 }));
    expect((await screen.findByTestId("book-result")).textContent).toContain("Filling with Dr. Alvarez in Op 3");
    expect(screen.getByTestId("appointment-history-counts").textContent).toContain("2 no-shows, 1 cancellation (1 late)");
  });

  it("shows a conflict and keeps the form", async () => {
    scheduleSetup.mockResolvedValue(ok(setup));
    patientAppointments.mockResolvedValue(ok({ upcoming: [], no_shows: 0, cancellations: 0, late_cancellations: 0 }));
    patientContacts.mockResolvedValue(ok([]));
    appointmentBook.mockResolvedValue({ status: "error", error: { code: "schedule_conflict", message: "That time cannot be booked: the provider is already booked in appointment 4.", fields: [] } });
    render(BookAppointment, { patientId: 7 });
    await fireEvent.click(screen.getByTestId("book-open"));
    await fireEvent.input(await screen.findByTestId("book-date"), { target: { value: "11/26/2026" } });
    await fireEvent.input(screen.getByTestId("book-time"), { target: { value: "10:10" } });
    await fireEvent.click(screen.getByTestId("book-save"));
    expect((await screen.findByTestId("error-message")).textContent).toContain("appointment 4");
    expect((screen.getByTestId("book-time") as HTMLInputElement).value).toBe("10:10");
  });
});
