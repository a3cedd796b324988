import { describe, expect, it } from "vitest";
import {
  addMonths,
  adjustmentDraft,
  agingBuckets,
  canReverse,
  emptyPaymentForm,
  isOverdue,
  kindLabel,
  lineLook,
  packageDraft,
  paymentDraft,
  paymentMethod,
  planDraft,
  problemText,
  visibleLines,
  type PaymentForm,
} from "./ledger";
import { centsToInput, parseCents } from "./money";

const form = (over: Partial<PaymentForm> = {}): PaymentForm => ({ ...emptyPaymentForm(0, centsToInput), ...over });

describe("typed amounts", () => {
  it("reads dollars and cents into integer cents", () => {
    expect(parseCents("45")).toBe(4500);
    expect(parseCents("45.5")).toBe(4550);
    expect(parseCents(" $1,234.56 ")).toBe(123456);
    expect(parseCents(".99")).toBe(99);
    expect(parseCents("0.1")).toBe(10);
    expect(parseCents("-20")).toBe(-2000);
    expect(parseCents("19.999")).toBeNull();
    expect(parseCents("")).toBeNull();
    expect(parseCents("abc")).toBeNull();
    expect(parseCents("12,34")).toBeNull();
    expect(parseCents(".")).toBeNull();
  });
});

describe("the payment draft", () => {
  it("prefills the amount with what the patient owes, if anything", () => {
    expect(emptyPaymentForm(12345, centsToInput).amount).toBe("123.45");
    expect(emptyPaymentForm(0, centsToInput).amount).toBe("");
    expect(emptyPaymentForm(0, centsToInput).method).toBe("cash");
  });

  it("builds a card payment with the last four, empty date meaning today", () => {
    const r = paymentDraft(7, form({ amount: "80", method: "card", lastFour: " 4242 ", checkNumber: "99", note: " copay " }));
    expect(r).toEqual({
      ok: true,
      draft: { patient_id: 7, date: "", amount_cents: 8000, method: { method: "card", last_four: "4242" }, note: "copay", charges: [] },
    });
  });

  it("builds a check payment, converts a US date and keeps the picked charges in the account's order", () => {
    const r = paymentDraft(7, form({ amount: "10.00", method: "check", checkNumber: "1001", date: "3/9/2026", charges: [30, 10] }), [10, 20, 30]);
    expect(r.ok && r.draft).toMatchObject({ date: "2026-03-09", method: { method: "check", number: "1001" }, charges: [10, 30] });
  });

  it("names the amount when it is not a number", () => {
    expect(paymentDraft(7, form({ amount: "ten" }))).toEqual({ ok: false, errors: { amount: expect.any(String) } });
  });

  it("only offers cash, card and check", () => {
    expect(paymentMethod({ method: "cash", lastFour: "1", checkNumber: "2" })).toEqual({ method: "cash" });
  });
});

describe("other drafts", () => {
  it("builds an adjustment dated today", () => {
    expect(adjustmentDraft(3, { kind: "ppo_write_off", amount: "25", note: "" })).toEqual({
      ok: true,
      draft: { patient_id: 3, date: "", adjustment: "ppo_write_off", amount_cents: 2500, note: "" },
    });
    expect(adjustmentDraft(3, { kind: "refund", amount: "", note: "" }).ok).toBe(false);
  });

  it("keeps a typed adjustment date", () => {
    const c = adjustmentDraft(3, { kind: "discount", amount: "5", note: "", date: " 11/20/2026 " });
    expect(c.ok && c.draft.date).toBe("11/20/2026");
  });

  it("builds a payment plan or names each figure that is not a number", () => {
    expect(planDraft(3, { total: "600", count: "3", firstDue: "04/01/2026", everyMonths: "1", note: "" })).toEqual({
      ok: true,
      draft: { patient_id: 3, total_cents: 60000, count: 3, first_due: "2026-04-01", every_months: 1, note: "" },
    });
    const bad = planDraft(3, { total: "x", count: "three", firstDue: "", everyMonths: "", note: "" });
    expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual(["count", "every_months", "total"]);
  });

  it("builds a package", () => {
    expect(packageDraft({ name: " Laser x3 ", sessions: "3", price: "900" })).toEqual({ ok: true, draft: { name: "Laser x3", sessions: 3, priceCents: 90000 } });
    expect(packageDraft({ name: "", sessions: "1.5", price: "" })).toEqual({ ok: false, errors: { sessions: expect.any(String), price: expect.any(String) } });
  });
});

describe("labels and looks", () => {
  it("names payment and adjustment kinds", () => {
    expect(kindLabel("ppo_write_off")).toBe("PPO write-off");
    expect(kindLabel("bad_debt")).toBe("Bad debt");
    expect(kindLabel("card")).toBe("Card");
    expect(kindLabel("gift_card")).toBe("Gift card");
  });

  it("reads a problem after the field's name only when it is a phrase", () => {
    expect(problemText("Date", "is in the future")).toBe("Date is in the future");
    expect(problemText("Last four", "Enter the last four digits of the card.")).toBe("Enter the last four digits of the card.");
  });

  it("lists aging youngest first", () => {
    expect(agingBuckets({ current_0_30: 1, days_31_60: 2, days_61_90: 3, over_90: 4, total: 10 })).toEqual([
      ["0–30", 1], ["31–60", 2], ["61–90", 3], ["90+", 4],
    ]);
  });

  it("mutes reversals, strikes what they reversed, and only reverses live entries", () => {
    expect(lineLook({ kind: "payment", reversed: false })).toBe("");
    expect(lineLook({ kind: "payment", reversed: true })).toBe("reversed");
    expect(lineLook({ kind: "reversal", reversed: true })).toBe("reversal");
    expect(canReverse({ kind: "charge", reversed: false })).toBe(true);
    expect(canReverse({ kind: "charge", reversed: true })).toBe(false);
    expect(canReverse({ kind: "reversal", reversed: false })).toBe(false);
  });

  it("shows the newest lines unless all are wanted", () => {
    const l = [1, 2, 3, 4, 5];
    expect(visibleLines(l, false, 3)).toEqual([3, 4, 5]);
    expect(visibleLines(l, true, 3)).toEqual(l);
    expect(visibleLines(l, false, 10)).toEqual(l);
  });

  it("knows an overdue instalment and adds months within the month", () => {
    expect(isOverdue({ due: "2026-03-01", amount_cents: 1, paid: false }, "2026-03-02")).toBe(true);
    expect(isOverdue({ due: "2026-03-01", amount_cents: 1, paid: true }, "2026-03-02")).toBe(false);
    expect(isOverdue({ due: "2026-03-02", amount_cents: 1, paid: false }, "2026-03-02")).toBe(false);
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-11-15", 2)).toBe("2027-01-15");
  });
});
