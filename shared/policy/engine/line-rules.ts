import type { LineRule } from "../schema/document.ts";
import { lineMatches } from "./cases.ts";
import { addLineFinding, finding, type EvalContext, type LineState } from "./context.ts";

/** Rules judged per line (L1, X9): void causes (L4, L5, E5) and failure causes (L7). */
export function applyLineRules(ctx: EvalContext, line: LineState): void {
  for (const rule of ctx.doc.lineRules) {
    if (rule.reasons && !rule.reasons.includes(ctx.facts.reason)) continue;
    if (!lineMatches(rule.lines, line.line)) continue;
    applyRule(ctx, line, rule);
  }
}

function applyRule(ctx: EvalContext, line: LineState, rule: LineRule): void {
  const test = rule.test;
  if (test.type === "void_cause") {
    const claimWide = ctx.facts.voidFindings ?? [];
    const own = line.line.voidCauses ?? [];
    const hits = test.causes.filter((c) => claimWide.includes(c) || own.includes(c));
    if (hits.length > 0) {
      addLineFinding(ctx, line, finding(rule.code, rule.clause, rule.severity, hits.join(", ")));
      if (rule.replaceOptions) line.templates = rule.replaceOptions;
    }
    return;
  }
  const cause = line.line.failureCause;
  if (cause === undefined) {
    if (test.missingSeverity) {
      addLineFinding(ctx, line, finding("missing_fact", rule.clause, test.missingSeverity, "failureCause needed for this line"));
    }
    return;
  }
  ctx.clauses.add(rule.clause);
  if (test.causes.includes(cause)) addLineFinding(ctx, line, finding(rule.code, rule.clause, rule.severity, cause));
}
