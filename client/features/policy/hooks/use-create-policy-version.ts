import { useMutation } from "@tanstack/react-query";
import { toast } from "@/lib/toast.ts";
import { errorCode, fieldErrors, queryClient, trpc, type RouterOutputs } from "@/lib/trpc.ts";

type Saved = RouterOutputs["policy"]["createPolicyVersion"];

/**
 * Saves version N+1, refreshes every policy query (pages, history, parameters) and says so. Field errors go
 * to `onFieldErrors` so they show beside their inputs; a stale version offers to reload the editor.
 */
export function useCreatePolicyVersion(opts: { storeName: string; onSaved: (saved: Saved) => void; onFieldErrors: (errors: Record<string, string[]>) => void }) {
  return useMutation(
    trpc.policy.createPolicyVersion.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries(trpc.policy.pathFilter());
        toast.success(`Saved version ${saved.version} of the ${opts.storeName} policy`, {
          description: `${saved.diff.length} change${saved.diff.length === 1 ? "" : "s"}. New claims are judged by it; existing claims keep their version.`,
        });
        opts.onSaved(saved);
      },
      onError: (error) => {
        const fields = fieldErrors(error);
        if (Object.keys(fields).length) opts.onFieldErrors(fields);
        if (errorCode(error) === "CONFLICT") {
          toast.error(error.message, { action: { label: "Reload", onClick: () => void queryClient.invalidateQueries(trpc.policy.pathFilter()) } });
        } else {
          toast.error(error.message);
        }
      },
    }),
  );
}
