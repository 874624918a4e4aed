import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { trpc } from "@/lib/trpc.ts";

/** After evidence changes: the claim (version, timeline), its policy decision, evidence, messages and actions. */
export function useRefreshClaim() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.claims.pathFilter()),
        queryClient.invalidateQueries(trpc.evidence.pathFilter()),
        queryClient.invalidateQueries(trpc.workflow.pathFilter()),
      ]),
    [queryClient],
  );
}
