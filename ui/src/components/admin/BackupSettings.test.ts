import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const backupSchedule = vi.fn();
const backupScheduleSet = vi.fn();
const backupHealth = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    backupSchedule: () => backupSchedule(),
    backupScheduleSet: (s: unknown) => backupScheduleSet(s),
    backupHealth: () => backupHealth(),
  },
}));

import BackupSettings from "./BackupSettings.svelte";
import { session } from "../../lib/session.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const schedule = { folder: "E:\\Backups", daily_at: "02:00", on_close: true, keep_daily: 7, keep_monthly: 12 };
const health = (over: object = {}, last: object = {}) =>
  ok({
    schedule,
    last: {
      last_attempt_at: "2026-11-24T07:00:00Z", last_ok: true, last_error: null,
      last_good_at: "2026-11-24T07:00:00Z", last_good_file: "frontdesk-2026-11-24.fdbk", last_good_bytes: 12_345_678,
      ...last,
    },
    folder_missing: false,
    stale: false,
    ...over,
  });

describe("the automatic backups panel", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("shows the schedule and the last backup, names a refused field and saves", async () => {
    backupSchedule.mockResolvedValue(ok(schedule));
    backupHealth.mockResolvedValue(health());
    backupScheduleSet.mockResolvedValueOnce({
      status: "error",
      error: { code: "validation", message: "Some fields need attention.", fields: [{ field: "folder", problem: "This folder does not exist." }] },
    });
    render(BackupSettings);
    const folder = (await screen.findByTestId("backup-folder")) as HTMLInputElement;
    await vi.waitFor(() => expect(folder.value).toBe("E:\\Backups"));
    expect((screen.getByTestId("backup-daily-at") as HTMLInputElement).value).toBe("02:00");
    expect((screen.getByTestId("backup-on-close") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("backup-keep-daily") as HTMLInputElement).value).toBe("7");
    expect((screen.getByTestId("backup-keep-monthly") as HTMLInputElement).value).toBe("12");
    expect((await screen.findByTestId("backup-last-result")).textContent).toBe("ok");
    expect(screen.getByTestId("backup-last-file").textContent).toBe("frontdesk-2026-11-24.fdbk");
    expect(screen.getByTestId("backup-last-size").textContent).toBe("12.3 MB");
    expect(screen.queryByTestId("backup-folder-missing")).toBeNull();

    await fireEvent.input(folder, { target: { value: "Q:\\nowhere" } });
    await fireEvent.click(screen.getByTestId("backup-save"));
    expect((await screen.findByTestId("backup-error-folder")).textContent).toContain("does not exist");
    expect(folder.getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByTestId("backup-saved")).toBeNull();

    backupScheduleSet.mockResolvedValueOnce(ok(null));
    await fireEvent.input(folder, { target: { value: "D:\\Backups" } });
    await fireEvent.click(screen.getByTestId("backup-daily"));
    await fireEvent.input(screen.getByTestId("backup-keep-daily"), { target: { value: "14" } });
    await fireEvent.click(screen.getByTestId("backup-save"));
    await screen.findByTestId("backup-saved");
    expect(backupScheduleSet).toHaveBeenLastCalledWith({ folder: "D:\\Backups", daily_at: null, on_close: true, keep_daily: 14, keep_monthly: 12 });
    expect(screen.queryByTestId("backup-error-folder")).toBeNull();
    expect(backupHealth).toHaveBeenCalledTimes(2);
  });

  it("shows a failed backup's error and a missing folder", async () => {
    backupSchedule.mockResolvedValue(ok(schedule));
    backupHealth.mockResolvedValue(
      health({ folder_missing: true }, { last_ok: false, last_error: "The disk is full.", last_attempt_at: "2026-11-25T07:00:00Z" }),
    );
    render(BackupSettings);
    expect((await screen.findByTestId("backup-last-result")).textContent).toBe("failed: The disk is full.");
    expect(screen.getByTestId("backup-folder-missing").textContent).toContain("cannot be found (is the drive connected?)");
    expect(screen.getByTestId("backup-last-good").textContent).toContain("Last good backup:");
  });

  it("says there is no backup yet, and sends an empty folder as none", async () => {
    backupSchedule.mockResolvedValue(ok({ folder: null, daily_at: null, on_close: false, keep_daily: 7, keep_monthly: 12 }));
    backupHealth.mockResolvedValue(
      health({ stale: true }, { last_attempt_at: null, last_ok: false, last_good_at: null, last_good_file: null, last_good_bytes: null }),
    );
    backupScheduleSet.mockResolvedValue(ok(null));
    render(BackupSettings);
    expect((await screen.findByTestId("backup-last-attempt")).textContent).toContain("No backup yet");
    expect((screen.getByTestId("backup-daily-at") as HTMLInputElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId("backup-daily"));
    await fireEvent.click(screen.getByTestId("backup-save"));
    expect((await screen.findByTestId("backup-error-daily_at")).textContent).toContain("02:00");
    expect(backupScheduleSet).not.toHaveBeenCalled();
    await fireEvent.input(screen.getByTestId("backup-daily-at"), { target: { value: "23:30" } });
    await fireEvent.click(screen.getByTestId("backup-save"));
    await screen.findByTestId("backup-saved");
    expect(backupScheduleSet).toHaveBeenCalledWith({ folder: null, daily_at: "23:30", on_close: false, keep_daily: 7, keep_monthly: 12 });
  });

  it("is hidden from a front desk user, and reads nothing", async () => {
    session.user = {
      user_id: 2, username: "fd", full_name: "Fran Desk", role: "front_desk",
      permissions: ["view_patients", "edit_patients", "schedule", "edit_treatment", "take_payments", "verify_insurance", "print_export_phi", "view_reports"],
    };
    render(BackupSettings);
    await Promise.resolve();
    expect(screen.queryByTestId("backup-settings")).toBeNull();
    expect(backupSchedule).not.toHaveBeenCalled();
    expect(backupHealth).not.toHaveBeenCalled();
  });
});
