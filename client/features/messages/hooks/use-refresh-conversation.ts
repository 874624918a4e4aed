import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { trpc } from "@/lib/trpc.ts";

/** After a message is queued: the conversation, and the claim (its version and timeline moved). */
export function useRefreshConversation() {
  const queryClient = useQueryClient();
  return useCallback(
    () => Promise.all([queryClient.invalidateQueries(trpc.messages.pathFilter()), queryClient.invalidateQueries(trpc.claims.pathFilter()), queryClient.invalidateQueries(trpc.evidence.pathFilter())]),
    [queryClient],
  );
}
