import { toast } from "@/lib/toast.ts";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";
import { fieldErrors } from "@/lib/trpc.ts";

/** Success toast plus every view of the claim refreshed (invalidateClaim), and an error handler that puts field errors beside the fields and toasts the rest. */
export function mutationFeedback<T extends FieldValues>(success: string, form?: UseFormReturn<T>, after?: () => void) {
  return {
    onSuccess: async () => {
      await invalidateClaim();
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
