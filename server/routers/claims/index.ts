import { z } from "zod";
import { claimFacetsInput, listClaimsInput } from "../../../shared/schemas/claim-queue.ts";
import { getClaim, getClaimRef } from "../../services/claim-detail.ts";
import { evaluateStoredClaim, presentDecision } from "../../services/claim-evaluation.ts";
import { claimFacets, listClaims } from "../../services/claim-queue.ts";
import { router } from "../../trpc/init.ts";
import { agentProcedure } from "../../trpc/procedures.ts";

const claimNumberInput = z.object({ number: z.string().regex(/^CLM-\d{6,}$/i, "Claim numbers look like CLM-000123.") });

export const claimsRouter = router({
  listClaims: agentProcedure.input(listClaimsInput).query(({ ctx, input }) => listClaims(ctx.db, ctx.user, input, ctx.now())),
  listClaimFacets: agentProcedure.input(claimFacetsInput).query(({ ctx, input }) => claimFacets(ctx.db, ctx.user, input, ctx.now())),
  getClaim: agentProcedure.input(claimNumberInput).query(({ ctx, input }) => getClaim(ctx.db, ctx.user, input.number)),

  /** The policy decision for the claim as it stands now, under the policy version the claim was judged by. */
  evaluateClaim: agentProcedure.input(claimNumberInput).query(async ({ ctx, input }) => {
    const claim = await getClaimRef(ctx.db, ctx.user, input.number);
    const { decision, policy, facts, status, pausedMs, pausedAt } = await evaluateStoredClaim(ctx.db, claim.id, ctx.now());
    // Deadlines shifted by the waits on the customer exactly as the stored ones the queue shows.
    return { ...presentDecision(decision, status, pausedMs, pausedAt), facts, policyVersion: { id: policy.id, version: policy.version, storeId: policy.storeId } };
  }),
});
