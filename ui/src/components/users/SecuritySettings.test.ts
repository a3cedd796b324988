import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const securitySettings = vi.fn();
const securitySettingsSet = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    securitySettings: (...a: unknown[]) => securitySettings(...a),
    securitySettingsSet: (...a: unknown[]) => securitySettingsSet(...a),
  },
}));

import SecuritySettings from "./SecuritySettings.svelte";

describe("the security settings", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("shows the office's values, saves new ones and names a refused field", async () => {
    securitySettings.mockResolvedValue({ status: "ok", data: { auto_lock_minutes: 5, pin_window_hours: 12 } });
    securitySettingsSet.mockResolvedValueOnce({
      status: "error",
      error: { code: "validation", message: "Some fields need attention.", fields: [{ field: "auto_lock_minutes", problem: "Choose from 1 to 60 minutes." }] },
    });
    const onSaved = vi.fn();
    render(SecuritySettings, { onSaved });
    const minutes = (await screen.findByTestId("security-auto-lock")) as HTMLInputElement;
    await vi.waitFor(() => expect(minutes.value).toBe("5"));
    await fireEvent.input(minutes, { target: { value: "90" } });
    await fireEvent.click(screen.getByTestId("security-save"));
    expect((await screen.findByTestId("security-error-auto_lock_minutes")).textContent).toContain("1 to 60");
    expect(onSaved).not.toHaveBeenCalled();

    securitySettingsSet.mockResolvedValueOnce({ status: "ok", data: null });
    await fireEvent.input(minutes, { target: { value: "1" } });
    await fireEvent.click(screen.getByTestId("security-save"));
    await screen.findByTestId("security-saved");
    expect(securitySettingsSet).toHaveBeenLastCalledWith({ auto_lock_minutes: 1, pin_window_hours: 12 });
    expect(onSaved).toHaveBeenCalledWith({ auto_lock_minutes: 1, pin_window_hours: 12 });
  });
});
