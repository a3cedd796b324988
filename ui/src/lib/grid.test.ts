import { describe, expect, it } from "vitest";
import { bounds, place, rows, toHhmm, toMinutes } from "./grid";

describe("the day grid", () => {
  it("turns times into rows and blocks", () => {
    expect(toMinutes("09:30")).toBe(570);
    expect(toHhmm(570)).toBe("09:30");
    expect(rows(480, 540, 15)).toEqual([480, 495, 510, 525]);
    expect(place("09:00", 60, 480, 10)).toEqual({ top: 108, height: 106 });
  });

  it("spans the office's day, with lunch inside", () => {
    expect(bounds([{ start: "08:00:00", end: "12:00:00" }, { start: "13:00:00", end: "17:00:00" }])).toEqual([480, 1020]);
    expect(bounds([])).toEqual([420, 1140]);
  });
});
