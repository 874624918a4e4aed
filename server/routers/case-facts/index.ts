import {
  changeClaimReasonInput,
  markComplexCaseInput,
  recordAdvancedFreightInput,
  recordGoodsConditionInput,
  recordPrepaidLabelInput,
  recordRepairPauseInput,
  recordVoidCausesInput,
  removeRepairPauseInput,
  setPackagingSeverityInput,
  setReturnDestinationInput,
} from "../../../shared/schemas/case-facts.ts";
import { claimNumberInput } from "../../../shared/schemas/resolution.ts";
import {
  changeClaimReason,
  getCaseFacts,
  markComplexCase,
  recordAdvancedFreight,
  recordGoodsCondition,
  recordPrepaidLabel,
  recordRepairPause,
  recordVoidCauses,
  removeRepairPause,
  setPackagingSeverity,
  setReturnDestination,
} from "../../services/case-facts.ts";
import { router } from "../../trpc/init.ts";
import { agentProcedure } from "../../trpc/procedures.ts";

/** Facts of the case the engine reads that a person records (issue 14): each is one audited claim change. */
export const caseFactsRouter = router({
  getCaseFacts: agentProcedure.input(claimNumberInput).query(({ ctx, input }) => getCaseFacts(ctx.db, ctx.user, input.number)),
  /** L4/L5, E5: void causes on one line, with a note. */
  recordVoidCauses: agentProcedure.input(recordVoidCausesInput).mutation(({ ctx, input }) => recordVoidCauses(ctx.db, ctx.user, input, ctx.now())),
  /** L9: a repair pause with both legs' tracking numbers (new, or corrected by index). */
  recordRepairPause: agentProcedure.input(recordRepairPauseInput).mutation(({ ctx, input }) => recordRepairPause(ctx.db, ctx.user, input, ctx.now())),
  removeRepairPause: agentProcedure.input(removeRepairPauseInput).mutation(({ ctx, input }) => removeRepairPause(ctx.db, ctx.user, input, ctx.now())),
  /** A1: minor or severe packaging damage. */
  setPackagingSeverity: agentProcedure.input(setPackagingSeverityInput).mutation(({ ctx, input }) => setPackagingSeverity(ctx.db, ctx.user, input, ctx.now())),
  /** C4: the goods' condition before the RMA. */
  recordGoodsCondition: agentProcedure.input(recordGoodsConditionInput).mutation(({ ctx, input }) => recordGoodsCondition(ctx.db, ctx.user, input, ctx.now())),
  /** C8: a complex case (review in 5 working days instead of 2). */
  markComplexCase: agentProcedure.input(markComplexCaseInput).mutation(({ ctx, input }) => markComplexCase(ctx.db, ctx.user, input, ctx.now())),
  /** E4: freight the customer advanced (amount and invoice); the prepaid label the store sent. */
  recordAdvancedFreight: agentProcedure.input(recordAdvancedFreightInput).mutation(({ ctx, input }) => recordAdvancedFreight(ctx.db, ctx.user, input, ctx.now())),
  recordPrepaidLabel: agentProcedure.input(recordPrepaidLabelInput).mutation(({ ctx, input }) => recordPrepaidLabel(ctx.db, ctx.user, input, ctx.now())),
  /** K5: the claim judged under another reason, re-evaluated and recorded with the old and new reason. */
  changeClaimReason: agentProcedure.input(changeClaimReasonInput).mutation(({ ctx, input }) => changeClaimReason(ctx.db, ctx.user, input, ctx.now())),
  /** K6: where the return goes. */
  setReturnDestination: agentProcedure.input(setReturnDestinationInput).mutation(({ ctx, input }) => setReturnDestination(ctx.db, ctx.user, input, ctx.now())),
});
