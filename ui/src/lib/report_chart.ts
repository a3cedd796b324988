// What the report charts draw: production and collections by day (by month over a range of more
// than two months), and the aging buckets. Only grouping of the figures the app crate computed;
// no money rule lives here.
import type { AgingAmounts, ProductionRow } from "../bindings";

export type Bars = { labels: string[]; series: { label: string; cents: number[]; colour: string }[] };

/** Days up to this many are drawn a bar a day; more, a bar a month. */
export const MAX_DAILY_BARS = 62;

export function productionBars(rows: ProductionRow[]): Bars {
  const byMonth = rows.length > MAX_DAILY_BARS;
  const keys: string[] = [];
  const sums = new Map<string, { p: number; c: number }>();
  for (const r of rows) {
    const key = byMonth ? r.date.slice(0, 7) : r.date;
    let s = sums.get(key);
    if (!s) {
      s = { p: 0, c: 0 };
      sums.set(key, s);
      keys.push(key);
    }
    s.p += r.net_production;
    s.c += r.net_collections;
  }
  const label = (k: string) => (byMonth ? `${k.slice(5, 7)}/${k.slice(0, 4)}` : `${k.slice(5, 7)}/${k.slice(8, 10)}`);
  return {
    labels: keys.map(label),
    series: [
      { label: "Net production", cents: keys.map((k) => sums.get(k)!.p), colour: "#2f6fdf" },
      { label: "Net collections", cents: keys.map((k) => sums.get(k)!.c), colour: "#1b9e77" },
    ],
  };
}

export function agingBars(t: AgingAmounts): Bars {
  return {
    labels: ["0–30", "31–60", "61–90", "Over 90"],
    series: [{ label: "Balance", cents: [t.current_0_30, t.days_31_60, t.days_61_90, t.over_90], colour: "#d95f02" }],
  };
}
