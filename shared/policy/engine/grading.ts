import { percentOf } from "../../money.ts";
import type { Grade, PartType } from "../enums.ts";
import type { ClaimLine } from "../schema/facts.ts";
import type { PolicyDocument } from "../schema/document.ts";
import { addLineFinding, finding, type EvalContext, type LineState } from "./context.ts";

/** The line's own grade, else the store's default for its issue type (A3). */
export function effectiveGrade(doc: PolicyDocument, line: ClaimLine): Grade | undefined {
  if (line.grade !== undefined) return line.grade;
  if (line.issueType === undefined) return undefined;
  return doc.grading.issueGrades?.grades[line.issueType];
}

/**
 * The schedule row that prices a line (A5): the issue's own row where the schedule has one (a detachment
 * is worth 5 whatever the part), else the part's row. Undefined while the part type is not recorded.
 */
export function valuedPart(doc: PolicyDocument, line: ClaimLine): PartType | undefined {
  const byIssue = line.issueType === undefined ? undefined : doc.grading.partValues?.issueRows?.[line.issueType];
  return byIssue ?? line.partType;
}

/**
 * G: share(grade) × base, base = the scheduled value × quantity where the store has a schedule (A5),
 * else the paid line amount; capped at the paid line amount with `refund_cap`. A Depends grade or value
 * (A6) waits for the agent's amount (`agentCents`), which is capped at the scheduled value and the paid
 * amount. Undefined while any line's amount is open.
 */
export function gradedRefund(ctx: EvalContext, lines: readonly LineState[]): number | undefined {
  const g = ctx.doc.grading;
  ctx.clauses.add("G");
  ctx.clauses.add(g.clause);
  let total: number | undefined = 0;
  for (const state of lines) {
    const cents = gradedLine(ctx, state);
    total = cents === undefined || total === undefined ? undefined : total + cents;
  }
  return total;
}

function capAtPaid(ctx: EvalContext, state: LineState, amount: number): number {
  if (amount <= state.paidCents) return amount;
  addLineFinding(ctx, state, finding("refund_cap", "G", "info", `graded amount capped at the paid ${state.paidCents} cents`));
  ctx.clauses.add("X2");
  return state.paidCents;
}

function gradedLine(ctx: EvalContext, state: LineState): number | undefined {
  const g = ctx.doc.grading;
  const line = state.line;
  if (line.grade === undefined && line.issueType !== undefined && g.issueGrades) ctx.clauses.add(g.issueGrades.clause);
  const grade = effectiveGrade(ctx.doc, line);
  const dependsClause = g.dependsRule?.clause ?? g.clause;

  let base: number | undefined;
  let baseOpen = false;
  if (g.partValues) {
    ctx.clauses.add(g.partValues.clause);
    const part = valuedPart(ctx.doc, line);
    if (part === undefined) {
      addLineFinding(ctx, state, finding("grade_pending", g.partValues.clause, "info", "part type needed for the graded refund"));
      return undefined;
    }
    const value = g.partValues.valuesCents[part];
    if (value === null || value === undefined) baseOpen = true;
    else base = value * line.quantity;
  } else {
    base = state.paidCents;
  }

  // A6 (rev. 2): a Depends value needs no grade; the agent sets the amount straight away.
  if (baseOpen || grade === "depends") return agentSetLine(ctx, state, base, dependsClause, baseOpen ? `value of ${line.partType}` : "grade");
  if (grade === undefined) {
    addLineFinding(ctx, state, finding("grade_pending", g.clause, "info", "grade needed for the graded refund"));
    return undefined;
  }
  return capAtPaid(ctx, state, percentOf(base ?? 0, g.sharesPct[grade]));
}

/** A6: the agent's amount for a Depends grade or value, never above the scheduled value nor the paid amount. */
function agentSetLine(ctx: EvalContext, state: LineState, maxCents: number | undefined, clause: string, what: string): number | undefined {
  const set = state.line.agentCents;
  if (set === undefined) {
    addLineFinding(ctx, state, finding("grade_depends", clause, "warn", `the agent sets the ${what} with a reason`));
    return undefined;
  }
  ctx.clauses.add(clause);
  if (maxCents !== undefined && set > maxCents) {
    addLineFinding(ctx, state, finding("refund_cap", clause, "info", `the agent's amount capped at the part's maximum of ${maxCents} cents`));
    return capAtPaid(ctx, state, maxCents);
  }
  return capAtPaid(ctx, state, set);
}
