import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";

// The app is ready; every other command stays pending, so each screen shows only its frame.
vi.mock("./bindings", () => ({
  commands: new Proxy(
    {},
    {
      get: (_, name) =>
        name === "appStatus"
          ? () => Promise.resolve({ status: "ok", data: { state: "ready", recovery_kit_pending: false, user: "frontdesk" } })
          : () => new Promise(() => {}),
    },
  ),
}));

import App from "./App.svelte";

const current = () => screen.getAllByRole("button").filter((b) => b.getAttribute("aria-current") === "page").map((b) => b.dataset.testid);

describe("App navigation", () => {
  afterEach(() => cleanup());

  it("opens screens from the rail and by Alt+letter, from the search box too", async () => {
    render(App);
    await screen.findByRole("navigation", { name: "Main" });
    expect(screen.getByTestId("current-user").textContent).toBe("frontdesk");
    expect(current()).toEqual([]);

    await fireEvent.click(screen.getByTestId("show-day-sheet"));
    expect(current()).toEqual(["show-day-sheet"]);

    await fireEvent.keyDown(document.body, { key: "s", code: "KeyS", altKey: true });
    expect(current()).toEqual(["show-schedule"]);

    // The search box has focus most of the day: Alt+F works there (it types nothing)…
    const search = screen.getByTestId("search-input");
    await fireEvent.keyDown(search, { key: "f", code: "KeyF", altKey: true });
    expect(current()).toEqual(["show-fees"]);
    // …but where Option types a character (macOS), the field keeps it.
    await fireEvent.keyDown(search, { key: "ƒ", code: "KeyF", altKey: true });
    expect(current()).toEqual(["show-fees"]);
    await fireEvent.keyDown(document.body, { key: "s", code: "KeyS", altKey: true });
    expect(current()).toEqual(["show-schedule"]);

    await fireEvent.keyDown(document.body, { key: "k", code: "KeyK", altKey: true });
    expect(screen.queryByRole("navigation", { name: "Main" })).toBeNull();
  });
});
