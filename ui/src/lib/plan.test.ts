import { describe, expect, it } from "vitest";
import { editableFrequency, editablePlan, emptyPlan, mergeAmounts, parsePastedAmounts } from "./plan";

describe("pasting a fee list", () => {
  it("reads commas, tabs, dollar signs and thousands separators, skipping a header", () => {
    const rows = parsePastedAmounts('Code,Allowed\nD2740,"$1,250.00"\nd1110\t86\nD0120  48.50\nnot a code,5\n');
    expect(rows).toEqual([
      { code: "D2740", amount: "1250.00" },
      { code: "D1110", amount: "86" },
      { code: "D0120", amount: "48.50" },
    ]);
  });

  it("keeps what it cannot read as a number for the server to name", () => {
    expect(parsePastedAmounts("D2740,abc\n")).toEqual([{ code: "D2740", amount: "abc" }]);
  });

  it("merges by code", () => {
    const merged = mergeAmounts([{ code: "D2740", amount: "900" }, { code: "D1110", amount: "80" }], [{ code: "D2740", amount: "950" }, { code: "D0120", amount: "48" }]);
    expect(merged).toEqual([
      { code: "D2740", amount: "950" },
      { code: "D1110", amount: "80" },
      { code: "D0120", amount: "48" },
    ]);
  });

  it("starts a plan as a PPO with the usual categories", () => {
    const p = emptyPlan(3);
    expect(p.carrier_id).toBe(3);
    expect(p.benefits.coverage.map((c) => c.percent)).toEqual([100, 80, 50]);
  });
});

describe("frequency periods", () => {
  it("reads the older N_months spelling as per months with N", () => {
    expect(editableFrequency({ codes: "D0210", times: 1, per: "36_months", months: 0, per_tooth: false })).toEqual({
      codes: "D0210", times: 1, per: "months", months: 36, per_tooth: false,
    });
    expect(editableFrequency({ codes: "D1110", times: 2, per: "benefit_year", months: 0, per_tooth: false }).months).toBe(60);
    expect(editableFrequency({ codes: "D2740", times: 1, per: "months", months: 84, per_tooth: true })).toEqual({
      codes: "D2740", times: 1, per: "months", months: 84, per_tooth: true,
    });
  });

  it("gives a stored plan the fields added since it was saved", () => {
    const old = emptyPlan(1);
    const stored = { ...old, benefits: { ...old.benefits } } as Record<string, unknown> & typeof old;
    delete (stored.benefits as Partial<typeof old.benefits>).downgrades;
    const p = editablePlan(stored);
    expect(p.benefits.downgrades).toEqual([]);
    expect(p.benefits.age_limits).toEqual([]);
    expect(p.benefits.max_exempt).toBe("");
  });
});
