import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { fieldErrors, queryClient, trpc } from "@/lib/trpc.ts";
import { toast } from "@/lib/toast.ts";

/** After a case fact changes: the claim (version, timeline, decision), these panels, the resolution options and message drafts. */
export function refreshAfterFact() {
  return Promise.all([
    queryClient.invalidateQueries(trpc.claims.pathFilter()),
    queryClient.invalidateQueries(trpc.caseFacts.pathFilter()),
    queryClient.invalidateQueries(trpc.resolution.pathFilter()),
    queryClient.invalidateQueries(trpc.messages.pathFilter()),
  ]);
}

/** Toast and refresh on success; field errors beside their fields (the same zod schema on both sides), the rest as a toast. */
export function factFeedback<T extends FieldValues>(success: string, form: UseFormReturn<T>, after: () => void) {
  return {
    onSuccess: async () => {
      await refreshAfterFact();
      toast.success(success);
      after();
    },
    onError: (error: { message: string }) => {
      const fields = Object.entries(fieldErrors(error));
      for (const [field, messages] of fields) form.setError(field as Path<T>, { message: messages[0] });
      toast.error(fields.length ? "Check the highlighted fields" : "Not saved", { description: fields.length ? fields.map(([, m]) => m[0]).join(" ") : error.message });
    },
  };
}
