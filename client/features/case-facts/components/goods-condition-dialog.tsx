import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import { goodsConditionLabels, recordGoodsConditionInput, type RecordGoodsConditionInput } from "@shared/schemas/case-facts.ts";
import { Checkbox } from "@/components/ui/checkbox.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Label } from "@/components/ui/label.tsx";
import { Textarea } from "@/components/ui/textarea.tsx";
import { trpc } from "@/lib/trpc.ts";
import { factFeedback } from "../hooks/use-fact-mutation.ts";
import { FactDialog } from "./fact-dialog.tsx";

type Condition = { used: boolean; tested: boolean; programmed: boolean; packagingIntact: boolean };
const keys = Object.keys(goodsConditionLabels) as (keyof Condition)[];

/** C4: the goods' state before the RMA; a breach holds the RMA until a supervisor's exception. */
export function GoodsConditionDialog(props: { claim: { number: string; version: number }; open: boolean; onClose: () => void; current: Condition | undefined; clause: string }) {
  const { claim, open, onClose, current, clause } = props;
  const form = useForm<RecordGoodsConditionInput>({
    resolver: zodResolver(recordGoodsConditionInput),
    defaultValues: { ...claim, ...(current ?? { used: false, tested: false, programmed: false, packagingIntact: true }), note: "" },
  });
  const save = useMutation(trpc.caseFacts.recordGoodsCondition.mutationOptions(factFeedback("Goods' condition recorded", form, onClose)));
  const { errors } = form.formState;
  return (
    <FactDialog
      open={open} onClose={onClose} title="Goods' condition" submit="Save condition" pending={save.isPending}
      description={`${clause}: every return must be unused, untested, unprogrammed, with its packaging and accessories intact before an RMA is issued.`}
      onSubmit={form.handleSubmit((v) => save.mutate({ ...v, version: claim.version }))}
    >
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">As the customer's photos and statement show it</legend>
        {keys.map((k) => (
          <Controller key={k} control={form.control} name={k} render={({ field }) => (
            <div className="flex items-center gap-2">
              <Checkbox id={`condition-${k}`} checked={field.value === true} onCheckedChange={(on) => field.onChange(on === true)} />
              <Label htmlFor={`condition-${k}`} className="font-normal">{goodsConditionLabels[k]}</Label>
            </div>
          )} />
        ))}
      </fieldset>
      <Field id="condition-note" label="What you saw" error={errors.note?.message}>
        <Textarea {...invalid("condition-note", errors.note?.message)} rows={2} placeholder="e.g. anti-static bag opened, pins bent" {...form.register("note")} />
      </Field>
    </FactDialog>
  );
}
