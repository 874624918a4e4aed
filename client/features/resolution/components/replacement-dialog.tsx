import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import { useFieldArray, useForm } from "react-hook-form";
import { shipReplacementInput, type ShipReplacementInput } from "@shared/schemas/resolution.ts";
import { Button } from "@/components/ui/button.tsx";
import { Input } from "@/components/ui/input.tsx";
import { trpc } from "@/lib/trpc.ts";
import { mutationFeedback } from "../hooks/use-resolution-mutation.ts";
import { DialogShell } from "@/components/dialog-shell.tsx";
import { Field, invalid } from "@/components/ui/field.tsx";

type Props = {
  claim: { number: string; version: number };
  kind: "replacement" | "exchange";
  parts: ShipReplacementInput["parts"];
  /** C6: the right item after a paid compensation (the customer keeps the wrong one). */
  reshipment?: boolean;
  open: boolean;
  onClose: () => void;
};

/** The parts that go out (prefilled from the claimed lines) and the parcel's tracking. */
export function ReplacementDialog({ claim, kind, parts, reshipment = false, open, onClose }: Props) {
  const form = useForm<ShipReplacementInput>({ resolver: zodResolver(shipReplacementInput), defaultValues: { ...claim, kind, parts, carrier: "", trackingNumber: "" } });
  const list = useFieldArray({ control: form.control, name: "parts" });
  const ship = useMutation(trpc.resolution.shipReplacement.mutationOptions(mutationFeedback(`${kind === "exchange" ? "Exchange" : "Replacement"} shipped`, form, onClose)));
  const { errors } = form.formState;
  return (
    <DialogShell
      open={open} onClose={onClose} title={reshipment ? "Ship the right item" : kind === "exchange" ? "Ship the exchange" : "Ship replacement parts"} submit="Record shipment" pending={ship.isPending}
      description={
        reshipment
          ? "The customer keeps the wrong item with the compensation (C6); list the right item and the parcel's tracking. The claim moves to replacement shipped."
          : "List what goes in the parcel and its tracking; the claim moves to replacement shipped."
      }
      onSubmit={form.handleSubmit((v) => ship.mutate({ ...v, version: claim.version }))}
    >
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Parts</legend>
        {list.fields.map((f, i) => {
          const e = errors.parts?.[i];
          return (
            <div key={f.id} className="grid grid-cols-[7rem_1fr_4rem_auto] items-start gap-2">
              <Input aria-label={`Part ${i + 1} SKU`} aria-invalid={!!e?.sku} className="font-mono text-xs" placeholder="SKU" {...form.register(`parts.${i}.sku`)} />
              <Input aria-label={`Part ${i + 1} name`} aria-invalid={!!e?.name} placeholder="Name" {...form.register(`parts.${i}.name`)} />
              <Input aria-label={`Part ${i + 1} quantity`} aria-invalid={!!e?.quantity} inputMode="numeric" {...form.register(`parts.${i}.quantity`, { valueAsNumber: true })} />
              <Button type="button" size="icon-sm" variant="ghost" aria-label={`Remove part ${i + 1}`} disabled={list.fields.length === 1} onClick={() => list.remove(i)}><Trash2 /></Button>
              {(e?.sku || e?.name || e?.quantity) && <p className="col-span-4 text-xs text-destructive">{e?.sku?.message ?? e?.name?.message ?? e?.quantity?.message}</p>}
            </div>
          );
        })}
        {errors.parts?.message && <p className="text-xs text-destructive">{errors.parts.message}</p>}
        <Button type="button" size="xs" variant="outline" className="justify-self-start" onClick={() => list.append({ sku: "", name: "", quantity: 1 })}><Plus /> Add part</Button>
      </fieldset>
      <div className="grid grid-cols-2 gap-3">
        <Field id="ship-carrier" label="Carrier" error={errors.carrier?.message}>
          <Input {...invalid("ship-carrier", errors.carrier?.message)} autoComplete="off" {...form.register("carrier")} />
        </Field>
        <Field id="ship-tracking" label="Tracking number" error={errors.trackingNumber?.message}>
          <Input {...invalid("ship-tracking", errors.trackingNumber?.message)} autoComplete="off" className="font-mono" {...form.register("trackingNumber")} />
        </Field>
      </div>
    </DialogShell>
  );
}
