import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useId } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "@/lib/toast.ts";
import type { EvidenceKind } from "@shared/policy/enums.ts";
import { addEvidenceItemForm, evidenceKindLabels, textEvidenceKinds, type AddEvidenceItemForm } from "@shared/schemas/evidence.ts";
import { Button } from "@/components/ui/button.tsx";
import { Textarea } from "@/components/ui/textarea.tsx";
import { fieldErrors, trpc } from "@/lib/trpc.ts";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";
import { Field, invalid } from "@/components/ui/field.tsx";
import { KindSelect } from "./kind-select.tsx";

const placeholders: Partial<Record<EvidenceKind, string>> = {
  invoice_number: "INV-2026-00412",
  serial_number: "SN-482913",
  tracking_number: "1Z999AA10123456784",
  fault_statement: "The customer's description of the fault, in their words",
};

/** Evidence that is a number or a statement (invoice, serial, tracking number, fault statement): no file needed. */
export function EvidenceTextForm({ number, version, defaultKind, needed }: { number: string; version: number; defaultKind: EvidenceKind; needed: ReadonlySet<string> }) {
  const ids = { kind: useId(), note: useId() };
  const form = useForm<AddEvidenceItemForm>({ resolver: zodResolver(addEvidenceItemForm), defaultValues: { kind: defaultKind, note: "" } });
  const add = useMutation(
    trpc.evidence.addEvidenceItem.mutationOptions({
      onSuccess: async (_res, input) => {
        toast.success(`${evidenceKindLabels[input.kind]} added to ${number}.`);
        form.reset({ kind: input.kind, note: "" });
        await invalidateClaim();
      },
      onError: async (error) => {
        const fields = fieldErrors(error);
        for (const [field, messages] of Object.entries(fields)) if (field === "kind" || field === "note") form.setError(field, { message: messages[0] });
        if (Object.keys(fields).length === 0) toast.error(error.message);
        if (error.data?.code === "CONFLICT") await invalidateClaim();
      },
    }),
  );
  const { errors } = form.formState;
  const kind = form.watch("kind");

  return (
    <form className="grid gap-3" noValidate aria-label="Add evidence without a file" onSubmit={form.handleSubmit((v) => add.mutate({ ...v, number, version }))}>
      <div className="grid gap-3 sm:grid-cols-[220px_1fr]">
        <Field id={ids.kind} label="Kind" error={errors.kind?.message}>
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => <KindSelect id={ids.kind} kinds={textEvidenceKinds} value={field.value} onChange={field.onChange} needed={needed} error={errors.kind?.message} />}
          />
        </Field>
        <Field id={ids.note} label={kind === "fault_statement" ? "Statement" : "Number"} error={errors.note?.message}>
          <Textarea rows={kind === "fault_statement" ? 3 : 1} className="min-h-9" placeholder={placeholders[kind]} {...invalid(ids.note, errors.note?.message)} {...form.register("note")} />
        </Field>
      </div>
      <div>
        <Button type="submit" size="sm" disabled={add.isPending}>
          {add.isPending && <Loader2 className="animate-spin" aria-hidden />}
          Add evidence
        </Button>
      </div>
    </form>
  );
}
