import type { FreightPayer, OptionKind } from "../enums.ts";
import type { OptionTemplate } from "../schema/document.ts";
import type { DecisionOption } from "../schema/decision.ts";
import { computeAmount } from "./amounts.ts";
import { addFinding, finding, type EvalContext, type LineState } from "./context.ts";
import { effectiveGrade } from "./grading.ts";

export interface OfferedOption {
  readonly option: DecisionOption;
  readonly returnsGoods: boolean;
}

const returnsByDefault: ReadonlySet<OptionKind> = new Set(["return_for_refund", "exchange", "repair"]);
const movesMoney: ReadonlySet<OptionKind> = new Set([
  "full_refund",
  "partial_refund",
  "return_for_refund",
  "keep_with_compensation",
  "cancel_order",
]);

export function optionReturnsGoods(t: OptionTemplate): boolean {
  return t.returnsGoods ?? returnsByDefault.has(t.kind);
}

function offeredFor(ctx: EvalContext, line: LineState): OptionTemplate[] {
  const token = effectiveGrade(ctx.doc, line.line) ?? "ungraded";
  return line.templates.filter((t) => !t.whenGrades || t.whenGrades.includes(token));
}

/**
 * Options for the lines still in play. A kind is offered when every such line
 * offers it (a claim whose lines allow different resolutions offers what they
 * share; split the claim to resolve lines differently). The first line's
 * template sets the amount rule and freight. Amounts are totals for the lines,
 * capped at what was paid for them (X2).
 */
export function buildOptions(ctx: EvalContext, lines: readonly LineState[]): OfferedOption[] {
  const first = lines[0];
  if (!first?.caseRule) return [];
  const perLine = lines.map((l) => offeredFor(ctx, l));
  const paidTotal = lines.reduce((sum, l) => sum + l.paidCents, 0);
  const caseFreight: FreightPayer = first.caseRule.freight.payer;
  const out: OfferedOption[] = [];

  for (const template of perLine[0] ?? []) {
    if (out.some((o) => o.option.kind === template.kind)) continue;
    const matches = perLine.map((ts) => ts.find((t) => t.kind === template.kind));
    if (matches.some((m) => m === undefined)) continue;
    ctx.clauses.add(template.clause);

    const option: DecisionOption = {
      kind: template.kind,
      preferred: matches.every((m) => m?.preferred === true),
      freight: template.freight ?? caseFreight,
      clause: template.clause,
    };
    let cents = computeAmount(ctx, template.amount, template.clause, lines, paidTotal);
    if (cents !== undefined) {
      if (cents > paidTotal) {
        addFinding(ctx, finding("refund_cap", "X2", "info", `${template.kind} capped at the paid ${paidTotal} cents`));
        cents = paidTotal;
      }
      option.refundCents = cents;
    }
    if (movesMoney.has(template.kind)) {
      ctx.clauses.add("X2");
      ctx.clauses.add("X3");
    }
    out.push({ option, returnsGoods: optionReturnsGoods(template) });
  }
  return out;
}
