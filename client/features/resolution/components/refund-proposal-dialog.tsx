import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import type { DecisionOption } from "@shared/policy/index.ts";
import { moneyOptionKinds, proposeRefundInput, type ProposeRefundInput } from "@shared/schemas/resolution.ts";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";
import { Textarea } from "@/components/ui/textarea.tsx";
import { formatCents, humanize } from "@/lib/format.ts";
import { trpc } from "@/lib/trpc.ts";
import { mutationFeedback } from "../hooks/use-resolution-mutation.ts";
import { dollarsToCents } from "../lib/money-input.ts";
import { Field, invalid } from "@/components/ui/field.tsx";

export type ProposalMode = { option?: string; goodwill: boolean };

type Props = {
  claim: { number: string; version: number; currency: string; paidCents: number };
  options: DecisionOption[];
  couponKinds: readonly string[];
  mode: ProposalMode | null;
  onClose: () => void;
};

/** A refund proposal for a supervisor (X3): option, payout method, the amount where the agent sets it, a note. */
export function RefundProposalDialog(props: Props) {
  return (
    <Dialog open={!!props.mode} onOpenChange={(open) => !open && props.onClose()}>
      <DialogContent className="sm:max-w-lg">{props.mode && <ProposalForm {...props} mode={props.mode} />}</DialogContent>
    </Dialog>
  );
}

function ProposalForm({ claim, options, couponKinds, mode, onClose }: Props & { mode: ProposalMode }) {
  const money = options.filter((o) => (moneyOptionKinds as readonly string[]).includes(o.kind));
  // One key per opened form: a retried or double-clicked submit returns the same proposal.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const form = useForm<ProposeRefundInput>({
    resolver: zodResolver(proposeRefundInput),
    defaultValues: {
      number: claim.number, version: claim.version, idempotencyKey, goodwill: mode.goodwill, method: "original_payment",
      option: (mode.option ?? money[0]?.kind ?? (mode.goodwill ? "partial_refund" : undefined)) as ProposeRefundInput["option"],
    },
  });
  const propose = useMutation(trpc.resolution.proposeRefund.mutationOptions(mutationFeedback("Refund proposed: it waits for a supervisor", form, onClose)));
  const kind = useWatch({ control: form.control, name: "option" });
  const offered = money.find((o) => o.kind === kind);
  const agentSets = mode.goodwill || (offered !== undefined && offered.refundCents === undefined);
  const kinds = mode.goodwill ? moneyOptionKinds : money.map((o) => o.kind);
  const { errors } = form.formState;

  return (
    <form noValidate onSubmit={form.handleSubmit((v) => propose.mutate({ ...v, version: claim.version, amountCents: agentSets ? v.amountCents : undefined }))} className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{mode.goodwill ? "Propose a goodwill refund" : "Propose a refund"}</DialogTitle>
        <DialogDescription>
          {mode.goodwill
            ? "A refund the policy does not offer: it is marked as an exception and needs another supervisor's approval."
            : "A supervisor approves or rejects it. The amount is split over the claimed lines and never exceeds what they paid (X2)."}
        </DialogDescription>
      </DialogHeader>
      <Field id="proposal-option" label="Option" error={errors.option?.message}>
        <Controller control={form.control} name="option" render={({ field }) => (
          <Select value={field.value ?? ""} onValueChange={field.onChange}>
            <SelectTrigger {...invalid("proposal-option", errors.option?.message)} className="w-full"><SelectValue placeholder="Pick an option" /></SelectTrigger>
            <SelectContent>
              {kinds.map((k) => {
                const o = money.find((m) => m.kind === k);
                return (
                  <SelectItem key={k} value={k}>
                    {humanize(k)}
                    {o?.refundCents !== undefined && <span className="ml-auto pl-3 text-xs tabular-nums text-muted-foreground">{formatCents(o.refundCents, claim.currency)}</span>}
                  </SelectItem>
                );
              })}
            </SelectContent>
          </Select>
        )} />
      </Field>
      {agentSets ? (
        <Field id="proposal-amount" label="Amount" hint={` (at most ${formatCents(claim.paidCents, claim.currency)})`} error={errors.amountCents?.message}>
          <Input {...invalid("proposal-amount", errors.amountCents?.message)} inputMode="decimal" placeholder="0.00" autoComplete="off" {...form.register("amountCents", { setValueAs: dollarsToCents })} />
        </Field>
      ) : (
        <p className="text-sm">
          Amount set by the policy{offered?.clause ? ` (${offered.clause})` : ""}:{" "}
          <span className="font-semibold tabular-nums">{offered?.refundCents !== undefined ? formatCents(offered.refundCents, claim.currency) : "—"}</span>
        </p>
      )}
      {couponKinds.includes(kind ?? "") && (
        <Field id="proposal-method" label="Pay as" error={errors.method?.message}>
          <Controller control={form.control} name="method" render={({ field }) => (
            <Select value={field.value ?? "original_payment"} onValueChange={field.onChange}>
              <SelectTrigger {...invalid("proposal-method", errors.method?.message)} className="w-full"><SelectValue /></SelectTrigger>
              <SelectContent>
                <SelectItem value="original_payment">Refund to the original payment</SelectItem>
                <SelectItem value="store_coupon">Store coupon (code issued on payout)</SelectItem>
              </SelectContent>
            </Select>
          )} />
        </Field>
      )}
      {mode.goodwill && (
        <Field id="proposal-reason" label="Why goodwill" error={errors.reason?.message}>
          <Textarea {...invalid("proposal-reason", errors.reason?.message)} rows={2} {...form.register("reason")} />
        </Field>
      )}
      <Field id="proposal-note" label="Note for the supervisor" hint={agentSets && !mode.goodwill ? " (say how you set the amount)" : " (optional)"} error={errors.note?.message}>
        <Textarea {...invalid("proposal-note", errors.note?.message)} rows={2} {...form.register("note")} />
      </Field>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onClose}>Cancel</Button>
        <Button type="submit" disabled={propose.isPending}>
          {propose.isPending && <Loader2 className="animate-spin" aria-hidden />}
          Propose refund
        </Button>
      </DialogFooter>
    </form>
  );
}
