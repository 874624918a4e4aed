import { addDuration } from "../../time.ts";
import type { ClaimLine } from "../schema/facts.ts";
import type { CaseRule, ClaimTest, LineFilter } from "../schema/document.ts";
import type { EvalContext } from "./context.ts";

export function lineMatches(filter: LineFilter | undefined, line: ClaimLine): boolean {
  if (!filter) return true;
  if (filter.electronic !== undefined && (line.electronic ?? false) !== filter.electronic) return false;
  if (filter.consumable !== undefined && (line.consumable ?? false) !== filter.consumable) return false;
  if (filter.motor !== undefined && (line.motor ?? false) !== filter.motor) return false;
  return true;
}

function testPasses(ctx: EvalContext, test: ClaimTest): boolean {
  switch (test.type) {
    case "reported_within": {
      const anchor = ctx.at[test.anchor];
      return anchor !== undefined && ctx.reportedMs <= addDuration(ctx.cal, anchor, test.within);
    }
    case "not_shipped": {
      const shipped = ctx.at.shippedAt;
      return shipped === undefined || shipped > ctx.reportedMs;
    }
    case "packaging_severity":
      return (ctx.facts.packagingSeverity ?? "unknown") === test.is;
  }
}

/** The first case of the store that handles this claim's reason for this line. */
export function matchCase(ctx: EvalContext, line: ClaimLine): CaseRule | undefined {
  const candidates = ctx.compiled.casesByReason.get(ctx.facts.reason);
  if (!candidates) return undefined;
  for (const c of candidates) {
    if (!lineMatches(c.lines, line)) continue;
    if (c.whenAny && c.whenAny.length > 0 && !c.whenAny.some((t) => testPasses(ctx, t))) continue;
    return c;
  }
  return undefined;
}
