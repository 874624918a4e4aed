import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertCents, clampCents, formatCents, minCents, percentOf, sumCents } from "./money.ts";

describe("money", () => {
  it("takes percentages half-up to the cent", () => {
    expect(percentOf(1001, 50)).toBe(501); // 500.5 → 501
    expect(percentOf(999, 25)).toBe(250); // 249.75 → 250
    expect(percentOf(1, 50)).toBe(1); // 0.5 → 1
    expect(percentOf(1, 49)).toBe(0);
    expect(percentOf(2599, 10)).toBe(260); // 259.9
    expect(percentOf(1000, 12.5)).toBe(125);
    expect(percentOf(-1001, 50)).toBe(-501); // symmetric for reversals
  });

  it("never takes more than the whole for shares up to 100 %", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100 }), (cents, pct) => {
        const part = percentOf(cents, pct);
        expect(part).toBeGreaterThanOrEqual(0);
        expect(part).toBeLessThanOrEqual(cents);
        expect(Math.abs(part - (cents * pct) / 100)).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it("sums, mins and clamps", () => {
    expect(sumCents([1, 2, 3])).toBe(6);
    expect(sumCents([])).toBe(0);
    expect(minCents(5, 3, 9)).toBe(3);
    expect(clampCents(-5, 0, 10)).toBe(0);
    expect(clampCents(50, 0, 10)).toBe(10);
    expect(clampCents(7, 0, 10)).toBe(7);
  });

  it("formats for display", () => {
    expect(formatCents(1234)).toBe("$12.34");
    expect(formatCents(5)).toBe("$0.05");
    expect(formatCents(123456789)).toBe("$1,234,567.89");
    expect(formatCents(-1050)).toBe("-$10.50");
  });

  it("rejects non-integer amounts", () => {
    expect(() => assertCents(1.5)).toThrow(RangeError);
    expect(assertCents(150)).toBe(150);
  });
});
