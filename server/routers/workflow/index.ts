import {
  assignClaimInput,
  bulkAssignClaimsInput,
  bulkTransitionClaimsInput,
  claimNumberOnly,
  setClaimPriorityInput,
  transitionClaimInput,
} from "../../../shared/schemas/workflow.ts";
import { takeNextClaim } from "../../services/triage.ts";
import { listClaimActions, listClaimAssignees } from "../../services/workflow-actions.ts";
import { assignClaim, setClaimPriority } from "../../services/workflow-assign.ts";
import { bulkAssignClaims, bulkTransitionClaims } from "../../services/workflow-bulk.ts";
import { transitionClaimAction } from "../../services/workflow-transition.ts";
import { router } from "../../trpc/init.ts";
import { agentProcedure } from "../../trpc/procedures.ts";

/**
 * Status changes, assignment and priority. Role rules live in the state machine and the services (agents
 * take and hand back their own claims; supervisors and admins assign anyone and reopen), so every
 * procedure here is open to all three roles and refuses per action.
 */
export const workflowRouter = router({
  /** Plain status changes; money, return and evidence actions are refused with the procedure to use. */
  transitionClaim: agentProcedure.input(transitionClaimInput).mutation(({ ctx, input }) => transitionClaimAction(ctx.db, ctx.user, input, ctx.now())),

  /** The most urgent unassigned open claim of the caller's stores becomes theirs; null when none is left. */
  takeNextClaim: agentProcedure.mutation(({ ctx }) => takeNextClaim(ctx.db, ctx.user, ctx.now())),

  assignClaim: agentProcedure.input(assignClaimInput).mutation(({ ctx, input }) => assignClaim(ctx.db, ctx.user, input, ctx.now())),

  setClaimPriority: agentProcedure.input(setClaimPriorityInput).mutation(({ ctx, input }) => setClaimPriority(ctx.db, ctx.user, input, ctx.now())),

  /** One transaction per claim; per-claim outcomes so the UI can say "18 assigned, 2 changed meanwhile". */
  bulkAssignClaims: agentProcedure
    .input(bulkAssignClaimsInput)
    .mutation(({ ctx, input }) => bulkAssignClaims(ctx.db, ctx.user, input, ctx.now(), ctx.log)),

  bulkTransitionClaims: agentProcedure
    .input(bulkTransitionClaimsInput)
    .mutation(({ ctx, input }) => bulkTransitionClaims(ctx.db, ctx.user, input, ctx.now(), ctx.log)),

  listClaimActions: agentProcedure.input(claimNumberOnly).query(({ ctx, input }) => listClaimActions(ctx.db, ctx.user, input.number)),

  listClaimAssignees: agentProcedure.input(claimNumberOnly).query(({ ctx, input }) => listClaimAssignees(ctx.db, ctx.user, input.number)),

  /** The queue's rows do not carry versions; the bulk bar reads them here when the rows load. */
});
