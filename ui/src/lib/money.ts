// Money arrives from Rust as integer cents; shown as US dollars.
// Made at the first amount shown, not at start-up: the formatter loads ICU's locale data, which the
// sign-in screen has no need of.
let usdFormat: Intl.NumberFormat | null = null;

/** A share in tenths of a percent, as the reports send it: 125 → "12.5%". */
export function pct(permille: number): string {
  return `${(permille / 10).toFixed(1)}%`;
}

export function usd(cents: number): string {
  usdFormat ??= new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
  return usdFormat.format(cents / 100);
}

/**
 * An amount as typed ("45", "45.5", "$1,234.56") → integer cents; `null` when it is not an amount
 * (empty, letters, more than two decimals). The sign is kept: the server says whether it may be
 * negative.
 */
export function parseCents(typed: string): number | null {
  const t = typed.trim().replace(/[$\s]/g, "").replace(/,(?=\d{3}(\D|$))/g, "");
  const m = /^(-)?(\d*)(?:\.(\d{0,2}))?$/.exec(t);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return null;
  const cents = Number(m[2] || "0") * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -cents : cents;
}

/**
 * Integer cents → the amount a form field starts with, as `parseCents` reads it back: 8000 →
 * "80.00", 5 → "0.05", -150 → "-1.50", 123456 → "1234.56" (no "$", no commas, no sign for zero).
 * Computed on integers, so there is no float rounding error; a fractional cent (which Rust never
 * sends) rounds half away from zero, and something that is not a number gives "".
 */
export function centsToInput(cents: number): string {
  if (!Number.isFinite(cents)) return "";
  const abs = Math.round(Math.abs(cents));
  if (abs === 0) return "0.00";
  const rest = abs % 100;
  const dollars = (abs - rest) / 100;
  return `${cents < 0 ? "-" : ""}${dollars}.${String(rest).padStart(2, "0")}`;
}
