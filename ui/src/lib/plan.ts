// Plan editor helpers: an empty plan, frequency periods (and the older `60_months` spelling read
// as "per months" with 60), and pasting a code/amount list from a spreadsheet.
import type { CodeAmount, FrequencyLine, PlanBenefits, PlanDraft } from "../bindings";

export function emptyBenefits(): PlanBenefits {
  return {
    annual_max: "",
    family_max: "",
    deductible: "",
    family_deductible: "",
    benefit_year_start: "",
    deductible_waived: "D0000-D1999",
    exclusions: "",
    coverage: [
      { codes: "D0000-D1999", percent: 100 },
      { codes: "D2000-D2699", percent: 80 },
      { codes: "D2700-D2999", percent: 50 },
    ],
    frequency: [],
    waiting_periods: [],
    copays: [],
    code_deductibles: [],
    allowed: [],
    downgrades: [],
    age_limits: [],
    max_exempt: "",
    cob: "standard",
    write_off_when_max_reached: true,
  };
}

export function emptyPlan(carrierId = 0): PlanDraft {
  return { carrier_id: carrierId, group_name: "", group_number: "", employer: "", plan_type: "ppo", benefits: emptyBenefits() };
}

/** Frequency periods the engine understands, with their labels; "months" takes a number of months. */
export const PERIODS: [string, string][] = [
  ["benefit_year", "per benefit year"],
  ["calendar_year", "per calendar year"],
  ["months", "per … months"],
  ["lifetime", "per lifetime"],
];

/** A new frequency row: twice per benefit year. */
export function newFrequency(): FrequencyLine {
  return { codes: "", times: 2, per: "benefit_year", months: 60, per_tooth: false };
}

/**
 * A stored frequency row as the editor shows it: `60_months` (the older spelling) is "per months"
 * with 60, and rows saved before the months field get it.
 */
export function editableFrequency(f: FrequencyLine): FrequencyLine {
  const m = /^(\d+)_months$/.exec(f.per);
  if (m) return { ...f, per: "months", months: Number(m[1]), per_tooth: f.per_tooth ?? false };
  return { ...f, months: f.per === "months" ? f.months : (f.months || 60), per_tooth: f.per_tooth ?? false };
}

/** A stored plan as the editor edits it (fields added since it was saved get their empty value). */
export function editablePlan(d: PlanDraft): PlanDraft {
  const b = { ...emptyBenefits(), ...d.benefits };
  return { ...d, benefits: { ...b, frequency: b.frequency.map(editableFrequency) } };
}

/**
 * Rows pasted from a spreadsheet or a payer's fee list: one code and amount per line, separated by
 * a comma, tab, semicolon or spaces; "$" and thousands separators are dropped; a header line
 * (no code-like first cell) is skipped. Amounts are kept as text: the server checks them.
 */
export function parsePastedAmounts(text: string): CodeAmount[] {
  const rows: CodeAmount[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*"?([A-Za-z][A-Za-z0-9-]{0,11})"?\s*[,;\t ]\s*(.*)$/.exec(raw);
    if (!m || !/\d/.test(m[1])) continue;
    // The rest of the line is the amount: quotes, "$", spaces and thousands commas dropped.
    const amount = m[2].replace(/["$\s]/g, "").replace(/,/g, "");
    rows.push({ code: m[1].toUpperCase(), amount });
  }
  return rows;
}

/** Merges pasted rows into existing ones: a pasted code replaces the same code's amount. */
export function mergeAmounts(existing: CodeAmount[], pasted: CodeAmount[]): CodeAmount[] {
  const out = existing.map((r) => ({ ...r }));
  for (const p of pasted) {
    const same = out.find((r) => r.code.trim().toUpperCase() === p.code);
    if (same) same.amount = p.amount;
    else out.push(p);
  }
  return out;
}
