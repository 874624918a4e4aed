import { addMonths } from "../../time.ts";
import type { RepairPause } from "../schema/facts.ts";
import { finding, type EvalContext } from "./context.ts";

/**
 * Total paused time. Overlapping pauses count once: a product cannot be away
 * twice at the same moment, so overlaps are data-entry duplicates.
 */
export function totalPauseMs(pauses: readonly RepairPause[]): number {
  if (pauses.length === 0) return 0;
  const spans = pauses.map((p) => [Date.parse(p.leftAt), Date.parse(p.backAt)] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [start, end] = spans[0]!;
  for (const [s, e] of spans.slice(1)) {
    if (s <= end) {
      if (e > end) end = e;
    } else {
      total += end - start;
      start = s;
      end = e;
    }
  }
  return total + (end - start);
}

/** X6: anchor + months (same local day and time) + every repair pause. */
export function computeWarrantyEnd(ctx: EvalContext): void {
  const w = ctx.doc.warranty;
  if (!w) return;
  let anchorMs: number | undefined;
  for (const a of w.anchors) {
    anchorMs = ctx.at[a];
    if (anchorMs !== undefined) break;
  }
  if (anchorMs === undefined) return;
  const pauses = ctx.facts.repairPauses ?? [];
  ctx.warrantyEndMs = addMonths(ctx.cal, anchorMs, w.months) + totalPauseMs(pauses);
  ctx.clauses.add("X6");
  ctx.clauses.add(w.clause);
  if (w.replacementRule) ctx.clauses.add(w.replacementRule.clause);
  if (w.pauseRule && pauses.length > 0) ctx.clauses.add(w.pauseRule.clause);
}

/** For cases judged under the warranty: is the report inside it? */
export function warrantyFinding(ctx: EvalContext) {
  const w = ctx.doc.warranty;
  if (!w) return finding("not_covered", "X6", "warn", "the store has no warranty");
  ctx.clauses.add(w.clause);
  if (ctx.warrantyEndMs === undefined) {
    return finding("missing_fact", w.clause, "warn", `${w.anchors.join(" or ")} needed to compute the warranty`);
  }
  return ctx.reportedMs > ctx.warrantyEndMs ? finding("warranty_expired", w.clause, "block") : undefined;
}
