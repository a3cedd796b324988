// Working hours typed as text per weekday: "08:00-12:00, 13:00-17:00" (24-hour), empty = closed.
import type { DayOfWeek, TimeRange, WeeklyHours } from "../bindings";

export const DAYS: [DayOfWeek, string][] = [
  ["monday", "Mon"],
  ["tuesday", "Tue"],
  ["wednesday", "Wed"],
  ["thursday", "Thu"],
  ["friday", "Fri"],
  ["saturday", "Sat"],
  ["sunday", "Sun"],
];

const hm = (t: string) => t.slice(0, 5);

export function hoursToText(ranges: TimeRange[]): string {
  return ranges.map((r) => `${hm(r.start)}-${hm(r.end)}`).join(", ");
}

/** Parses one day's text; returns the ranges, or the problem in words. */
export function textToHours(text: string): TimeRange[] | string {
  const out: TimeRange[] = [];
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!m || Number(m[1]) > 23 || Number(m[3]) > 23 || Number(m[2]) > 59 || Number(m[4]) > 59) {
      return `"${part}" is not a period like 08:00-12:00`;
    }
    const pad = (h: string, mm: string) => `${h.padStart(2, "0")}:${mm}:00`;
    out.push({ start: pad(m[1], m[2]), end: pad(m[3], m[4]) });
  }
  return out;
}

export function weekToText(w: WeeklyHours): Record<DayOfWeek, string> {
  return Object.fromEntries(DAYS.map(([d]) => [d, hoursToText(w[d])])) as Record<DayOfWeek, string>;
}

/** All seven days, or the first problem as [day, words]. */
export function textToWeek(t: Record<DayOfWeek, string>): WeeklyHours | [DayOfWeek, string] {
  const w: Partial<WeeklyHours> = {};
  for (const [d] of DAYS) {
    const r = textToHours(t[d] ?? "");
    if (typeof r === "string") return [d, r];
    w[d] = r;
  }
  return w as WeeklyHours;
}
