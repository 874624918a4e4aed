import { addDuration, toIso } from "../../time.ts";
import type { WindowRule } from "../schema/document.ts";
import type { Finding } from "../schema/decision.ts";
import { finding, type EvalContext } from "./context.ts";

export interface WindowResult {
  readonly endMs: number | undefined;
  readonly outside: boolean;
  readonly finding: Finding | undefined;
}

/**
 * Judges the report against a reporting window and records `report_by`.
 * Windows are inclusive: a report at exactly the end instant is inside.
 */
export function judgeWindow(ctx: EvalContext, window: WindowRule): WindowResult {
  // Lines of one claim usually share a case, hence a window: judge it once.
  const known = ctx.windowResults.get(window);
  if (known) return known;

  ctx.clauses.add(window.clause);
  let anchorMs: number | undefined;
  for (const a of window.anchors) {
    anchorMs = ctx.at[a];
    if (anchorMs !== undefined) break;
  }
  let result: WindowResult;
  if (anchorMs === undefined) {
    // Without the start we cannot say the claim is late; a person checks.
    result = {
      endMs: undefined,
      outside: false,
      finding: finding("missing_fact", window.clause, "warn", `${window.anchors.join(" or ")} needed to judge the reporting window`),
    };
  } else {
    const endMs = addDuration(ctx.cal, anchorMs, window.length);
    const outside = ctx.reportedMs > endMs;
    result = {
      endMs,
      outside,
      finding: outside ? finding("window_expired", window.clause, window.severity, window.message) : undefined,
    };
    const dueAt = toIso(endMs);
    if (!ctx.deadlines.some((d) => d.key === "report_by" && d.dueAt === dueAt && d.clause === window.clause)) {
      ctx.deadlines.push({ key: "report_by", dueAt, clause: window.clause });
    }
  }
  ctx.windowResults.set(window, result);
  return result;
}
