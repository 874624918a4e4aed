import { z } from "zod";
import { claimFactsSchema, instantSchema } from "../policy/index.ts";

export const storeIdInput = z.object({ storeId: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, "Unknown store.") });

export const evaluatePolicyInput = storeIdInput.extend({
  facts: claimFactsSchema,
  /** Defaults to the server's clock. */
  now: instantSchema.optional(),
});
