import { describe, expect, it } from "vitest";
import type { ClaimLineView, TreatmentItem } from "../bindings";
import { centsToInput } from "./money";
import {
  addDays,
  claimableItems,
  daysBetween,
  paymentDraft,
  paymentLines,
  sentAgo,
  serviceDates,
  statusLabel,
  stepsFor,
  toIsoDate,
  todayIso,
  toothText,
} from "./claims";

const item = (id: number, over: Partial<TreatmentItem> = {}): TreatmentItem => ({
  id,
  patient_id: 1,
  position: id,
  code: "D1110",
  description: "Cleaning",
  tooth: "",
  surface: "",
  units: 1,
  fee_cents: 10000,
  status: "completed",
  completed_on: "2026-03-02",
  ...over,
});

const line = (id: number, estimate: number): ClaimLineView => ({
  item: item(id),
  fee_cents: 10000,
  estimate_cents: estimate,
  paid_cents: 0,
  write_off_cents: 0,
  deductible_cents: 0,
});

describe("claim helpers", () => {
  it("gives today's local date as YYYY-MM-DD, padded", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
    expect(todayIso(new Date(2026, 11, 31, 0, 1))).toBe("2026-12-31");
    expect(todayIso()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("puts statuses in words", () => {
    expect(statusLabel("partially_paid")).toBe("partially paid");
    expect(statusLabel("denied")).toBe("denied");
    expect(statusLabel("draft")).toBe("draft");
  });

  it("writes cents as an amount the server parses back", () => {
    expect(centsToInput(8000)).toBe("80.00");
    expect(centsToInput(5)).toBe("0.05");
    expect(centsToInput(0)).toBe("0.00");
    expect(centsToInput(123456)).toBe("1234.56");
    expect(centsToInput(-150)).toBe("-1.50");
  });

  it("counts days between dates across month ends and DST changes", () => {
    expect(daysBetween("2026-01-31", "2026-03-02")).toBe(30);
    expect(daysBetween("2026-03-01", "2026-03-31")).toBe(30);
    expect(daysBetween("2026-11-01", "2026-11-02")).toBe(1);
    expect(daysBetween("2026-03-02", "2026-03-01")).toBe(-1);
    expect(daysBetween("2026-02-30", "2026-03-01")).toBeNull();
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });

  it("says how long ago a claim was sent", () => {
    expect(sentAgo("2026-01-01", "2026-02-15")).toBe("Sent 45 days ago");
    expect(sentAgo("2026-02-14", "2026-02-15")).toBe("Sent 1 day ago");
    expect(sentAgo("2026-02-15", "2026-02-15")).toBe("Sent today");
    expect(sentAgo(null, "2026-02-15")).toBe("");
    expect(sentAgo("2026-02-16", "2026-02-15")).toBe("");
  });

  it("accepts US dates and sends ISO, leaving anything else as typed", () => {
    expect(toIsoDate("3/7/2026")).toBe("2026-03-07");
    expect(toIsoDate(" 2026-03-07 ")).toBe("2026-03-07");
    expect(toIsoDate("next week")).toBe("next week");
    expect(toIsoDate("")).toBe("");
  });

  it("offers only the steps the server allows from each status", () => {
    expect(stepsFor("draft")).toEqual(["send"]);
    expect(stepsFor("sent")).toEqual(["receive", "payment", "deny"]);
    expect(stepsFor("appealed")).toEqual(["receive", "payment", "deny"]);
    expect(stepsFor("received")).toEqual(["payment", "deny"]);
    expect(stepsFor("denied")).toEqual(["appeal"]);
    expect(stepsFor("partially_paid")).toEqual(["appeal"]);
    expect(stepsFor("paid")).toEqual([]);
  });

  it("finds completed, unclaimed procedures and their dates, newest first", () => {
    const items = [
      item(1, { completed_on: "2026-03-02" }),
      item(2, { completed_on: "2026-02-10" }),
      item(3, { status: "planned", completed_on: null }),
      item(4, { completed_on: "2026-03-02" }),
      item(5, { completed_on: "2026-04-01" }),
    ];
    const free = claimableItems(items, new Set([5]));
    expect(free.map((i) => i.id)).toEqual([1, 2, 4]);
    expect(serviceDates(free)).toEqual(["2026-03-02", "2026-02-10"]);
  });

  it("starts a payment at each line's estimate and sends the amounts as typed", () => {
    const lines = [line(11, 8000), line(12, 0)];
    const draft = paymentDraft(lines);
    expect(draft).toEqual([
      { paid: "80.00", write_off: "", deductible: "" },
      { paid: "0.00", write_off: "", deductible: "" },
    ]);
    draft[1] = { paid: "12.5", write_off: "7.50", deductible: " 50 " };
    expect(paymentLines(lines, draft)).toEqual([
      { treatment_item_id: 11, paid: "80.00", write_off: "", deductible: "" },
      { treatment_item_id: 12, paid: "12.5", write_off: "7.50", deductible: " 50 " },
    ]);
  });

  it("shows tooth and surfaces together", () => {
    expect(toothText({ tooth: "14", surface: "MOD" })).toBe("14 MOD");
    expect(toothText({ tooth: "UR", surface: "" })).toBe("UR");
    expect(toothText({ tooth: "", surface: "" })).toBe("");
  });
});
