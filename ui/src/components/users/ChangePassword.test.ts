import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";

const ownPasswordChange = vi.fn();
vi.mock("../../bindings", () => ({
  commands: { ownPasswordChange: (...a: unknown[]) => ownPasswordChange(...a) },
}));

import ChangePassword from "./ChangePassword.svelte";

const fill = async (current: string, next: string, again: string) => {
  await fireEvent.input(screen.getByTestId("change-password-current"), { target: { value: current } });
  await fireEvent.input(screen.getByTestId("change-password-new"), { target: { value: next } });
  await fireEvent.input(screen.getByTestId("change-password-again"), { target: { value: again } });
  await fireEvent.click(screen.getByTestId("change-password-save"));
};

describe("changing one's own password", () => {
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("refuses differing new passwords without asking, shows a refusal, then changes it", async () => {
    render(ChangePassword, { onClose: vi.fn() });
    await fill("old secret 1", "new secret 12", "new secret 13");
    expect((await screen.findByTestId("change-password-error")).textContent).toContain("differ");
    expect(ownPasswordChange).not.toHaveBeenCalled();

    ownPasswordChange.mockResolvedValueOnce({
      status: "error",
      error: { code: "unauthorized", message: "The username or password is not right.", fields: [] },
    });
    await fill("wrong", "new secret 12", "new secret 12");
    expect((await screen.findByTestId("change-password-error")).textContent).toContain("not right");

    ownPasswordChange.mockResolvedValueOnce({ status: "ok", data: null });
    await fill("old secret 1", "new secret 12", "new secret 12");
    await screen.findByTestId("change-password-done");
    expect(ownPasswordChange).toHaveBeenLastCalledWith("old secret 1", "new secret 12");
  });
});
