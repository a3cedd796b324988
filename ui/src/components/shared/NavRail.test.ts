import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import NavRail from "./NavRail.svelte";

describe("NavRail", () => {
  afterEach(() => cleanup());

  it("shows the screens in their groups, each with its shortcut", () => {
    render(NavRail, { current: null, user: "frontdesk", onSelect: () => {} });
    const nav = screen.getByRole("navigation", { name: "Main" });
    const group = (name: string) => within(within(nav).getByRole("list", { name })).getAllByRole("button").map((b) => b.textContent?.replace(/Alt\+\w/, "").trim());
    expect(group("Front desk")).toEqual(["Today", "Schedule", "Worklists"]);
    expect(group("Money")).toEqual(["Day sheet", "Statements"]);
    expect(group("Set-up")).toEqual(["Office", "Insurance", "Fees", "Recovery kit"]);

    const today = screen.getByTestId("show-today");
    expect(today.getAttribute("aria-keyshortcuts")).toBe("Alt+T");
    expect(today.getAttribute("title")).toBe("Today (Alt+T)");
    expect(screen.getByTestId("show-recovery-kit").getAttribute("aria-keyshortcuts")).toBe("Alt+K");
    expect(screen.getByTestId("current-user").textContent).toBe("frontdesk");
  });

  it("marks the open screen with aria-current, and only that one", async () => {
    const { rerender } = render(NavRail, { current: "claims", user: "u", onSelect: () => {} });
    expect(screen.getByTestId("show-claims").getAttribute("aria-current")).toBe("page");
    expect(screen.getAllByRole("button").filter((b) => b.hasAttribute("aria-current"))).toHaveLength(1);

    await rerender({ current: null, user: "u", onSelect: () => {} });
    expect(screen.getAllByRole("button").filter((b) => b.hasAttribute("aria-current"))).toHaveLength(0);

    await rerender({ current: "fees", user: "u", onSelect: () => {} });
    expect(screen.getByTestId("show-fees").getAttribute("aria-current")).toBe("page");
    expect(screen.getByTestId("show-claims").hasAttribute("aria-current")).toBe(false);
  });

  it("asks for the screen clicked", async () => {
    const onSelect = vi.fn();
    render(NavRail, { current: null, user: "u", onSelect });
    await fireEvent.click(screen.getByTestId("show-day-sheet"));
    await fireEvent.click(screen.getByTestId("show-recovery-kit"));
    expect(onSelect.mock.calls).toEqual([["daySheet"], ["recoveryKit"]]);
  });
});
