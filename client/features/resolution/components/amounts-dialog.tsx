import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { recordResolutionAmountsInput, type RecordResolutionAmountsInput } from "@shared/schemas/resolution.ts";
import { Input } from "@/components/ui/input.tsx";
import { trpc } from "@/lib/trpc.ts";
import { mutationFeedback } from "../hooks/use-resolution-mutation.ts";
import { centsToDollars, dollarsToCents } from "@/lib/money-input.ts";
import { DialogShell } from "@/components/dialog-shell.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";

export type AmountField = "receivedItemValueCents" | "purchaseCostCents" | "exportPostageCents";
const labels: Record<AmountField, { label: string; hint: string }> = {
  receivedItemValueCents: { label: "Value of the item received", hint: " (C6: compensation is 50 % of the difference)" },
  purchaseCostCents: { label: "Purchase cost", hint: " (C5: deducted from the refund)" },
  exportPostageCents: { label: "Export postage", hint: " (C5: deducted from the refund)" },
};

/** Amounts the agent looks up that set a refund (C5 costs, C6 received value). */
export function AmountsDialog(props: { claim: { number: string; version: number }; fields: AmountField[]; values: Partial<Record<AmountField, number>>; open: boolean; onClose: () => void }) {
  const { claim, fields, values, open, onClose } = props;
  const form = useForm<RecordResolutionAmountsInput>({ resolver: zodResolver(recordResolutionAmountsInput), defaultValues: { ...claim } });
  const save = useMutation(trpc.resolution.recordResolutionAmounts.mutationOptions(mutationFeedback("Amounts saved: the policy's refund is recomputed", form, onClose)));
  const { errors } = form.formState;
  return (
    <DialogShell
      open={open} onClose={onClose} title="Amounts for the refund" submit="Save amounts" pending={save.isPending}
      description="The policy computes the refund from these; enter them in dollars."
      onSubmit={form.handleSubmit((v) => save.mutate({ ...v, version: claim.version }))}
    >
      {fields.map((f) => (
        <Field key={f} id={`amount-${f}`} label={labels[f].label} hint={labels[f].hint} error={errors[f]?.message}>
          <Input {...invalid(`amount-${f}`, errors[f]?.message)} inputMode="decimal" placeholder="0.00" defaultValue={centsToDollars(values[f])} {...form.register(f, { setValueAs: dollarsToCents })} />
        </Field>
      ))}
    </DialogShell>
  );
}
