import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import NavRail from "./NavRail.svelte";
import { PERMISSIONS } from "../../lib/access";
import type { SessionUser } from "../../bindings";

const admin: SessionUser = { user_id: 1, username: "admin", full_name: "Ada Admin", role: "admin", permissions: PERMISSIONS.map((p) => p.id) };
const clinical: SessionUser = { user_id: 2, username: "hy", full_name: "Hy Gienist", role: "clinical", permissions: ["view_patients", "schedule", "edit_treatment"] };

describe("NavRail", () => {
  afterEach(() => cleanup());

  it("shows the screens in their groups, each with its shortcut", () => {
    render(NavRail, { current: null, user: admin, onSelect: () => {} });
    const nav = screen.getByRole("navigation", { name: "Main" });
    const group = (name: string) => within(within(nav).getByRole("list", { name })).getAllByRole("button").map((b) => b.textContent?.replace(/Alt\+\w/, "").trim());
    expect(group("Front desk")).toEqual(["Today", "Schedule", "Worklists"]);
    expect(group("Money")).toEqual(["Day sheet", "Reports", "Statements"]);
    expect(group("Set-up")).toEqual(["Office", "Insurance", "Fees", "Users", "Audit log", "Recovery kit"]);

    const today = screen.getByTestId("show-today");
    expect(today.getAttribute("aria-keyshortcuts")).toBe("Alt+T");
    expect(today.getAttribute("title")).toBe("Today (Alt+T)");
    expect(screen.getByTestId("show-recovery-kit").getAttribute("aria-keyshortcuts")).toBe("Alt+K");
    expect(screen.getByTestId("current-user").textContent).toBe("Ada Admin");
  });

  it("offers only what the user may open; a group with nothing allowed is left out", () => {
    render(NavRail, { current: null, user: clinical, onSelect: () => {} });
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).queryByRole("list", { name: "Money" })).toBeNull();
    expect(screen.queryByTestId("show-recovery-kit")).toBeNull();
    expect(screen.queryByTestId("show-users")).toBeNull();
    expect(screen.getByTestId("show-today")).toBeTruthy();
  });

  it("marks the open screen with aria-current, and only that one", async () => {
    const { rerender } = render(NavRail, { current: "claims", user: admin, onSelect: () => {} });
    expect(screen.getByTestId("show-claims").getAttribute("aria-current")).toBe("page");
    expect(screen.getAllByRole("button").filter((b) => b.hasAttribute("aria-current"))).toHaveLength(1);

    await rerender({ current: null, user: admin, onSelect: () => {} });
    expect(screen.getAllByRole("button").filter((b) => b.hasAttribute("aria-current"))).toHaveLength(0);

    await rerender({ current: "fees", user: admin, onSelect: () => {} });
    expect(screen.getByTestId("show-fees").getAttribute("aria-current")).toBe("page");
    expect(screen.getByTestId("show-claims").hasAttribute("aria-current")).toBe(false);
  });

  it("asks for the screen clicked", async () => {
    const onSelect = vi.fn();
    render(NavRail, { current: null, user: admin, onSelect });
    await fireEvent.click(screen.getByTestId("show-day-sheet"));
    await fireEvent.click(screen.getByTestId("show-recovery-kit"));
    expect(onSelect.mock.calls).toEqual([["daySheet"], ["recoveryKit"]]);
  });
});
