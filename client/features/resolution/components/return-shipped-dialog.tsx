import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { recordReturnShippedInput, type RecordReturnShippedInput } from "@shared/schemas/resolution.ts";
import { Input } from "@/components/ui/input.tsx";
import { trpc } from "@/lib/trpc.ts";
import { mutationFeedback } from "../hooks/use-resolution-mutation.ts";
import { DialogShell } from "@/components/dialog-shell.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";

/** Carrier and tracking of the customer's return parcel; the store's carrier rule (C2) is checked on save. */
export function ReturnShippedDialog({ claim, carriers, open, onClose }: { claim: { number: string; version: number }; carriers: readonly string[] | null; open: boolean; onClose: () => void }) {
  const form = useForm<RecordReturnShippedInput>({ resolver: zodResolver(recordReturnShippedInput), defaultValues: { ...claim, carrier: "", trackingNumber: "" } });
  const save = useMutation(trpc.resolution.recordReturnShipped.mutationOptions(mutationFeedback("Return shipment recorded", form, () => { form.reset(); onClose(); })));
  const { errors } = form.formState;
  return (
    <DialogShell
      open={open} onClose={onClose} title="Record the return shipment" submit="Save shipment" pending={save.isPending}
      description={carriers ? `Returns must ship with ${carriers.join(" or ")} (C2); other carriers are refused.` : "The carrier and tracking number the customer gave."}
      onSubmit={form.handleSubmit((v) => save.mutate({ ...v, version: claim.version }))}
    >
      <Field id="return-carrier" label="Carrier" error={errors.carrier?.message}>
        <Input {...invalid("return-carrier", errors.carrier?.message)} list="return-carriers" autoComplete="off" {...form.register("carrier")} />
        <datalist id="return-carriers">{(carriers ?? ["UPS", "FedEx", "DHL", "USPS"]).map((c) => <option key={c} value={c} />)}</datalist>
      </Field>
      <Field id="return-tracking" label="Tracking number" error={errors.trackingNumber?.message}>
        <Input {...invalid("return-tracking", errors.trackingNumber?.message)} autoComplete="off" className="font-mono" {...form.register("trackingNumber")} />
      </Field>
    </DialogShell>
  );
}
