import { describe, expect, it } from "vitest";
import type { ProductionRow } from "../bindings";
import { agingBars, MAX_DAILY_BARS, productionBars } from "./report_chart";

const day = (date: string, p: number, c: number): ProductionRow => ({
  date, charges: p, adjustments: 0, write_offs: 0, refunds: 0, patient_payments: c, insurance_payments: 0, net_production: p, net_collections: c,
});

describe("report charts", () => {
  it("draws a bar a day over a short range", () => {
    const b = productionBars([day("2026-03-02", 100, 50), day("2026-03-03", 200, 0)]);
    expect(b.labels).toEqual(["03/02", "03/03"]);
    expect(b.series[0].cents).toEqual([100, 200]);
    expect(b.series[1].cents).toEqual([50, 0]);
  });

  it("sums the days into months over a long range, so no bar is lost", () => {
    const rows: ProductionRow[] = [];
    for (let i = 0; i <= MAX_DAILY_BARS; i++) {
      const d = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
      rows.push(day(d, 100, 10));
    }
    const b = productionBars(rows);
    expect(b.labels).toEqual(["01/2026", "02/2026", "03/2026"]);
    expect(b.series[0].cents.reduce((a, x) => a + x, 0)).toBe(100 * rows.length);
    expect(b.series[0].cents[0]).toBe(3100);
  });

  it("draws the four aging buckets", () => {
    const b = agingBars({ current_0_30: 1, days_31_60: 2, days_61_90: 3, over_90: 4, total: 10, insurance_pending: 0, patient_due: 10 });
    expect(b.series[0].cents).toEqual([1, 2, 3, 4]);
  });
});
