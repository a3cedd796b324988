// Pure helpers of the money screens: drafts built from what was typed, labels, and the ledger's looks.
import type {
  AccountLine,
  AdjustmentDraft,
  AdjustmentKind,
  Aging,
  InstalmentView,
  PaymentDraft,
  PaymentMethod,
  PaymentPlanDraft,
} from "../bindings";
import { toIsoDate } from "./claims";
import { parseCents } from "./money";

/** Field → problem, as shown next to each input. */
export type Problems = Record<string, string>;

/** A draft ready to send, or the problems found before sending it. */
export type Checked<T> = { ok: true; draft: T } | { ok: false; errors: Problems };

const AMOUNT_PROBLEM = "Enter an amount in dollars, e.g. 45.00.";

/** Methods offered at the desk (insurance payments are posted from the claim). */
export type DeskMethod = "cash" | "card" | "check";
export const DESK_METHODS: [DeskMethod, string][] = [
  ["cash", "Cash"],
  ["card", "Card"],
  ["check", "Check"],
];

/** The payment form as typed. */
export type PaymentForm = {
  amount: string;
  method: DeskMethod;
  lastFour: string;
  checkNumber: string;
  /** Empty means today. */
  date: string;
  note: string;
  /** Charges ticked under "Apply to" (none: oldest first). */
  charges: number[];
};

export function emptyPaymentForm(dueCents: number, toInput: (cents: number) => string): PaymentForm {
  return { amount: dueCents > 0 ? toInput(dueCents) : "", method: "cash", lastFour: "", checkNumber: "", date: "", note: "", charges: [] };
}

export function paymentMethod(f: Pick<PaymentForm, "method" | "lastFour" | "checkNumber">): PaymentMethod {
  if (f.method === "card") return { method: "card", last_four: f.lastFour.trim() };
  if (f.method === "check") return { method: "check", number: f.checkNumber.trim() };
  return { method: "cash" };
}

/**
 * The payment to send. Only the amount is checked here (it must be a number to be sent at all);
 * everything else is checked by the server, which names the field.
 * `openCharges` keeps the picked charges in the account's order (oldest first).
 */
export function paymentDraft(patientId: number, f: PaymentForm, openCharges: number[] = []): Checked<PaymentDraft> {
  const amount = parseCents(f.amount);
  if (amount === null) return { ok: false, errors: { amount: AMOUNT_PROBLEM } };
  const picked = new Set(f.charges);
  const charges = openCharges.length ? openCharges.filter((id) => picked.has(id)) : [...f.charges];
  return {
    ok: true,
    draft: {
      patient_id: patientId,
      date: f.date.trim() ? toIsoDate(f.date) : "",
      amount_cents: amount,
      method: paymentMethod(f),
      note: f.note.trim(),
      charges,
    },
  };
}

export const ADJUSTMENT_KINDS: [AdjustmentKind, string][] = [
  ["discount", "Discount"],
  ["ppo_write_off", "PPO write-off"],
  ["refund", "Refund"],
  ["bad_debt", "Bad debt"],
];

export type AdjustmentForm = { kind: AdjustmentKind; amount: string; note: string; date?: string };

export function adjustmentDraft(patientId: number, f: AdjustmentForm): Checked<AdjustmentDraft> {
  const amount = parseCents(f.amount);
  if (amount === null) return { ok: false, errors: { amount: AMOUNT_PROBLEM } };
  return { ok: true, draft: { patient_id: patientId, date: (f.date ?? "").trim(), adjustment: f.kind, amount_cents: amount, note: f.note.trim() } };
}

export type PlanForm = { total: string; count: string; firstDue: string; everyMonths: string; note: string };

function wholeNumber(typed: string): number | null {
  const t = typed.trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : null;
}

export function planDraft(patientId: number, f: PlanForm): Checked<PaymentPlanDraft> {
  const errors: Problems = {};
  const total = parseCents(f.total);
  const count = wholeNumber(f.count);
  const every = wholeNumber(f.everyMonths);
  if (total === null) errors.total = AMOUNT_PROBLEM;
  if (count === null) errors.count = "Enter the number of instalments.";
  if (every === null) errors.every_months = "Enter how many months apart (e.g. 1).";
  if (total === null || count === null || every === null) return { ok: false, errors };
  return {
    ok: true,
    draft: { patient_id: patientId, total_cents: total, count, first_due: toIsoDate(f.firstDue), every_months: every, note: f.note.trim() },
  };
}

export type PackageForm = { name: string; sessions: string; price: string };

export function packageDraft(f: PackageForm): Checked<{ name: string; sessions: number; priceCents: number }> {
  const errors: Problems = {};
  const sessions = wholeNumber(f.sessions);
  const price = parseCents(f.price);
  if (sessions === null) errors.sessions = "Enter the number of sessions.";
  if (price === null) errors.price = AMOUNT_PROBLEM;
  if (sessions === null || price === null) return { ok: false, errors };
  return { ok: true, draft: { name: f.name.trim(), sessions, priceCents: price } };
}

const KIND_LABELS: Record<string, string> = {
  cash: "Cash",
  card: "Card",
  check: "Check",
  insurance: "Insurance",
  ppo_write_off: "PPO write-off",
  discount: "Discount",
  refund: "Refund",
  bad_debt: "Bad debt",
};

/** A payment or adjustment kind in words: `ppo_write_off` → "PPO write-off". */
export function kindLabel(kind: string): string {
  const known = KIND_LABELS[kind];
  if (known) return known;
  const words = kind.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A field's problem as a sentence: the server sends either a whole sentence ("Enter the check
 * number.") or a phrase to follow the field's name ("is in the future").
 */
export function problemText(label: string, problem: string): string {
  return /^[a-z]/.test(problem) ? `${label} ${problem}` : problem;
}

/** The aging row, youngest first. */
export function agingBuckets(a: Aging): [string, number][] {
  return [
    ["0–30", a.current_0_30],
    ["31–60", a.days_31_60],
    ["61–90", a.days_61_90],
    ["90+", a.over_90],
  ];
}

/** How a ledger line looks: a reversal is muted, the entry it reversed is struck through. */
export function lineLook(l: Pick<AccountLine, "kind" | "reversed">): "reversal" | "reversed" | "" {
  if (l.kind === "reversal") return "reversal";
  return l.reversed ? "reversed" : "";
}

/** Whether the line can still be reversed. */
export function canReverse(l: Pick<AccountLine, "kind" | "reversed">): boolean {
  return !l.reversed && l.kind !== "reversal";
}

/** The lines to show: the last `n` (the newest), unless all are wanted. */
export function visibleLines<T>(lines: T[], all: boolean, n = 12): T[] {
  return all || lines.length <= n ? lines : lines.slice(lines.length - n);
}

/** An instalment not yet covered whose due date has passed. */
export function isOverdue(i: InstalmentView, today: string): boolean {
  return !i.paid && i.due < today;
}

/** `YYYY-MM-DD` plus `n` months, kept within the month (Jan 31 + 1 month → Feb 28/29). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const p = (x: number) => String(x).padStart(2, "0");
  return `${first.getUTCFullYear()}-${p(first.getUTCMonth() + 1)}-${p(Math.min(d, last))}`;
}
