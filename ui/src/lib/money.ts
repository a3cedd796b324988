// Money arrives from Rust as integer cents; shown as US dollars.
const usdFormat = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function usd(cents: number): string {
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
