import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { toast } from "@/lib/toast.ts";
import { paths } from "@/lib/paths.ts";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";
import { trpc } from "@/lib/trpc.ts";

/** "Take next": the most urgent unassigned claim of the person's stores becomes theirs, and opens. */
export function useTakeNext() {
  const navigate = useNavigate();
  const mutation = useMutation(
    trpc.workflow.takeNextClaim.mutationOptions({
      onSuccess: async (taken) => {
        if (!taken) {
          toast.info("Nothing left to take", { description: "Every open claim in your stores has someone on it." });
          return;
        }
        await invalidateClaim();
        toast.success(`${taken.number} is yours`, { description: "The most urgent unassigned claim in your stores." });
        navigate(paths.claim(taken.number));
      },
      onError: (error) => toast.error("Could not take the next claim", { description: error.message }),
    }),
  );
  return { takeNext: () => !mutation.isPending && mutation.mutate(), isPending: mutation.isPending };
}
