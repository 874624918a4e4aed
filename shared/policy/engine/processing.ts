import { addDuration, localDay, MS_PER_DAY, toIso } from "../../time.ts";
import type { FreightPayer } from "../enums.ts";
import { addFinding, finding, type EvalContext } from "./context.ts";

/**
 * The end of the store's processing time: `within` after placement, pushed back a day for every store
 * holiday it spans ("within 48 hours, except holidays"; weekends are not holidays).
 */
function processingEnd(ctx: EvalContext, placedMs: number, within: Parameters<typeof addDuration>[2]): number {
  let end = addDuration(ctx.cal, placedMs, within);
  const seen = new Set<number>();
  for (let day = localDay(ctx.cal, placedMs); day <= localDay(ctx.cal, end); day++) {
    if (ctx.cal.holidayDays.has(day) && !seen.has(day)) {
      seen.add(day);
      end += MS_PER_DAY;
    }
  }
  return end;
}

/**
 * E9 (rev. 2): a delay or cancellation claim on an order shipped later than the processing time (or
 * still unshipped at the report) says so, and the store pays any freight. Returns that payer when late.
 */
export function checkProcessing(ctx: EvalContext): FreightPayer | undefined {
  const rule = ctx.doc.processing;
  if (!rule || !rule.reasons.includes(ctx.facts.reason)) return undefined;
  const placed = ctx.at.orderPlacedAt as number;
  const due = processingEnd(ctx, placed, rule.within);
  const shipped = ctx.at.shippedAt;
  const late = shipped !== undefined ? shipped > due : ctx.reportedMs > due;
  if (!late) return undefined;
  const what = shipped !== undefined ? `shipped ${toIso(shipped)}` : `not shipped by the report`;
  addFinding(ctx, finding("processing_late", rule.clause, "info", `${what}; orders ship by ${toIso(due)}`));
  return rule.freight;
}
