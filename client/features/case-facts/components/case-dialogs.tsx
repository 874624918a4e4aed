import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { ClaimReason, PackagingSeverity } from "@shared/policy/enums.ts";
import {
  changeClaimReasonInput,
  claimReasonLabels,
  destinationLabel,
  markComplexCaseInput,
  packagingSeverityLabels,
  setPackagingSeverityInput,
  setReturnDestinationInput,
  type ChangeClaimReasonInput,
  type MarkComplexCaseInput,
  type SetPackagingSeverityInput,
  type SetReturnDestinationInput,
} from "@shared/schemas/case-facts.ts";
import { Field, invalid } from "@/components/ui/field.tsx";
import { Textarea } from "@/components/ui/textarea.tsx";
import { trpc } from "@/lib/trpc.ts";
import { factFeedback } from "../hooks/use-fact-mutation.ts";
import { FactDialog } from "./fact-dialog.tsx";
import { FactSelect } from "./fact-select.tsx";

type Ref = { number: string; version: number };
type DialogProps = { claim: Ref; open: boolean; onClose: () => void };

/** K5 and the like: judge the claim under another reason; the old and new reason and why go on the timeline. */
export function ChangeReasonDialog({ claim, open, onClose, current, reasons }: DialogProps & { current: ClaimReason; reasons: readonly ClaimReason[] }) {
  const form = useForm<ChangeClaimReasonInput>({ resolver: zodResolver(changeClaimReasonInput), defaultValues: { ...claim, note: "" } });
  const save = useMutation(trpc.caseFacts.changeClaimReason.mutationOptions(factFeedback("Reason changed: the policy is re-applied", form, onClose)));
  const { errors } = form.formState;
  return (
    <FactDialog
      open={open} onClose={onClose} title="Change the claim's reason" submit="Change reason" pending={save.isPending}
      description={`Now: ${claimReasonLabels[current]}. The policy judges the claim again under the new reason (e.g. a late defect inside the warranty year, K5).`}
      onSubmit={form.handleSubmit((v) => save.mutate({ ...v, version: claim.version }))}
    >
      <FactSelect
        control={form.control} name="reason" id="fact-reason" label="New reason" placeholder="Pick a reason" error={errors.reason?.message}
        choices={reasons.filter((r) => r !== current).map((r) => ({ value: r, label: claimReasonLabels[r] }))}
      />
      <Field id="fact-reason-note" label="Why" error={errors.note?.message}>
        <Textarea {...invalid("fact-reason-note", errors.note?.message)} rows={2} placeholder="What makes the other reason the right one" {...form.register("note")} />
      </Field>
    </FactDialog>
  );
}

/** C8: a complex case gets the longer review time; marking and unmarking both say why. */
export function ComplexDialog({ claim, open, onClose, complex, clause }: DialogProps & { complex: boolean; clause: string }) {
  const form = useForm<MarkComplexCaseInput>({ resolver: zodResolver(markComplexCaseInput), defaultValues: { ...claim, complex: !complex, reason: "" } });
  const save = useMutation(trpc.caseFacts.markComplexCase.mutationOptions(factFeedback(complex ? "No longer a complex case" : "Marked as a complex case", form, onClose)));
  const { errors } = form.formState;
  return (
    <FactDialog
      open={open} onClose={onClose} title={complex ? "Unmark the complex case" : "Mark as a complex case"} submit={complex ? "Unmark" : "Mark complex"} pending={save.isPending}
      description={`${clause}: the review is due in 5 working days for a complex case instead of 2.`}
      onSubmit={form.handleSubmit((v) => save.mutate({ ...v, complex: !complex, version: claim.version }))}
    >
      <Field id="fact-complex-reason" label="Why" error={errors.reason?.message}>
        <Textarea {...invalid("fact-complex-reason", errors.reason?.message)} rows={2} placeholder={complex ? "Why the usual review time suffices" : "What makes this case complex"} {...form.register("reason")} />
      </Field>
    </FactDialog>
  );
}

/** A1: minor packaging damage is not covered; severe is (keep with a partial refund, or return). */
export function PackagingDialog({ claim, open, onClose, current }: DialogProps & { current: PackagingSeverity | undefined }) {
  const form = useForm<SetPackagingSeverityInput>({ resolver: zodResolver(setPackagingSeverityInput), defaultValues: { ...claim, severity: current } });
  const save = useMutation(trpc.caseFacts.setPackagingSeverity.mutationOptions(factFeedback("Packaging damage recorded", form, onClose)));
  const { errors } = form.formState;
  return (
    <FactDialog
      open={open} onClose={onClose} title="Packaging damage" submit="Save" pending={save.isPending}
      description="A1: severe outer-packaging damage is covered; creases or a slight deformation are not."
      onSubmit={form.handleSubmit((v) => save.mutate({ ...v, version: claim.version }))}
    >
      <FactSelect
        control={form.control} name="severity" id="fact-severity" label="Severity" placeholder="Pick the severity" error={errors.severity?.message}
        choices={(Object.keys(packagingSeverityLabels) as PackagingSeverity[]).map((s) => ({ value: s, label: packagingSeverityLabels[s] }))}
      />
      <Field id="fact-severity-note" label="What the photos show" hint=" (optional)" error={errors.note?.message}>
        <Textarea {...invalid("fact-severity-note", errors.note?.message)} rows={2} {...form.register("note")} />
      </Field>
    </FactDialog>
  );
}

/** K6: where the customer sends the goods; the return-address message names it. */
export function DestinationDialog({ claim, open, onClose, current, destinations }: DialogProps & { current: string; destinations: readonly string[] }) {
  const form = useForm<SetReturnDestinationInput>({ resolver: zodResolver(setReturnDestinationInput), defaultValues: { ...claim, destination: current } });
  const save = useMutation(trpc.caseFacts.setReturnDestination.mutationOptions(factFeedback("Return destination set: the return-address message names it", form, onClose)));
  const { errors } = form.formState;
  return (
    <FactDialog
      open={open} onClose={onClose} title="Route the return" submit="Save destination" pending={save.isPending}
      description="Where the customer sends the goods back. The return-address message to the customer gives this destination's address."
      onSubmit={form.handleSubmit((v) => save.mutate({ ...v, version: claim.version }))}
    >
      <FactSelect
        control={form.control} name="destination" id="fact-destination" label="Destination" placeholder="Pick a destination" error={errors.destination?.message}
        choices={destinations.map((d) => ({ value: d, label: destinationLabel(d) }))}
      />
      <Field id="fact-destination-note" label="Why" hint=" (optional)" error={errors.note?.message}>
        <Textarea {...invalid("fact-destination-note", errors.note?.message)} rows={2} {...form.register("note")} />
      </Field>
    </FactDialog>
  );
}
