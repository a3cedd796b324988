import { describe, expect, it } from "vitest";
import { centsToInput, parseCents } from "./money";

describe("centsToInput", () => {
  it("writes integer cents as dollars with two decimals", () => {
    expect(centsToInput(0)).toBe("0.00");
    expect(centsToInput(5)).toBe("0.05");
    expect(centsToInput(99)).toBe("0.99");
    expect(centsToInput(100)).toBe("1.00");
    expect(centsToInput(8000)).toBe("80.00");
    expect(centsToInput(123456)).toBe("1234.56");
  });

  it("keeps the sign of a negative amount, and never writes -0.00", () => {
    expect(centsToInput(-5)).toBe("-0.05");
    expect(centsToInput(-150)).toBe("-1.50");
    expect(centsToInput(-123456)).toBe("-1234.56");
    expect(centsToInput(-0)).toBe("0.00");
    expect(centsToInput(-0.4)).toBe("0.00");
  });

  it("works on integers, so large amounts stay exact", () => {
    expect(centsToInput(1005)).toBe("10.05");
    expect(centsToInput(100_000_001)).toBe("1000000.01");
    expect(centsToInput(Number.MAX_SAFE_INTEGER)).toBe("90071992547409.91");
    expect(centsToInput(-Number.MAX_SAFE_INTEGER)).toBe("-90071992547409.91");
  });

  it("rounds a fractional cent half away from zero", () => {
    expect(centsToInput(12.5)).toBe("0.13");
    expect(centsToInput(-12.5)).toBe("-0.13");
    expect(centsToInput(12.49)).toBe("0.12");
    expect(centsToInput(-1.5)).toBe("-0.02");
  });

  it("gives an empty field for something that is not an amount", () => {
    expect(centsToInput(Number.NaN)).toBe("");
    expect(centsToInput(Number.POSITIVE_INFINITY)).toBe("");
  });

  it("reads back to the same cents", () => {
    for (const c of [0, 1, 9, 10, 99, 100, 101, 1999, 123456, -1, -99, -100, -123456, 987654321]) {
      expect(parseCents(centsToInput(c))).toBe(c);
    }
  });
});
