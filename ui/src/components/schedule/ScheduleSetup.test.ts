import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const scheduleSetup = vi.fn();
const providerSave = vi.fn();
const holidayAdd = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    scheduleSetup: () => scheduleSetup(),
    providerSave: (p: unknown) => providerSave(p),
    holidayAdd: (d: string, n: string) => holidayAdd(d, n),
  },
}));

import ScheduleSetup from "./ScheduleSetup.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const week = (r: { start: string; end: string }[]) => ({ monday: r, tuesday: r, wednesday: r, thursday: r, friday: r, saturday: [], sunday: [] });
const setup = { slot_minutes: 10, office_hours: week([{ start: "08:00:00", end: "17:00:00" }]), providers: [], operatories: [], types: [], holidays: [], blockouts: [], recall_types: [], devices: [] };

describe("office set-up", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("adds a provider with typed working hours, and refuses a day it cannot read", async () => {
    scheduleSetup.mockResolvedValue(ok(setup));
    providerSave.mockResolvedValue(ok(setup));
    render(ScheduleSetup);
    await fireEvent.click(await screen.findByTestId("new-provider"));
    await fireEvent.input(screen.getByTestId("provider-name"), { target: { value: "Dr. Moreau" } });
    const monday = screen.getAllByLabelText("Mon")[1] as HTMLInputElement;
    await fireEvent.input(monday, { target: { value: "8:00-12:00, 13:00-17:00" } });
    await fireEvent.click(screen.getByTestId("save-provider"));
    const sent = providerSave.mock.calls[0][0];
    expect(sent.name).toBe("Dr. Moreau");
    expect(sent.hours.monday).toEqual([{ start: "08:00:00", end: "12:00:00" }, { start: "13:00:00", end: "17:00:00" }]);
    // The office hours by default.
    expect(sent.hours.tuesday).toEqual([{ start: "08:00:00", end: "17:00:00" }]);

    await fireEvent.click(screen.getByTestId("new-provider"));
    await fireEvent.input(screen.getAllByLabelText("Tue")[1], { target: { value: "9 to 5" } });
    await fireEvent.click(screen.getByTestId("save-provider"));
    expect((await screen.findByTestId("error-message")).textContent).toContain("tuesday");
    expect(providerSave).toHaveBeenCalledTimes(1);
  });

  it("adds a holiday typed US-style", async () => {
    scheduleSetup.mockResolvedValue(ok(setup));
    holidayAdd.mockResolvedValue(ok({ ...setup, holidays: [{ date: "2026-12-25", name: "Christmas" }] }));
    render(ScheduleSetup);
    await fireEvent.input(await screen.findByTestId("holiday-date"), { target: { value: "12/25/2026" } });
    await fireEvent.input(screen.getByTestId("holiday-name"), { target: { value: "Christmas" } });
    await fireEvent.click(screen.getByTestId("add-holiday"));
    expect(holidayAdd).toHaveBeenCalledWith("2026-12-25", "Christmas");
    expect(await screen.findByText(/12\/25\/2026 · Christmas/)).toBeTruthy();
  });
});
