import { toast } from "@/lib/toast.ts";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { fieldErrors, queryClient, trpc } from "@/lib/trpc.ts";

/** After any resolution change: the claim (new version, status, timeline), its decision and the approvals queue. */
export async function refreshClaim() {
  await Promise.all([
    queryClient.invalidateQueries(trpc.claims.pathFilter()),
    queryClient.invalidateQueries(trpc.resolution.pathFilter()),
    queryClient.invalidateQueries(trpc.approvals.pathFilter()),
  ]);
}

/** Success toast plus refresh, and an error handler that puts field errors beside the fields and toasts the rest. */
export function mutationFeedback<T extends FieldValues>(success: string, form?: UseFormReturn<T>, after?: () => void) {
  return {
    onSuccess: async () => {
      await refreshClaim();
      toast.success(success);
      after?.();
    },
    onError: (error: { message: string }) => {
      const fields = Object.entries(fieldErrors(error));
      for (const [field, messages] of fields) form?.setError(field as Path<T>, { message: messages[0] });
      toast.error(fields.length ? "Check the highlighted fields" : "Not saved", { description: fields.length ? fields.map(([, m]) => m[0]).join(" ") : error.message });
    },
  };
}
