import { queryClient, trpc } from "./trpc.ts";

/**
 * The one refresh after any write to a claim (conventions, "one invalidation per entity"). A claim is shown
 * in many places — the claim page (claim, policy panel, timeline), its action bar and assignee choices, the
 * resolution, evidence, messages and case-facts sections, the queue with its facets, the approvals queue — and each
 * hook that refreshed its own subset left the others stale: after a refund was proposed the action bar
 * still offered Cancel (412) and hid Close until a reload. Filters come from tRPC's pathFilter(), never
 * hand-written keys; only active queries refetch, the rest are marked stale.
 */
export function invalidateClaim(): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries(trpc.claims.pathFilter()),
    queryClient.invalidateQueries(trpc.workflow.pathFilter()),
    queryClient.invalidateQueries(trpc.resolution.pathFilter()),
    queryClient.invalidateQueries(trpc.evidence.pathFilter()),
    queryClient.invalidateQueries(trpc.messages.pathFilter()),
    queryClient.invalidateQueries(trpc.approvals.pathFilter()),
    queryClient.invalidateQueries(trpc.caseFacts.pathFilter()),
  ]);
}
