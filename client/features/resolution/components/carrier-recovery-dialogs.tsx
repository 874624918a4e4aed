import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import {
  carrierRecoveryStatuses, fileCarrierRecoveryInput, updateCarrierRecoveryInput, type FileCarrierRecoveryInput, type UpdateCarrierRecoveryInput,
} from "@shared/schemas/resolution.ts";
import { Input } from "@/components/ui/input.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";
import { humanize } from "@/lib/format.ts";
import { trpc } from "@/lib/trpc.ts";
import { mutationFeedback } from "../hooks/use-resolution-mutation.ts";
import { centsToDollars, dollarsToCents } from "@/lib/money-input.ts";
import { DialogShell } from "@/components/dialog-shell.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";

type Ref = { number: string; version: number };

export function FileRecoveryDialog({ claim, carrier, open, onClose }: { claim: Ref; carrier: string; open: boolean; onClose: () => void }) {
  const form = useForm<FileCarrierRecoveryInput>({ resolver: zodResolver(fileCarrierRecoveryInput), defaultValues: { ...claim, carrier } });
  const save = useMutation(trpc.resolution.fileCarrierRecovery.mutationOptions(mutationFeedback("Carrier claim filed", form, onClose)));
  const { errors } = form.formState;
  return (
    <DialogShell
      open={open} onClose={onClose} title="File a carrier claim" submit="File claim" pending={save.isPending}
      description="What the store claims back from the carrier for the damaged or lost parcel."
      onSubmit={form.handleSubmit((v) => save.mutate({ ...v, version: claim.version }))}
    >
      <div className="grid grid-cols-2 gap-3">
        <Field id="recovery-carrier" label="Carrier" error={errors.carrier?.message}>
          <Input {...invalid("recovery-carrier", errors.carrier?.message)} {...form.register("carrier")} />
        </Field>
        <Field id="recovery-reference" label="Carrier's reference" hint=" (optional)" error={errors.reference?.message}>
          <Input {...invalid("recovery-reference", errors.reference?.message)} className="font-mono" {...form.register("reference")} />
        </Field>
      </div>
      <Field id="recovery-claimed" label="Amount claimed" error={errors.amountClaimedCents?.message}>
        <Input {...invalid("recovery-claimed", errors.amountClaimedCents?.message)} inputMode="decimal" placeholder="0.00" {...form.register("amountClaimedCents", { setValueAs: dollarsToCents })} />
      </Field>
    </DialogShell>
  );
}

type Recovery = { id: number; status: string; amountRecoveredCents: number; reference: string | null };

export function UpdateRecoveryDialog({ claim, recovery, onClose }: { claim: Ref; recovery: Recovery | null; onClose: () => void }) {
  const form = useForm<UpdateCarrierRecoveryInput>({ resolver: zodResolver(updateCarrierRecoveryInput), values: recovery ? { ...claim, recoveryId: recovery.id, status: recovery.status as never, reference: recovery.reference ?? undefined } : undefined });
  const save = useMutation(trpc.resolution.updateCarrierRecovery.mutationOptions(mutationFeedback("Carrier claim updated", form, onClose)));
  const { errors } = form.formState;
  return (
    <DialogShell
      open={!!recovery} onClose={onClose} title="Update the carrier claim" submit="Save" pending={save.isPending}
      description="Follow the carrier's answer: what they paid never exceeds what was claimed."
      onSubmit={form.handleSubmit((v) => save.mutate({ ...v, version: claim.version }))}
    >
      <div className="grid grid-cols-2 gap-3">
        <Field id="recovery-status" label="Status" error={errors.status?.message}>
          <Controller control={form.control} name="status" render={({ field }) => (
            <Select value={field.value} onValueChange={field.onChange}>
              <SelectTrigger {...invalid("recovery-status", errors.status?.message)} className="w-full"><SelectValue /></SelectTrigger>
              <SelectContent>{carrierRecoveryStatuses.map((s) => <SelectItem key={s} value={s}>{humanize(s)}</SelectItem>)}</SelectContent>
            </Select>
          )} />
        </Field>
        <Field id="recovery-recovered" label="Amount recovered" error={errors.amountRecoveredCents?.message}>
          <Input
            {...invalid("recovery-recovered", errors.amountRecoveredCents?.message)} inputMode="decimal" placeholder="0.00" defaultValue={centsToDollars(recovery?.amountRecoveredCents)}
            {...form.register("amountRecoveredCents", { setValueAs: dollarsToCents })}
          />
        </Field>
      </div>
      <Field id="recovery-ref2" label="Carrier's reference" hint=" (optional)" error={errors.reference?.message}>
        <Input {...invalid("recovery-ref2", errors.reference?.message)} className="font-mono" {...form.register("reference")} />
      </Field>
    </DialogShell>
  );
}
