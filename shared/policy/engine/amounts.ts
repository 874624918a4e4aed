import { percentOf } from "../../money.ts";
import type { AmountRule } from "../schema/document.ts";
import { addFinding, finding, type EvalContext, type LineState } from "./context.ts";
import { gradedRefund } from "./grading.ts";

/** Amounts the text defines over the whole claim, not line by line (C5's costs, C6's price difference). */
export function claimLevelAmount(rule: AmountRule): boolean {
  return rule.type === "paid_less_costs" || rule.type === "price_difference_share";
}

/**
 * Money an option moves for the given lines, before the X2 cap. Undefined
 * when the option moves no money or when the amount still waits for a fact
 * the agent enters (inspection, costs, a grade…); that wait is an info finding.
 */
export function computeAmount(
  ctx: EvalContext,
  rule: AmountRule,
  clause: string,
  lines: readonly LineState[],
  paidTotal: number,
): number | undefined {
  switch (rule.type) {
    case "none":
    case "set_by_agent":
      return undefined;
    case "paid":
      return paidTotal;
    case "graded":
      return gradedRefund(ctx, lines);
    case "paid_less_deduction":
      return paidLessDeduction(ctx, rule, clause, lines);
    case "paid_less_costs": {
      const { purchaseCostCents, exportPostageCents } = ctx.facts;
      if (purchaseCostCents === undefined || exportPostageCents === undefined) {
        addFinding(ctx, finding("missing_fact", clause, "info", "purchase cost and export postage set the amount"));
        return undefined;
      }
      return Math.max(0, paidTotal - purchaseCostCents - exportPostageCents);
    }
    case "price_difference_share": {
      const received = ctx.facts.receivedItemValueCents;
      if (received === undefined) {
        addFinding(ctx, finding("missing_fact", clause, "info", "value of the received item sets the compensation"));
        return undefined;
      }
      return percentOf(Math.abs(paidTotal - received), rule.pct);
    }
  }
}

function paidLessDeduction(
  ctx: EvalContext,
  rule: Extract<AmountRule, { type: "paid_less_deduction" }>,
  clause: string,
  lines: readonly LineState[],
): number | undefined {
  const condition = ctx.facts.condition;
  const inspection = condition?.inspection;
  if (rule.requireInspection && inspection === undefined) {
    addFinding(ctx, finding("missing_fact", clause, "info", "the refund is set at inspection"));
    return undefined;
  }
  const cap = (inspection !== undefined ? rule.capsPct[inspection] : undefined) ?? rule.defaultCapPct;
  let pct = condition?.deductionPct ?? 0;
  if (pct > cap) {
    addFinding(ctx, finding("deduction_cap", clause, "info", `deduction of ${pct} % clamped to ${cap} %`));
    pct = cap;
  }
  // Per line, as percentages apply to unit price × quantity (rule book).
  let total = 0;
  for (const l of lines) total += l.paidCents - percentOf(l.paidCents, pct);
  return total;
}
