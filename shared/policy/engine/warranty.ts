import { addMonths } from "../../time.ts";
import type { RepairPause } from "../schema/facts.ts";
import { addFinding, finding, type EvalContext } from "./context.ts";

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
  // X7 flags a pause that ends before it starts; it extends nothing.
  const pauses = (ctx.facts.repairPauses ?? []).filter((p) => Date.parse(p.backAt) >= Date.parse(p.leftAt));
  const tracked = w.pauseRule?.requiresTracking ? pauses.filter((p) => p.leftTracking && p.backTracking) : pauses;
  const base = addMonths(ctx.cal, anchorMs, w.months);
  ctx.warrantyEndMs = base + totalPauseMs(tracked);
  ctx.warrantyEndWithUntrackedMs = base + totalPauseMs(pauses);
  ctx.clauses.add("X6");
  ctx.clauses.add(w.clause);
  if (w.replacementRule) ctx.clauses.add(w.replacementRule.clause);
  if (w.pauseRule && pauses.length > 0) ctx.clauses.add(w.pauseRule.clause);
}

/**
 * L9 (rev. 2): pauses without both legs' tracking extend nothing; the decision asks for the numbers,
 * and a claim that is inside the warranty only thanks to such a pause needs review.
 */
function untrackedPauseFinding(ctx: EvalContext) {
  const rule = ctx.doc.warranty?.pauseRule;
  if (!rule || ctx.warrantyEndMs === undefined || ctx.warrantyEndWithUntrackedMs === ctx.warrantyEndMs) return undefined;
  const depends = ctx.reportedMs > ctx.warrantyEndMs && ctx.reportedMs <= (ctx.warrantyEndWithUntrackedMs ?? 0);
  const message = "tracking_number: both legs of every repair pause are needed for it to extend the warranty";
  const f = finding("evidence_missing", rule.clause, depends ? "warn" : "info", message);
  return { f, depends };
}

/** For cases judged under the warranty: is the report inside it? */
export function warrantyFinding(ctx: EvalContext) {
  const w = ctx.doc.warranty;
  if (!w) return finding("not_covered", "X6", "warn", "the store has no warranty");
  ctx.clauses.add(w.clause);
  if (ctx.warrantyEndMs === undefined) {
    return finding("missing_fact", w.clause, "warn", `${w.anchors.join(" or ")} needed to compute the warranty`);
  }
  const untracked = untrackedPauseFinding(ctx);
  if (untracked) addFinding(ctx, untracked.f);
  if (untracked?.depends) return undefined; // a person checks the pause's tracking before the claim is refused
  return ctx.reportedMs > ctx.warrantyEndMs ? finding("warranty_expired", w.clause, "block") : undefined;
}
