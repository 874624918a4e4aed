import { queryClient, trpc } from "@/lib/trpc.ts";

/** After any workflow change: the claim, the queue and the available actions all reload. */
export function invalidateClaimViews() {
  return Promise.all([queryClient.invalidateQueries(trpc.claims.pathFilter()), queryClient.invalidateQueries(trpc.workflow.pathFilter())]);
}
