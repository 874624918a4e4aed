import type { QueryKey } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import { invalidateClaim } from "./invalidate-claim.ts";
import { queryClient, trpc } from "./trpc.ts";

// Every query that shows a claim, keyed as the pages key them (tRPC's queryKey(), never by hand). After a
// claim write each must be stale, or a page keeps showing what the claim no longer is (issue 14: Cancel
// still offered after a refund was proposed, because the action bar's query was not refreshed).
const number = "CLM-000123";
const claimViews: Record<string, QueryKey> = {
  "claim page": trpc.claims.getClaim.queryKey({ number }),
  "policy panel": trpc.claims.evaluateClaim.queryKey({ number }),
  queue: trpc.claims.listClaims.queryKey({ filters: { due: "overdue" } }),
  "queue facets": trpc.claims.listClaimFacets.queryKey({ filters: {} }),
  "action bar": trpc.workflow.listClaimActions.queryKey({ number }),
  "assignee picker": trpc.workflow.listClaimAssignees.queryKey({ number }),
  resolution: trpc.resolution.getResolutionState.queryKey({ number }),
  evidence: trpc.evidence.listEvidence.queryKey({ number }),
  messages: trpc.messages.listClaimMessages.queryKey({ number }),
  "approvals queue": trpc.approvals.listApprovals.queryKey({}),
};
const unrelated: Record<string, QueryKey> = { "signed-in person": trpc.auth.me.queryKey(), stores: trpc.stores.listStores.queryKey() };

afterEach(() => queryClient.clear());

describe("invalidateClaim", () => {
  it("marks every view of a claim stale, and nothing else", async () => {
    for (const key of [...Object.values(claimViews), ...Object.values(unrelated)]) queryClient.setQueryData(key, { cached: true });
    await invalidateClaim();
    for (const [view, key] of Object.entries(claimViews)) expect(queryClient.getQueryState(key)?.isInvalidated, view).toBe(true);
    for (const [view, key] of Object.entries(unrelated)) expect(queryClient.getQueryState(key)?.isInvalidated, view).toBe(false);
  });
});
