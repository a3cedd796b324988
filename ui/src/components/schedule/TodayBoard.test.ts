import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { tick } from "svelte";

const scheduleDay = vi.fn();
const dueToday = vi.fn();
const appointmentAction = vi.fn();
const backupHealth = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    backupHealth: () => backupHealth(),
    scheduleDay: (d: string) => scheduleDay(d),
    dueToday: (p: number) => dueToday(p),
    appointmentAction: (id: number, a: unknown) => appointmentAction(id, a),
  },
}));

import TodayBoard from "./TodayBoard.svelte";
import { session } from "../../lib/session.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const person = (id: number, last: string) => ({ id, last_name: last, first_name: "A", preferred_name: "", date_of_birth: "1980-01-01", chart_number: "1", phone: "", status: "active", has_alerts: false, guarantor_id: null });
const appt = (id: number, status: string, checked_in_at: string | null = null) => ({
  id, patient: person(id, `P${id}`), start: "", local_date: "2026-11-24", local_time: "09:00", minutes: 30, provider_id: 1, provider: "Dr. A",
  operatory_id: 1, operatory: "Op 1", type_id: 1, type_name: "Filling", colour: "#000", status, notes: "", checked_in_at,
});

describe("the today board", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
    vi.useRealTimers();
  });

  it("groups the day by where each patient is and shows how long they have waited", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-24T15:20:00Z"));
    scheduleDay.mockResolvedValue(ok({ date: "2026-11-24", appointments: [appt(1, "scheduled"), appt(2, "arrived", "2026-11-24T15:08:00Z"), appt(3, "completed")] }));
    dueToday.mockResolvedValue(ok({ plans: [], lines: [], totals: { fee_cents: 0, insurance_cents: 0, write_off_cents: 0, patient_cents: 7000 } }));
    appointmentAction.mockResolvedValue(ok(appt(2, "seated")));
    render(TodayBoard, { onOpenPatient: vi.fn() });
    const waiting = await screen.findByTestId("board-wait-time");
    expect(waiting.textContent).toBe("waiting 12 min");
    expect(within(screen.getByTestId("board-due")).getAllByTestId("board-card")).toHaveLength(1);
    expect(within(screen.getByTestId("board-checked-out")).getAllByTestId("board-card")).toHaveLength(1);
    const card = waiting.parentElement as HTMLElement;
    expect(within(screen.getByTestId("board-waiting")).getAllByTestId("board-card")).toEqual([card]);
    await vi.waitFor(() => expect(card.textContent).toContain("Due today $70.00"));
    await fireEvent.click(within(card).getByTestId("board-step"));
    expect(appointmentAction).toHaveBeenCalledWith(2, { action: "seat" });
  });

  it("offers Pay on checked-out patients, opening their card's payment form", async () => {
    scheduleDay.mockResolvedValue(ok({ date: "2026-11-24", appointments: [appt(3, "completed"), appt(4, "seated")] }));
    dueToday.mockResolvedValue(ok({ plans: [], lines: [], totals: { fee_cents: 0, insurance_cents: 0, write_off_cents: 0, patient_cents: 0 } }));
    const onPay = vi.fn();
    render(TodayBoard, { onOpenPatient: vi.fn(), onPay });
    const pay = await screen.findAllByTestId("board-pay");
    expect(pay).toHaveLength(1);
    expect(within(screen.getByTestId("board-checked-out")).getByTestId("board-pay")).toBe(pay[0]);
    await fireEvent.click(pay[0]);
    expect(onPay).toHaveBeenCalledWith(3);
  });
});

describe("the backup banner on the today board", () => {
  const health = (over: { stale?: boolean; folder_missing?: boolean }, lastGood: string | null = "2026-11-21T02:00:00Z") => ok({
    schedule: { folder: "E:\\Backups", daily_at: "02:00", on_close: true, keep_daily: 7, keep_monthly: 12 },
    last: { last_attempt_at: lastGood, last_ok: true, last_error: null, last_good_at: lastGood, last_good_file: "f.fdbk", last_good_bytes: 1000 },
    stale: false,
    folder_missing: false,
    ...over,
  });
  const settle = async () => {
    await new Promise((r) => setTimeout(r, 0));
    await tick();
  };
  const board = async () => {
    scheduleDay.mockResolvedValue(ok({ date: "2026-11-24", appointments: [appt(1, "scheduled")] }));
    render(TodayBoard, { onOpenPatient: vi.fn() });
    await screen.findByTestId("board-card");
  };

  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
    vi.useRealTimers();
  });

  it("says how long ago the last good backup was when backups are stale", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-24T15:20:00Z"));
    backupHealth.mockResolvedValue(health({ stale: true }));
    await board();
    const banner = await screen.findByTestId("backup-banner");
    expect(banner.getAttribute("role")).toBe("alert");
    expect(banner.textContent).toContain("Last good backup: 3 days ago");
  });

  it("says there is no backup yet, to a front desk user too", async () => {
    session.user = { user_id: 2, username: "fd", full_name: "Fran Desk", role: "front_desk", permissions: ["view_patients", "schedule"] };
    backupHealth.mockResolvedValue(health({ stale: true }, null));
    await board();
    const banner = await screen.findByTestId("backup-banner");
    expect(banner.textContent).toContain("No backup yet");
    expect(banner.textContent).not.toContain("Office screen");
  });

  it("says the backup folder cannot be found", async () => {
    backupHealth.mockResolvedValue(health({ folder_missing: true }));
    await board();
    const banner = await screen.findByTestId("backup-banner");
    expect(banner.textContent).toContain("The backup folder cannot be found (is the drive connected?)");
    expect(banner.textContent).not.toContain("Last good backup");
  });

  it("shows no banner when backups are healthy", async () => {
    backupHealth.mockResolvedValue(health({}));
    await board();
    await vi.waitFor(() => expect(backupHealth).toHaveBeenCalled());
    await settle();
    expect(screen.queryByTestId("backup-banner")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("keeps the board working when the backup health cannot be read", async () => {
    backupHealth.mockRejectedValue(new Error("ipc down"));
    await board();
    await vi.waitFor(() => expect(backupHealth).toHaveBeenCalled());
    await settle();
    expect(screen.queryByTestId("backup-banner")).toBeNull();
    expect(screen.queryByTestId("error-message")).toBeNull();
    expect(screen.getAllByTestId("board-card")).toHaveLength(1);
  });
});
