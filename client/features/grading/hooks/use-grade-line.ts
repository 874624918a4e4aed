import { useMutation } from "@tanstack/react-query";
import { toast } from "@/lib/toast.ts";
import { queryClient, trpc } from "@/lib/trpc.ts";

/** Saves one line's grading; the claim, its decision and the approvals queue reload with the new version. */
export function useGradeLine(opts: { onFieldErrors?: (error: unknown) => void } = {}) {
  return useMutation(
    trpc.resolution.gradeClaimLine.mutationOptions({
      onSuccess: async (result) => {
        await Promise.all([
          queryClient.invalidateQueries(trpc.claims.pathFilter()),
          queryClient.invalidateQueries(trpc.resolution.pathFilter()),
          queryClient.invalidateQueries(trpc.approvals.pathFilter()),
        ]);
        toast.success(result.changed ? "Grading saved" : "Nothing changed");
      },
      onError: (error) => {
        opts.onFieldErrors?.(error);
        toast.error("Grading not saved", { description: error.message });
      },
    }),
  );
}
