import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/lib/toast.ts";
import { statusLabels } from "@shared/workflow/statuses.ts";
import { errorCode, trpc } from "@/lib/trpc.ts";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";

/**
 * The claim page's workflow mutations. Each carries the version the page shows; a CONFLICT never
 * overwrites: it opens the conflict dialog with the server's account of what changed.
 */
export function useClaimWorkflow(opts: { showsErrorsInline?: () => boolean } = {}) {
  const [conflict, setConflict] = useState<string | null>(null);
  const onError = (error: { message: string }) => {
    if (errorCode(error) === "CONFLICT") setConflict(error.message);
    else if (!opts.showsErrorsInline?.()) toast.error(error.message);
  };

  const transition = useMutation(
    trpc.workflow.transitionClaim.mutationOptions({
      onSuccess: async (r) => {
        await invalidateClaim();
        toast.success(`${r.number} is now ${statusLabels[r.status].toLowerCase()}`);
      },
      onError,
    }),
  );
  const assign = useMutation(
    trpc.workflow.assignClaim.mutationOptions({
      onSuccess: async (r) => {
        await invalidateClaim();
        if (r.changed) toast.success(r.assigneeName ? `${r.number} assigned to ${r.assigneeName}` : `${r.number} is unassigned`);
      },
      onError,
    }),
  );
  const priority = useMutation(
    trpc.workflow.setClaimPriority.mutationOptions({
      onSuccess: async (r) => {
        await invalidateClaim();
        if (r.changed) toast.success(`${r.number}: priority set to ${r.priority}`);
      },
      onError,
    }),
  );
  const pending = transition.isPending || assign.isPending || priority.isPending;
  return { transition, assign, priority, pending, conflict, clearConflict: () => setConflict(null) };
}
