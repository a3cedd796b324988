import { describe, expect, it } from "vitest";
import { focusesSearch, moveHighlight } from "./keys";

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe("keyboard shortcuts", () => {
  it("'/' focuses search, but types a slash inside a field (e.g. a date 3/7/1984)", () => {
    expect(focusesSearch(key("/"), document.body)).toBe(true);
    expect(focusesSearch(key("/"), document.createElement("input"))).toBe(false);
    expect(focusesSearch(key("/"), document.createElement("textarea"))).toBe(false);
  });

  it("Ctrl+K and Cmd+K focus search from anywhere", () => {
    expect(focusesSearch(key("k", { ctrlKey: true }), document.createElement("input"))).toBe(true);
    expect(focusesSearch(key("K", { metaKey: true }), document.body)).toBe(true);
    expect(focusesSearch(key("k"), document.body)).toBe(false);
    expect(focusesSearch(key("k", { ctrlKey: true, altKey: true }), document.body)).toBe(false);
  });

  it("arrows move the highlight within the results", () => {
    expect(moveHighlight(-1, 3, "ArrowDown")).toBe(0);
    expect(moveHighlight(2, 3, "ArrowDown")).toBe(2);
    expect(moveHighlight(0, 3, "ArrowUp")).toBe(0);
    expect(moveHighlight(2, 3, "ArrowUp")).toBe(1);
    expect(moveHighlight(1, 3, "End")).toBe(2);
    expect(moveHighlight(1, 0, "ArrowDown")).toBe(-1);
  });
});
