import { useMutation } from "@tanstack/react-query";
import { toast } from "@/lib/toast.ts";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";
import { trpc } from "@/lib/trpc.ts";

/** Saves one line's grading; every view of the claim reloads with the new version. */
export function useGradeLine(opts: { onFieldErrors?: (error: unknown) => void } = {}) {
  return useMutation(
    trpc.resolution.gradeClaimLine.mutationOptions({
      onSuccess: async (result) => {
        await invalidateClaim();
        toast.success(result.changed ? "Grading saved" : "Nothing changed");
      },
      onError: (error) => {
        opts.onFieldErrors?.(error);
        toast.error("Grading not saved", { description: error.message });
      },
    }),
  );
}
