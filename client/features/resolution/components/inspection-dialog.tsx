import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import { toast } from "@/lib/toast.ts";
import { inspectionResults } from "@shared/policy/index.ts";
import { recordInspectionInput, type RecordInspectionInput } from "@shared/schemas/resolution.ts";
import { Checkbox } from "@/components/ui/checkbox.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Label } from "@/components/ui/label.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";
import { Textarea } from "@/components/ui/textarea.tsx";
import { humanize } from "@/lib/format.ts";
import { trpc } from "@/lib/trpc.ts";
import { mutationFeedback } from "../hooks/use-resolution-mutation.ts";
import { DialogShell } from "@/components/dialog-shell.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";

const checks = [
  ["used", "Used"],
  ["tested", "Tested"],
  ["programmed", "Programmed"],
  ["packagingIntact", "Original packaging and accessories intact"],
] as const;

/** Condition of the returned goods (C4) and the inspection result with the agent's deduction (K4, clamped to the cap). */
export function InspectionDialog(props: { claim: { number: string; version: number }; caps: string | null; open: boolean; onClose: () => void }) {
  const { claim, caps, open, onClose } = props;
  const form = useForm<RecordInspectionInput>({
    resolver: zodResolver(recordInspectionInput),
    defaultValues: { ...claim, used: false, tested: false, programmed: false, packagingIntact: true },
  });
  const feedback = mutationFeedback("Inspection recorded", form, onClose);
  const save = useMutation(
    trpc.resolution.recordInspection.mutationOptions({
      ...feedback,
      onSuccess: async (result) => {
        await feedback.onSuccess();
        // K4: the engine clamps a deduction above the cap; say so where the agent typed it.
        if (result.deductionCap) toast.warning("Deduction clamped to the cap", { description: `${result.deductionCap.message ?? ""} (${result.deductionCap.clause})` });
      },
    }),
  );
  const { errors } = form.formState;
  return (
    <DialogShell
      open={open} onClose={onClose} title="Record the inspection" submit="Save inspection" pending={save.isPending}
      description={caps ? `Deduction caps: ${caps}. A higher deduction is clamped to the cap and flagged.` : "What the returned goods look like; the policy decides what it means for the refund."}
      onSubmit={form.handleSubmit((v) => save.mutate({ ...v, version: claim.version }))}
    >
      <fieldset className="grid grid-cols-2 gap-2">
        <legend className="mb-2 text-sm font-medium">Condition</legend>
        {checks.map(([name, label]) => (
          <Controller key={name} control={form.control} name={name} render={({ field }) => (
            <div className="flex items-center gap-2">
              <Checkbox id={`inspect-${name}`} checked={field.value} onCheckedChange={(v) => field.onChange(v === true)} />
              <Label htmlFor={`inspect-${name}`} className="font-normal">{label}</Label>
            </div>
          )} />
        ))}
      </fieldset>
      <div className="grid grid-cols-2 gap-3">
        <Field id="inspect-result" label="Result" error={errors.inspection?.message}>
          <Controller control={form.control} name="inspection" render={({ field }) => (
            <Select value={field.value ?? ""} onValueChange={field.onChange}>
              <SelectTrigger {...invalid("inspect-result", errors.inspection?.message)} className="w-full"><SelectValue placeholder="Pick a result" /></SelectTrigger>
              <SelectContent>{inspectionResults.map((r) => <SelectItem key={r} value={r}>{humanize(r)}</SelectItem>)}</SelectContent>
            </Select>
          )} />
        </Field>
        <Field id="inspect-deduction" label="Deduction %" hint=" (optional)" error={errors.deductionPct?.message}>
          <Input
            {...invalid("inspect-deduction", errors.deductionPct?.message)} inputMode="decimal" placeholder="0"
            {...form.register("deductionPct", { setValueAs: (v) => (v === "" || v == null ? undefined : Number(v)) })}
          />
        </Field>
      </div>
      <Field id="inspect-note" label="Note" hint=" (optional)" error={errors.note?.message}>
        <Textarea {...invalid("inspect-note", errors.note?.message)} rows={2} {...form.register("note")} />
      </Field>
    </DialogShell>
  );
}
