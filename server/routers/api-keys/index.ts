import { apiKeyIdInput, createApiKeyInput } from "../../../shared/schemas/store-api.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "../../services/api-keys.ts";
import { router } from "../../trpc/init.ts";
import { adminProcedure } from "../../trpc/procedures.ts";

export const apiKeysRouter = router({
  listApiKeys: adminProcedure.query(({ ctx }) => listApiKeys(ctx.db)),
  /** The full key is in this answer only; the database keeps its SHA-256. */
  // adminProcedure asks for the second factor on every mutation.
  createApiKey: adminProcedure.input(createApiKeyInput).mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.user, input, ctx.now())),
  revokeApiKey: adminProcedure.input(apiKeyIdInput).mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.user, input.id, ctx.now())),
});
