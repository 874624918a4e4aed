import { describe, expect, it } from "vitest";
import { knownOverCap, rememberCount } from "./capped-counts.ts";

describe("over-the-cap queue totals", () => {
  it("reuses an over-cap answer for ten seconds, never an exact one, and forgets it once a count comes in under", () => {
    const t = 1_000_000;
    rememberCount("small", false, t);
    expect(knownOverCap("small", t + 1)).toBe(false);
    rememberCount("big", true, t);
    expect(knownOverCap("big", t + 9_999)).toBe(true);
    expect(knownOverCap("big", t + 10_000)).toBe(false);
    rememberCount("big", true, t);
    rememberCount("big", false, t + 5);
    expect(knownOverCap("big", t + 6)).toBe(false);
  });
});
