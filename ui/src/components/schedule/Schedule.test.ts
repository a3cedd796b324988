import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const scheduleSetup = vi.fn();
const scheduleDay = vi.fn();
const appointmentAction = vi.fn();
const asapCandidates = vi.fn();
const asapFill = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    scheduleSetup: () => scheduleSetup(),
    scheduleDay: (d: string) => scheduleDay(d),
    dueToday: vi.fn(),
    patientSearch: vi.fn(),
    appointmentAction: (id: number, a: unknown) => appointmentAction(id, a),
    asapCandidates: (id: number) => asapCandidates(id),
    asapFill: (f: number, r: number) => asapFill(f, r),
  },
}));

import Schedule from "./Schedule.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const week = (r: { start: string; end: string }[]) => ({ monday: r, tuesday: r, wednesday: r, thursday: r, friday: r, saturday: r, sunday: r });
const setup = {
  slot_minutes: 10,
  office_hours: week([{ start: "08:00:00", end: "17:00:00" }]),
  providers: [{ id: 1, name: "Dr. A", kind: "dentist", colour: "#000", hours: week([]) }],
  operatories: [{ id: 1, name: "Op 1" }],
  types: [{ id: 3, name: "Filling", slots: 6, colour: "#00f", procedure_codes: [], may_overlap_provider: false }],
  holidays: [],
  blockouts: [],
  recall_types: [],
  devices: [],
};
const person = (id: number, last: string) => ({ id, last_name: last, first_name: "A", preferred_name: "", date_of_birth: "1980-01-01", chart_number: "1", phone: "", status: "active", has_alerts: false, guarantor_id: null });
const appt = { id: 9, patient: person(1, "Okafor"), start: "", local_date: "2026-11-26", local_time: "09:00", minutes: 60, provider_id: 1, provider: "Dr. A", operatory_id: 1, operatory: "Op 1", type_id: 3, type_name: "Filling", colour: "#00f", status: "scheduled", notes: "", checked_in_at: null };

describe("the schedule grid", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("places appointments on the grid and offers a cancelled time to the ASAP list", async () => {
    scheduleSetup.mockResolvedValue(ok(setup));
    scheduleDay.mockResolvedValue(ok({ date: "2026-11-26", appointments: [appt] }));
    appointmentAction.mockResolvedValue(ok({ ...appt, status: "cancelled" }));
    asapCandidates.mockResolvedValue(ok([{ id: 4, patient: person(2, "Lee"), type_id: 3, type_name: "Filling", provider_id: null, provider: null, preferences: { time_of_day: "any", not_on: [] }, note: "", current: "2026-12-08 14:00", appointment_id: 7 }]));
    asapFill.mockResolvedValue(ok({ ...appt, id: 7 }));
    render(Schedule, { onOpenPatient: vi.fn() });
    const block = await screen.findByTestId("appointment");
    expect(block.getAttribute("style")).toContain("top: 108px"); // 09:00 is 6 rows of 18 px after 08:00
    await fireEvent.click(block.querySelector(".time") as HTMLElement);
    await fireEvent.click(screen.getByText("Cancel…"));
    await fireEvent.input(screen.getByLabelText("Reason for cancelling"), { target: { value: "sick" } });
    await fireEvent.click(screen.getByText("Cancel appointment"));
    expect(appointmentAction).toHaveBeenCalledWith(9, { action: "cancel", reason: "sick" });
    const offer = await screen.findByTestId("asap-fill");
    expect(offer.textContent).toContain("Lee, A · Filling (now 2026-12-08 14:00)");
    await fireEvent.click(offer);
    expect(asapFill).toHaveBeenCalledWith(9, 4);
  });

  it("shows the day by provider and the week at a glance", async () => {
    scheduleSetup.mockResolvedValue(ok(setup));
    scheduleDay.mockImplementation(async (d: string) => ok({ date: d, appointments: [appt] }));
    render(Schedule, { onOpenPatient: vi.fn() });
    await screen.findByTestId("appointment");
    await fireEvent.click(screen.getByTestId("view-providers"));
    const lane = screen.getByTestId("schedule-column");
    expect(lane.textContent).toContain("Dr. A");
    expect(lane.textContent).toContain("Okafor");
    await fireEvent.click(screen.getByTestId("view-week"));
    const weekView = await screen.findByTestId("schedule-week");
    await vi.waitFor(() => expect(scheduleDay.mock.calls.length).toBeGreaterThanOrEqual(8));
    expect(weekView.textContent).toContain("09:00 Okafor, A");
  });
});
