import { z } from "zod";
import { claimFacetsInput, listClaimsInput } from "../../../shared/schemas/claim-queue.ts";
import { getClaim } from "../../services/claim-detail.ts";
import { claimFacets, listClaims } from "../../services/claim-queue.ts";
import { router } from "../../trpc/init.ts";
import { agentProcedure } from "../../trpc/procedures.ts";

export const claimsRouter = router({
  listClaims: agentProcedure.input(listClaimsInput).query(({ ctx, input }) => listClaims(ctx.db, ctx.user, input, ctx.now())),
  listClaimFacets: agentProcedure.input(claimFacetsInput).query(({ ctx, input }) => claimFacets(ctx.db, ctx.user, input, ctx.now())),
  getClaim: agentProcedure
    .input(z.object({ number: z.string().regex(/^CLM-\d{6,}$/i, "Claim numbers look like CLM-000123.") }))
    .query(({ ctx, input }) => getClaim(ctx.db, ctx.user, input.number)),
});
