// The day grid's arithmetic: local "HH:MM" ↔ minutes, the rows of a day, where a block sits.
export const ROW_PX = 18;

export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

export function toHhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The rows (start minutes) from `open` to `close` in steps of `slot`. */
export function rows(open: number, close: number, slot: number): number[] {
  const out: number[] = [];
  for (let t = open; t < close; t += slot) out.push(t);
  return out;
}

/** Top and height in pixels of a block starting at `start` ("HH:MM") lasting `minutes`. */
export function place(start: string, minutes: number, open: number, slot: number): { top: number; height: number } {
  return { top: ((toMinutes(start) - open) / slot) * ROW_PX, height: Math.max(1, minutes / slot) * ROW_PX - 2 };
}

/** The day's grid bounds from the office hours of that weekday (HH:MM:SS ranges); 7–19 if closed. */
export function bounds(ranges: { start: string; end: string }[]): [number, number] {
  if (!ranges.length) return [7 * 60, 19 * 60];
  const open = Math.min(...ranges.map((r) => toMinutes(r.start)));
  const close = Math.max(...ranges.map((r) => toMinutes(r.end)));
  return [open, close];
}
