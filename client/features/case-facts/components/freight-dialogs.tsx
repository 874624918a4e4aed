import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { recordAdvancedFreightInput, recordPrepaidLabelInput, type RecordAdvancedFreightInput, type RecordPrepaidLabelInput } from "@shared/schemas/case-facts.ts";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Input } from "@/components/ui/input.tsx";
import { dollarsToCents } from "@/lib/money-input.ts";
import { trpc } from "@/lib/trpc.ts";
import { factFeedback } from "../hooks/use-fact-mutation.ts";
import { FactDialog } from "./fact-dialog.tsx";

type DialogProps = { claim: { number: string; version: number }; open: boolean; onClose: () => void };

/** E4: freight the store owed that the customer paid; its reimbursement is approved and paid separately. */
export function AdvancedFreightDialog({ claim, open, onClose, current }: DialogProps & { current: { amountCents?: number | undefined; invoiceReference?: string | undefined } }) {
  const form = useForm<RecordAdvancedFreightInput>({ resolver: zodResolver(recordAdvancedFreightInput), defaultValues: { ...claim, invoiceReference: current.invoiceReference ?? "" } });
  const save = useMutation(trpc.caseFacts.recordAdvancedFreight.mutationOptions(factFeedback("Advanced freight recorded", form, onClose)));
  const { errors } = form.formState;
  return (
    <FactDialog
      open={open} onClose={onClose} title="Freight the customer advanced" submit="Save" pending={save.isPending}
      description="E4: the amount on the customer's freight invoice. It is reimbursed within 7 working days of the return's receipt, as a payout of its own (not part of the refund)."
      onSubmit={form.handleSubmit((v) => save.mutate({ ...v, version: claim.version }))}
    >
      <div className="grid grid-cols-2 gap-3">
        <Field id="freight-amount" label="Amount" error={errors.amountCents?.message}>
          <Input
            {...invalid("freight-amount", errors.amountCents?.message)} inputMode="decimal" placeholder="0.00"
            defaultValue={current.amountCents ? (current.amountCents / 100).toFixed(2) : ""} {...form.register("amountCents", { setValueAs: dollarsToCents })}
          />
        </Field>
        <Field id="freight-invoice" label="Invoice reference" error={errors.invoiceReference?.message}>
          <Input {...invalid("freight-invoice", errors.invoiceReference?.message)} autoComplete="off" {...form.register("invoiceReference")} />
        </Field>
      </div>
      <Field id="freight-note" label="Note" hint=" (optional)" error={errors.note?.message}>
        <Input {...invalid("freight-note", errors.note?.message)} {...form.register("note")} />
      </Field>
    </FactDialog>
  );
}

/** E4: the prepaid label the store sent for merchant-paid freight, or its tracking number. */
export function PrepaidLabelDialog({ claim, open, onClose, current }: DialogProps & { current: string | undefined }) {
  const form = useForm<RecordPrepaidLabelInput>({ resolver: zodResolver(recordPrepaidLabelInput), defaultValues: { ...claim, label: current ?? "" } });
  const save = useMutation(trpc.caseFacts.recordPrepaidLabel.mutationOptions(factFeedback("Prepaid label recorded", form, onClose)));
  const { errors } = form.formState;
  return (
    <FactDialog
      open={open} onClose={onClose} title="Prepaid return label" submit="Save label" pending={save.isPending}
      description="E4: the store pays this return's freight. Record the label you sent the customer, or its tracking number."
      onSubmit={form.handleSubmit((v) => save.mutate({ ...v, version: claim.version }))}
    >
      <Field id="freight-label" label="Label or tracking number" error={errors.label?.message}>
        <Input {...invalid("freight-label", errors.label?.message)} autoComplete="off" {...form.register("label")} />
      </Field>
    </FactDialog>
  );
}
