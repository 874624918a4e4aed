import { percentOf } from "../../money.ts";
import type { Grade } from "../enums.ts";
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
 * G: share(grade) × base, base = the part's scheduled value × quantity where
 * the store has a schedule (A5), else the paid line amount; capped at the
 * paid line amount with `refund_cap`. Undefined while any line's grade or
 * value is open (`depends`, A6) or not entered yet.
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
    if (line.partType === undefined) {
      addLineFinding(ctx, state, finding("grade_pending", g.partValues.clause, "info", "part type needed for the graded refund"));
      return undefined;
    }
    const value = g.partValues.valuesCents[line.partType];
    if (value === null || value === undefined) baseOpen = true;
    else base = value * line.quantity;
  } else {
    base = state.paidCents;
  }

  if (grade === undefined) {
    addLineFinding(ctx, state, finding("grade_pending", g.clause, "info", "grade needed for the graded refund"));
    return undefined;
  }
  if (grade === "depends" || baseOpen) {
    const what = grade === "depends" ? "grade" : `value of ${line.partType}`;
    addLineFinding(ctx, state, finding("grade_depends", dependsClause, "warn", `the agent sets the ${what} with a reason`));
    return undefined;
  }
  const amount = percentOf(base ?? 0, g.sharesPct[grade]);
  if (amount > state.paidCents) {
    addLineFinding(ctx, state, finding("refund_cap", "G", "info", `graded amount capped at the paid ${state.paidCents} cents`));
    ctx.clauses.add("X2");
    return state.paidCents;
  }
  return amount;
}
