import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { toast } from "@/lib/toast.ts";
import { fieldErrors } from "@/lib/trpc.ts";

/** A refused save: the server's field errors beside their fields, or the message as a toast when none names a field. */
export function showServerErrors<T extends FieldValues>(error: { message: string }, setError: UseFormSetError<T>): void {
  const fields = Object.entries(fieldErrors(error));
  for (const [field, messages] of fields) setError(field as Path<T>, { message: messages[0] });
  if (fields.length === 0) toast.error(error.message);
}
