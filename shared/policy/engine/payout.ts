import type { PayoutGate } from "../enums.ts";
import type { EvalContext } from "./context.ts";

/**
 * X8: what must have happened before a refund for goods that travel back is paid out: their receipt,
 * and their inspection where the store inspects returns (K7, C10). Approval may come before.
 */
export function payoutGateOf(ctx: EvalContext): { after: PayoutGate; met: boolean; clause?: string } {
  const received = ctx.at.returnReceivedAt !== undefined;
  const inspection = ctx.doc.returnInspection;
  if (!inspection) return { after: "return_received", met: received };
  return { after: "inspected", met: received && ctx.at.inspectedAt !== undefined, clause: inspection.clause };
}
