import type { FreightPayer } from "../enums.ts";
import { addFinding, finding, type EvalContext, type LineState } from "./context.ts";
import type { OfferedOption } from "./options.ts";

/**
 * Who pays return freight for the decision as a whole: the preferred option's
 * payer, else the case's. Nothing moves for an ineligible claim.
 */
export function decideFreight(lines: readonly LineState[], options: readonly OfferedOption[]): FreightPayer {
  const preferred = options.find((o) => o.option.preferred);
  if (preferred?.option.freight) return preferred.option.freight;
  return lines.find((l) => l.caseRule)?.caseRule?.freight.payer ?? "none";
}

/**
 * E4 (rev. 2): freight the customer advanced where the store pays is reimbursed as a payout of its own
 * (outside the X2 cap), of the invoiced amount the agent records.
 */
export function freightReimbursement(ctx: EvalContext, freight: FreightPayer) {
  const rule = ctx.doc.prepaidReturn;
  if (!rule || freight !== "merchant" || ctx.facts.customerAdvancedFreight !== true) return undefined;
  ctx.clauses.add(rule.clause);
  const cents = ctx.facts.advancedFreightCents;
  if (cents === undefined) {
    addFinding(ctx, finding("missing_fact", rule.clause, "info", "the invoiced freight amount sets the reimbursement"));
    return undefined;
  }
  return { cents, clause: rule.clause };
}
