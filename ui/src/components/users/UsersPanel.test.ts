import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { UserView } from "../../bindings";

const usersList = vi.fn();
const userAdd = vi.fn();
const userSetActive = vi.fn();
const userSetRole = vi.fn();
const userSetPermission = vi.fn();
const userResetPassword = vi.fn();
vi.mock("../../bindings", () => ({
  commands: {
    usersList: (...a: unknown[]) => usersList(...a),
    userAdd: (...a: unknown[]) => userAdd(...a),
    userSetActive: (...a: unknown[]) => userSetActive(...a),
    userSetRole: (...a: unknown[]) => userSetRole(...a),
    userSetPermission: (...a: unknown[]) => userSetPermission(...a),
    userResetPassword: (...a: unknown[]) => userResetPassword(...a),
  },
}));

import UsersPanel from "./UsersPanel.svelte";

const ok = <T,>(data: T) => ({ status: "ok", data });
const refused = (message: string) => ({ status: "error", error: { code: "refused", message, fields: [] } });

function user(id: number, username: string, over: Partial<UserView> = {}): UserView {
  return {
    id, username, full_name: username.toUpperCase(), role: "front_desk", grants: [], revokes: [],
    permissions: ["view_patients", "take_payments"], active: true, locked_out: false, failed_attempts: 0, has_pin: false, ...over,
  };
}
const row = (username: string) => screen.getAllByTestId("user-row").find((r) => r.dataset.username === username)!;

describe("the Users panel", () => {
  beforeEach(() => {
    usersList.mockResolvedValue(ok([user(1, "admin", { role: "admin", has_pin: true }), user(2, "fran", { locked_out: true, failed_attempts: 5 })]));
  });
  afterEach(() => {
    cleanup();
    vi.resetAllMocks();
  });

  it("lists users with role, status, lock-out and PIN; unlocks and deactivates", async () => {
    render(UsersPanel);
    await screen.findAllByTestId("user-row");
    expect(within(row("admin")).getByTestId("user-pin").textContent).toBe("set");
    expect(within(row("fran")).getByTestId("user-status").textContent).toContain("locked out");
    userSetActive.mockResolvedValueOnce(ok(user(2, "fran")));
    await fireEvent.click(within(row("fran")).getByTestId("user-unlock"));
    await vi.waitFor(() => expect(within(row("fran")).getByTestId("user-status").textContent).toBe("active"));
    expect(userSetActive).toHaveBeenCalledWith("fran", "unlock");

    userSetActive.mockResolvedValueOnce(ok(user(2, "fran", { active: false })));
    await fireEvent.click(within(row("fran")).getByTestId("user-deactivate"));
    await vi.waitFor(() => expect(within(row("fran")).getByTestId("user-status").textContent).toBe("deactivated"));
    expect(within(row("fran")).getByTestId("user-reactivate")).toBeTruthy();
  });

  it("shows the refusal when the last administrator would be demoted, and keeps the role shown", async () => {
    userSetRole.mockResolvedValue(refused("The office must keep at least one active administrator."));
    render(UsersPanel);
    await screen.findAllByTestId("user-row");
    const select = within(row("admin")).getByTestId("user-role") as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: "manager" } });
    expect((await screen.findByTestId("users-error")).textContent).toContain("at least one active administrator");
    expect(userSetRole).toHaveBeenCalledWith("admin", "manager");
    await vi.waitFor(() => expect(select.value).toBe("admin"));
  });

  it("adds a user with a role and an initial password", async () => {
    userAdd.mockResolvedValue(ok(user(3, "bill", { role: "billing" })));
    render(UsersPanel);
    await screen.findAllByTestId("user-row");
    await fireEvent.click(screen.getByTestId("user-add"));
    await fireEvent.input(screen.getByTestId("field-user.username"), { target: { value: "bill" } });
    await fireEvent.input(screen.getByTestId("field-user.full_name"), { target: { value: "Bill Ing" } });
    await fireEvent.change(screen.getByTestId("field-user.role"), { target: { value: "billing" } });
    await fireEvent.input(screen.getByTestId("field-user.password"), { target: { value: "a long password" } });
    await fireEvent.click(screen.getByTestId("user-add-save"));
    expect((await screen.findByTestId("users-notice")).textContent).toContain("bill was added");
    expect(userAdd).toHaveBeenCalledWith({ username: "bill", full_name: "Bill Ing", role: "billing", grants: [], password: "a long password" });
    expect(screen.getAllByTestId("user-row")).toHaveLength(3);
  });

  it("grants a single permission and resets a password", async () => {
    userSetPermission.mockResolvedValue(ok(user(2, "fran", { grants: ["adjust_ledger"], permissions: ["view_patients", "take_payments", "adjust_ledger"] })));
    userResetPassword.mockResolvedValue(ok(null));
    render(UsersPanel);
    await screen.findAllByTestId("user-row");
    await fireEvent.click(within(row("fran")).getByTestId("user-permissions-open"));
    const adjust = screen.getByTestId("perm-adjust_ledger") as HTMLInputElement;
    expect(adjust.checked).toBe(false);
    await fireEvent.click(adjust);
    expect(userSetPermission).toHaveBeenCalledWith("fran", "adjust_ledger", true);
    await vi.waitFor(() => expect((screen.getByTestId("perm-adjust_ledger") as HTMLInputElement).checked).toBe(true));
    expect(screen.getByTestId("user-permissions").textContent).toContain("granted");

    await fireEvent.click(within(row("fran")).getByTestId("user-reset-open"));
    await fireEvent.input(screen.getByTestId("user-reset-password"), { target: { value: "new long password" } });
    await fireEvent.click(screen.getByTestId("user-reset-save"));
    expect((await screen.findByTestId("users-notice")).textContent).toContain("password was reset");
    expect(userResetPassword).toHaveBeenCalledWith("fran", "new long password");
  });
});
