import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";
import { fieldErrors } from "@/lib/trpc.ts";
import { toast } from "@/lib/toast.ts";

/** Toast and refresh on success; field errors beside their fields (the same zod schema on both sides), the rest as a toast. */
export function factFeedback<T extends FieldValues>(success: string, form: UseFormReturn<T>, after: () => void) {
  return {
    onSuccess: async () => {
      // The claim's one refresh: the decision, timeline, these panels, options and message drafts all move.
      await invalidateClaim();
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
