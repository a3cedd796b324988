// Claim helpers for display and forms: today's date, status words, amounts as typed, which
// steps a claim can take next, and which completed procedures can still go on a claim.
import type { ClaimLineView, ClaimStatus, PaymentLine, TreatmentItem } from "../bindings";
import { centsToInput } from "./money";

const pad = (n: number) => String(n).padStart(2, "0");

/** Today in local time as `YYYY-MM-DD` (the clinic's computer is in the clinic's timezone). */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `YYYY-MM-DD` → a local date, or null when it is not a real date. */
function parseIso(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
}

/** `days` after an ISO date (negative: before), as ISO. */
export function addDays(iso: string, days: number): string {
  const d = parseIso(iso);
  if (!d) return iso;
  d.setDate(d.getDate() + days);
  return todayIso(d);
}

/** Whole days from `fromIso` to `toIso` (negative when `toIso` is earlier); null if either is not a date. */
export function daysBetween(fromIso: string, toIso: string): number | null {
  const a = parseIso(fromIso);
  const b = parseIso(toIso);
  if (!a || !b) return null;
  const utc = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

/** "Sent today", "Sent 1 day ago", "Sent 45 days ago"; "" when there is no sent date. */
export function sentAgo(sentOn: string | null, today: string): string {
  if (!sentOn) return "";
  const n = daysBetween(sentOn, today);
  if (n === null || n < 0) return "";
  if (n === 0) return "Sent today";
  return `Sent ${n} ${n === 1 ? "day" : "days"} ago`;
}

/**
 * A date as the coordinator typed it, sent as `YYYY-MM-DD`: ISO is kept, US `M/D/YYYY` is
 * converted; anything else is sent as typed so the server names the problem.
 */
export function toIsoDate(typed: string): string {
  const t = typed.trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (us) return `${us[3]}-${pad(Number(us[1]))}-${pad(Number(us[2]))}`;
  return t;
}

const STATUS_WORDS: Record<ClaimStatus, string> = {
  draft: "draft",
  sent: "sent",
  received: "received",
  paid: "paid",
  partially_paid: "partially paid",
  denied: "denied",
  appealed: "appealed",
};

/** A claim status in words: `partially_paid` → "partially paid". */
export function statusLabel(status: ClaimStatus): string {
  return STATUS_WORDS[status] ?? String(status).replace(/_/g, " ");
}

/** A step the coordinator can take on a claim (follow-up notes and the PDF are always possible). */
export type ClaimStep = "send" | "receive" | "deny" | "appeal" | "payment";

/** The steps valid from `status`, in the order the claim usually goes. */
export function stepsFor(status: ClaimStatus): ClaimStep[] {
  switch (status) {
    case "draft":
      return ["send"];
    case "sent":
    case "appealed":
      return ["receive", "payment", "deny"];
    case "received":
      return ["payment", "deny"];
    case "denied":
    case "partially_paid":
      return ["appeal"];
    case "paid":
      return [];
  }
  return [];
}

/** Completed procedures not among `claimed` (ids already on a claim to the chosen plan). */
export function claimableItems(items: TreatmentItem[], claimed: ReadonlySet<number>): TreatmentItem[] {
  return items.filter((i) => i.status === "completed" && i.completed_on && !claimed.has(i.id));
}

/** The distinct completion dates of `items`, most recent first. */
export function serviceDates(items: TreatmentItem[]): string[] {
  const dates = new Set<string>();
  for (const i of items) if (i.completed_on) dates.add(i.completed_on);
  return [...dates].sort().reverse();
}

/** What the payment form starts with: each line's estimate as the amount paid. */
export type PaymentDraft = { paid: string; write_off: string; deductible: string };

export function paymentDraft(lines: ClaimLineView[]): PaymentDraft[] {
  return lines.map((l) => ({ paid: centsToInput(l.estimate_cents), write_off: "", deductible: "" }));
}

/** The payment as sent: one line per claimed procedure, amounts exactly as typed. */
export function paymentLines(lines: ClaimLineView[], draft: PaymentDraft[]): PaymentLine[] {
  return lines.map((l, i) => ({
    treatment_item_id: l.item.id,
    paid: draft[i]?.paid ?? "",
    write_off: draft[i]?.write_off ?? "",
    deductible: draft[i]?.deductible ?? "",
  }));
}

/** "14 MOD", "UR", or "" — where a procedure was done. */
export function toothText(item: Pick<TreatmentItem, "tooth" | "surface">): string {
  return [item.tooth, item.surface].filter((x) => x && x.trim()).join(" ");
}
