import { describe, expect, it } from "vitest";
import { hoursToText, textToHours, textToWeek } from "./hours";

describe("working hours as text", () => {
  it("round-trips a day with lunch", () => {
    const r = textToHours("8:00-12:00, 13:00-17:30");
    expect(r).toEqual([
      { start: "08:00:00", end: "12:00:00" },
      { start: "13:00:00", end: "17:30:00" },
    ]);
    expect(hoursToText(r as never)).toBe("08:00-12:00, 13:00-17:30");
  });

  it("names the bad period and the day", () => {
    expect(textToHours("8-12")).toBe('"8-12" is not a period like 08:00-12:00');
    const w = textToWeek({ monday: "08:00-12:00", tuesday: "25:00-26:00", wednesday: "", thursday: "", friday: "", saturday: "", sunday: "" });
    expect(w).toEqual(["tuesday", '"25:00-26:00" is not a period like 08:00-12:00']);
  });
});
