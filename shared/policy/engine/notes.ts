import { addFinding, finding, type EvalContext } from "./context.ts";
import type { OfferedOption } from "./options.ts";

/** Informational findings that help the agent act on a return or a refund. */
export function addNotes(ctx: EvalContext, options: readonly OfferedOption[]): void {
  const doc = ctx.doc;
  if (options.some((o) => o.returnsGoods)) {
    ctx.clauses.add("X1");
    if (doc.rma) addFinding(ctx, finding("rma_required", doc.rma.clause, "info", "mark the RMA number issued on approval on the parcel"));
    if (doc.returnDestination) {
      const d = doc.returnDestination;
      const alt = d.alternatives.length > 0 ? ` (or ${d.alternatives.join(", ")})` : "";
      addFinding(ctx, finding("return_destination", d.clause, "info", `return to ${d.default}${alt}`));
    }
  }
  if (doc.payoutNote && options.some((o) => o.option.refundCents !== undefined || o.option.kind.endsWith("refund"))) {
    const p = doc.payoutNote;
    addFinding(ctx, finding("payout_time", p.clause, "info", `funds arrive ${p.minBusinessDays}–${p.maxBusinessDays} business days after the refund`));
  }
}
