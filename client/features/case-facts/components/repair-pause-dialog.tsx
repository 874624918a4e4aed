import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { RepairPause } from "@shared/policy/index.ts";
import { recordRepairPauseInput, type RecordRepairPauseInput } from "@shared/schemas/case-facts.ts";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";
import { trpc } from "@/lib/trpc.ts";
import { factFeedback } from "../hooks/use-fact-mutation.ts";
import { FactDialog } from "./fact-dialog.tsx";

const day = (iso: string | undefined) => iso?.slice(0, 10) ?? "";

/** L9: a repair pause (or the one at `index`, corrected: typically its tracking numbers arriving). */
export function RepairPauseDialog(props: { claim: { number: string; version: number }; open: boolean; onClose: () => void; edit?: { index: number; pause: RepairPause }; needsTracking: boolean }) {
  const { claim, open, onClose, edit, needsTracking } = props;
  const p = edit?.pause;
  const form = useForm<RecordRepairPauseInput>({
    resolver: zodResolver(recordRepairPauseInput),
    defaultValues: { ...claim, index: edit?.index, leftOn: day(p?.leftAt), backOn: day(p?.backAt), leftTracking: p?.leftTracking ?? "", backTracking: p?.backTracking ?? "" },
  });
  const save = useMutation(trpc.caseFacts.recordRepairPause.mutationOptions(factFeedback("Repair pause saved: the warranty end is recomputed", form, onClose)));
  const { errors } = form.formState;
  const field = (name: "leftOn" | "backOn" | "leftTracking" | "backTracking") => ({ ...invalid(`pause-${name}`, errors[name]?.message), ...form.register(name) });
  return (
    <FactDialog
      open={open} onClose={onClose} title={edit ? "Correct the repair pause" : "Record a repair pause"} submit="Save pause" pending={save.isPending}
      description={
        needsTracking
          ? "The warranty is extended by the time the product was away for repair, but only when both legs' tracking numbers are on record (L9)."
          : "The warranty is extended by the time the product was away for repair."
      }
      onSubmit={form.handleSubmit((v) => save.mutate({ ...v, version: claim.version }))}
    >
      <div className="grid grid-cols-2 gap-3">
        <Field id="pause-leftOn" label="Left the customer" error={errors.leftOn?.message}><Input type="date" {...field("leftOn")} /></Field>
        <Field id="pause-leftTracking" label="Tracking, to repair" hint={needsTracking ? undefined : " (optional)"} error={errors.leftTracking?.message}>
          <Input autoComplete="off" placeholder="e.g. 1Z999AA1…" {...field("leftTracking")} />
        </Field>
        <Field id="pause-backOn" label="Back with the customer" error={errors.backOn?.message}><Input type="date" {...field("backOn")} /></Field>
        <Field id="pause-backTracking" label="Tracking, back" hint={needsTracking ? undefined : " (optional)"} error={errors.backTracking?.message}>
          <Input autoComplete="off" placeholder="e.g. 1Z999AA1…" {...field("backTracking")} />
        </Field>
      </div>
      <Field id="pause-note" label="Note" hint=" (optional)" error={errors.note?.message}>
        <Input {...invalid("pause-note", errors.note?.message)} {...form.register("note")} />
      </Field>
    </FactDialog>
  );
}
