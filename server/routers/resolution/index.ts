import {
  claimNumberInput,
  fileCarrierRecoveryInput,
  gradeClaimLineInput,
  proposeRefundInput,
  proposeFreightReimbursementInput,
  proposeResolutionInput,
  receiveReturnInput,
  recordClaimExceptionInput,
  recordInspectionInput,
  recordResolutionAmountsInput,
  recordReturnShippedInput,
  requestReturnInput,
  shipReplacementInput,
  updateCarrierRecoveryInput,
} from "../../../shared/schemas/resolution.ts";
import { proposeFreightReimbursement } from "../../services/freight-reimbursement.ts";
import { gradeClaimLine } from "../../services/grading.ts";
import { recordClaimException, recordResolutionAmounts } from "../../services/resolution-exceptions.ts";
import { proposeResolution, shipReplacement } from "../../services/resolution-goods.ts";
import { fileCarrierRecovery, updateCarrierRecovery } from "../../services/resolution-recovery.ts";
import { proposeRefund } from "../../services/resolution-refund-proposal.ts";
import { receiveReturn, recordInspection, recordReturnShipped, requestReturn } from "../../services/resolution-returns.ts";
import { getResolutionState } from "../../services/resolution-state.ts";
import { router } from "../../trpc/init.ts";
import { agentProcedure, supervisorProcedure } from "../../trpc/procedures.ts";

/** Grading, resolutions, returns, refund proposals, exceptions and carrier recovery of one claim. */
export const resolutionRouter = router({
  getResolutionState: agentProcedure.input(claimNumberInput).query(({ ctx, input }) => getResolutionState(ctx.db, ctx.user, input.number)),

  /** G, A3–A6: one line's issue type, part, grade (Depends needs a reason) and failure cause. */
  gradeClaimLine: agentProcedure.input(gradeClaimLineInput).mutation(({ ctx, input }) => gradeClaimLine(ctx.db, ctx.user, input, ctx.now())),

  /** Replacement, repair or exchange as the policy offers it. */
  proposeResolution: agentProcedure.input(proposeResolutionInput).mutation(({ ctx, input }) => proposeResolution(ctx.db, ctx.user, input, ctx.now())),
  shipReplacement: agentProcedure.input(shipReplacementInput).mutation(({ ctx, input }) => shipReplacement(ctx.db, ctx.user, input, ctx.now())),

  /** A refund proposal for a supervisor (X3), capped per order line (X2); goodwill is for supervisors. */
  proposeRefund: agentProcedure.input(proposeRefundInput).mutation(({ ctx, input }) => proposeRefund(ctx.db, ctx.user, input, ctx.now())),
  /** E4: the customer's advanced freight, its own payout to PayPal, approved like a refund (X3), outside X2. */
  proposeFreightReimbursement: agentProcedure
    .input(proposeFreightReimbursementInput)
    .mutation(({ ctx, input }) => proposeFreightReimbursement(ctx.db, ctx.user, input, ctx.now())),
  recordResolutionAmounts: agentProcedure.input(recordResolutionAmountsInput).mutation(({ ctx, input }) => recordResolutionAmounts(ctx.db, ctx.user, input, ctx.now())),

  /** Returns: authorisation with RMA (X1, C1), shipment with the carrier rule (C2), receipt, inspection (C4, K4). */
  requestReturn: agentProcedure.input(requestReturnInput).mutation(({ ctx, input }) => requestReturn(ctx.db, ctx.user, input, ctx.now())),
  recordReturnShipped: agentProcedure.input(recordReturnShippedInput).mutation(({ ctx, input }) => recordReturnShipped(ctx.db, ctx.user, input, ctx.now())),
  receiveReturn: agentProcedure.input(receiveReturnInput).mutation(({ ctx, input }) => receiveReturn(ctx.db, ctx.user, input, ctx.now())),
  recordInspection: agentProcedure.input(recordInspectionInput).mutation(({ ctx, input }) => recordInspection(ctx.db, ctx.user, input, ctx.now())),

  /** A supervisor's exception with a reason (goodwill, late return, C5). */
  recordClaimException: supervisorProcedure.input(recordClaimExceptionInput).mutation(({ ctx, input }) => recordClaimException(ctx.db, ctx.user, input, ctx.now())),

  fileCarrierRecovery: agentProcedure.input(fileCarrierRecoveryInput).mutation(({ ctx, input }) => fileCarrierRecovery(ctx.db, ctx.user, input, ctx.now())),
  updateCarrierRecovery: agentProcedure.input(updateCarrierRecoveryInput).mutation(({ ctx, input }) => updateCarrierRecovery(ctx.db, ctx.user, input, ctx.now())),
});
