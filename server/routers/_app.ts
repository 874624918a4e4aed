import { router } from "../trpc/init.ts";
import { authRouter } from "./auth/index.ts";
import { claimsRouter } from "./claims/index.ts";
import { policyRouter } from "./policy/index.ts";
import { storesRouter } from "./stores/index.ts";

export const appRouter = router({
  auth: authRouter,
  claims: claimsRouter,
  policy: policyRouter,
  stores: storesRouter,
});

export type AppRouter = typeof appRouter;
