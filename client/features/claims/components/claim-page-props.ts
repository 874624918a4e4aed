import type { RouterOutputs } from "@/lib/trpc.ts";

/** What every claim-page section receives: the claim as loaded and the engine's decision for it. */
export type ClaimPageProps = {
  claim: RouterOutputs["claims"]["getClaim"];
  evaluation: RouterOutputs["claims"]["evaluateClaim"] | undefined;
};
