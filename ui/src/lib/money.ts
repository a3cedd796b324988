// Money arrives from Rust as integer cents; shown as US dollars.
const usdFormat = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function usd(cents: number): string {
  return usdFormat.format(cents / 100);
}
