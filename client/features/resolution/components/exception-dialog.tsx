import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { recordClaimExceptionInput, type RecordClaimExceptionInput } from "@shared/schemas/resolution.ts";
import { Textarea } from "@/components/ui/textarea.tsx";
import { trpc } from "@/lib/trpc.ts";
import { mutationFeedback } from "../hooks/use-resolution-mutation.ts";
import { DialogShell } from "@/components/dialog-shell.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";

/** A supervisor's exception with its reason: proposals then pass an ineligible or conflicting verdict (C5). */
export function ExceptionDialog({ claim, current, open, onClose }: { claim: { number: string; version: number }; current: string | null; open: boolean; onClose: () => void }) {
  const form = useForm<RecordClaimExceptionInput>({ resolver: zodResolver(recordClaimExceptionInput), defaultValues: { ...claim, reason: current ?? "" } });
  const save = useMutation(trpc.resolution.recordClaimException.mutationOptions(mutationFeedback("Exception recorded", form, onClose)));
  const { errors } = form.formState;
  return (
    <DialogShell
      open={open} onClose={onClose} title={current ? "Change the exception" : "Record an exception"} submit="Record exception" pending={save.isPending}
      description="Lets proposals through a verdict the policy would refuse (an ineligible claim, chipyard's C5 conflict). Every refund after it is marked as an exception."
      onSubmit={form.handleSubmit((v) => save.mutate({ ...v, version: claim.version }))}
    >
      <Field id="exception-reason" label="Reason" error={errors.reason?.message}>
        <Textarea {...invalid("exception-reason", errors.reason?.message)} rows={3} placeholder="Why the policy is set aside for this claim" {...form.register("reason")} />
      </Field>
    </DialogShell>
  );
}
