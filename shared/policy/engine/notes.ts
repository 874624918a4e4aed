import type { FreightPayer } from "../enums.ts";
import { addFinding, finding, type EvalContext } from "./context.ts";
import type { OfferedOption } from "./options.ts";

/** Informational findings that help the agent act on a return or a refund. */
export function addNotes(ctx: EvalContext, options: readonly OfferedOption[], freight: FreightPayer): void {
  const doc = ctx.doc;
  const facts = ctx.facts;
  if (options.some((o) => o.returnsGoods)) {
    ctx.clauses.add("X1");
    if (doc.rma) addFinding(ctx, finding("rma_required", doc.rma.clause, "info", "mark the RMA number issued on approval on the parcel"));
    if (doc.returnDestination) {
      const d = doc.returnDestination;
      const chosen = facts.returnDestination;
      const alt = d.alternatives.length > 0 ? ` (or ${d.alternatives.join(", ")})` : "";
      addFinding(ctx, finding("return_destination", d.clause, "info", chosen ? `return to ${chosen}` : `return to ${d.default}${alt}`));
    }
    if (doc.prepaidReturn && freight === "merchant" && facts.prepaidLabel === undefined && facts.customerAdvancedFreight !== true) {
      addFinding(ctx, finding("freight_label", doc.prepaidReturn.clause, "info", "send the customer a prepaid return label"));
    }
  }
  if (doc.payoutNote && options.some((o) => o.option.refundCents !== undefined || o.option.kind.endsWith("refund"))) {
    const p = doc.payoutNote;
    addFinding(ctx, finding("payout_time", p.clause, "info", `funds arrive ${p.minBusinessDays}–${p.maxBusinessDays} business days after the refund`));
    if (p.conflict) addFinding(ctx, finding("policy_conflict", p.clause, "info", p.conflict));
  }
}
