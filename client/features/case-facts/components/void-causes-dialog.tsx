import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import type { VoidCause } from "@shared/policy/enums.ts";
import { recordVoidCausesInput, voidCauseLabels, type RecordVoidCausesInput } from "@shared/schemas/case-facts.ts";
import { Checkbox } from "@/components/ui/checkbox.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Label } from "@/components/ui/label.tsx";
import { Textarea } from "@/components/ui/textarea.tsx";
import { trpc } from "@/lib/trpc.ts";
import { factFeedback } from "../hooks/use-fact-mutation.ts";
import { FactDialog } from "./fact-dialog.tsx";

export type VoidLine = { id: number; sku: string; name: string; voidCauses: VoidCause[]; voidNote: string | null; applicableCauses: VoidCause[] };

/** L4/L5, E5: what the agent found on this line that voids its warranty or its full refund; this line only. */
export function VoidCausesDialog({ claim, line, onClose }: { claim: { number: string; version: number }; line: VoidLine | null; onClose: () => void }) {
  const form = useForm<RecordVoidCausesInput>({
    resolver: zodResolver(recordVoidCausesInput),
    values: { ...claim, claimLineId: line?.id ?? 0, causes: line?.voidCauses ?? [], note: line?.voidNote ?? "" },
  });
  const save = useMutation(trpc.caseFacts.recordVoidCauses.mutationOptions(factFeedback("Void causes saved: the line is judged again", form, onClose)));
  const { errors } = form.formState;
  const causes = [...new Set([...(line?.applicableCauses ?? []), ...(line?.voidCauses ?? [])])];
  return (
    <FactDialog
      open={line !== null} onClose={onClose} title={`Void causes: ${line?.name ?? ""}`} submit="Save causes" pending={save.isPending}
      description="Only this line is judged by them; the other lines keep their own entitlement. Clear every box to take the causes back."
      onSubmit={form.handleSubmit((v) => save.mutate({ ...v, version: claim.version }))}
    >
      <Controller control={form.control} name="causes" render={({ field }) => (
        <fieldset className="grid gap-2" aria-describedby={errors.causes ? "void-causes-error" : undefined}>
          <legend className="mb-2 text-sm font-medium">Found on this line</legend>
          {causes.map((c) => (
            <div key={c} className="flex items-center gap-2">
              <Checkbox
                id={`void-${c}`} checked={field.value.includes(c)}
                onCheckedChange={(on) => field.onChange(on === true ? [...field.value, c] : field.value.filter((x) => x !== c))}
              />
              <Label htmlFor={`void-${c}`} className="font-normal">{voidCauseLabels[c]}</Label>
            </div>
          ))}
          {errors.causes && <p id="void-causes-error" className="text-xs text-destructive">{errors.causes.message ?? "Pick causes from the list."}</p>}
        </fieldset>
      )} />
      <Field id="void-note" label="What you saw" error={errors.note?.message}>
        <Textarea {...invalid("void-note", errors.note?.message)} rows={2} placeholder="e.g. driver set to 2.5 A on a 1.5 A motor" {...form.register("note")} />
      </Field>
    </FactDialog>
  );
}
