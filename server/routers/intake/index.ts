import { TRPCError } from "@trpc/server";
import { agentOpenClaimInput, findOrdersInput, previewClaimInput } from "../../../shared/schemas/claim-intake.ts";
import type { DbOrTx } from "../../db/client.ts";
import { openClaim } from "../../services/claim-intake.ts";
import { findOrders, orderStoreId, previewClaim } from "../../services/claim-intake-orders.ts";
import { assertStoreAccess } from "../../services/scope.ts";
import type { SessionUser } from "../../trpc/context.ts";
import { router } from "../../trpc/init.ts";
import { agentProcedure } from "../../trpc/procedures.ts";

/** The order's store, refused (NOT_FOUND, like a missing order) outside the caller's stores. */
async function storeOfOrder(db: DbOrTx, user: SessionUser, orderId: number) {
  const storeId = await orderStoreId(db, orderId);
  if (!storeId) throw new TRPCError({ code: "NOT_FOUND", message: "No such order in your stores." });
  assertStoreAccess(user, storeId, "store");
  return storeId;
}

export const intakeRouter = router({
  /** Orders by number or customer e-mail in the caller's stores, with what is left to claim on each line. */
  findOrders: agentProcedure.input(findOrdersInput).query(({ ctx, input }) => findOrders(ctx.db, ctx.user, input.query)),

  /** The policy engine's verdict on the form as it stands: eligibility, missing evidence, deadlines. */
  preview: agentProcedure.input(previewClaimInput).query(async ({ ctx, input }) => {
    const storeId = await storeOfOrder(ctx.db, ctx.user, input.orderId);
    return previewClaim(ctx.db, storeId, input, input.evidenceKinds ?? [], ctx.now());
  }),

  /** Opens the claim (source: agent); files are uploaded to it afterwards through the evidence upload. */
  openClaim: agentProcedure.input(agentOpenClaimInput).mutation(async ({ ctx, input }) => {
    const storeId = await storeOfOrder(ctx.db, ctx.user, input.orderId);
    return openClaim(ctx.db, { ...input, storeId, source: "agent" }, ctx.user, ctx.now());
  }),
});
