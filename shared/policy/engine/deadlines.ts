import { addDuration, toIso } from "../../time.ts";
import type { FreightPayer } from "../enums.ts";
import type { DeadlineRule } from "../schema/document.ts";
import { addFinding, finding, type EvalContext } from "./context.ts";
import type { OfferedOption } from "./options.ts";

function applies(ctx: EvalContext, rule: DeadlineRule, options: readonly OfferedOption[], freight: FreightPayer): boolean {
  if (rule.reasons && !rule.reasons.includes(ctx.facts.reason)) return false;
  if (rule.needsOptions && !options.some((o) => rule.needsOptions?.includes(o.option.kind))) return false;
  if (rule.needsReturn && !options.some((o) => o.returnsGoods)) return false;
  if (rule.unlessFact && ctx.at[rule.unlessFact] !== undefined) return false;
  if (rule.needsAdvancedFreight && ctx.facts.customerAdvancedFreight !== true) return false;
  if (rule.needsFreight && freight !== rule.needsFreight) return false;
  return ctx.at[rule.from] !== undefined;
}

/**
 * Adds the deadlines whose conditions hold. A deadline with a waiver (C9)
 * also judges whether it was missed: by the return's ship date when known,
 * else by `now`, the only place the engine looks at the clock.
 */
export function addDeadlines(
  ctx: EvalContext,
  rules: readonly DeadlineRule[],
  options: readonly OfferedOption[],
  freight: FreightPayer,
): void {
  for (const rule of rules) {
    if (!applies(ctx, rule, options, freight)) continue;
    const from = ctx.at[rule.from] as number;
    const length = ctx.facts.complex === true && rule.afterIfComplex ? rule.afterIfComplex : rule.after;
    const dueMs = addDuration(ctx.cal, from, length);
    ctx.deadlines.push({ key: rule.key, dueAt: toIso(dueMs), clause: rule.clause });
    ctx.clauses.add(rule.clause);
    if (rule.waiver) {
      const shipped = ctx.at.returnShippedAt;
      const missed = shipped !== undefined ? shipped > dueMs : ctx.nowMs > dueMs;
      if (missed) {
        const gone = rule.waiver.withdraws ?? [];
        for (const kind of gone) ctx.withdrawn.add(kind);
        const what = gone.length > 0 ? `; ${gone.map((k) => k.replace(/_/g, " ")).join(" and ")} withdrawn` : "";
        addFinding(ctx, finding("return_right_waived", rule.waiver.clause, rule.waiver.severity, `not shipped by ${toIso(dueMs)}${what}`));
      }
    }
  }
}
