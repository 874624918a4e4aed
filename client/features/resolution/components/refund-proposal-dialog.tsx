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
import { dollarsToCents } from "@/lib/money-input.ts";
import { Field, invalid } from "@/components/ui/field.tsx";

export type ProposalMode = { option?: string; goodwill: boolean };

type Props = {
  claim: {
    number: string; version: number; currency: string; paidCents: number;
    /** The claimed lines: an amount the agent sets over several lines is entered per line (X9). */
    lines?: readonly { id: number; sku: string; name: string; quantity: number; unitPriceCents: number }[];
  };
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
  // X9: an option covers only its own lines; where the agent sets the amount over several, it is set per line.
  const covered = (claim.lines ?? []).filter((l) => mode.goodwill || !offered?.lines || offered.lines.includes(l.sku));
  const perLine = agentSets && covered.length > 1;
  const [lineDollars, setLineDollars] = useState<Record<number, string>>({});
  const lineCents = covered.map((l) => ({ claimLineId: l.id, amountCents: dollarsToCents(lineDollars[l.id]) }));
  const lineTotal = lineCents.reduce((s, l) => s + (Number.isFinite(l.amountCents) ? (l.amountCents ?? 0) : 0), 0);

  const submit = form.handleSubmit((v) => {
    if (!perLine) return propose.mutate({ ...v, version: claim.version, amountCents: agentSets ? v.amountCents : undefined, lineAmounts: undefined });
    if (lineCents.some((l) => Number.isNaN(l.amountCents))) return form.setError("lineAmounts", { message: "Enter amounts in dollars, like 12.50." });
    const lineAmounts = lineCents.filter((l): l is { claimLineId: number; amountCents: number } => l.amountCents !== undefined);
    propose.mutate({ ...v, version: claim.version, amountCents: undefined, lineAmounts });
  });

  return (
    <form noValidate onSubmit={submit} className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{mode.goodwill ? "Propose a goodwill refund" : "Propose a refund"}</DialogTitle>
        <DialogDescription>
          {mode.goodwill
            ? "A refund the policy does not offer: it is marked as an exception and needs another supervisor's approval."
            : "A supervisor approves or rejects it. Each line gets its own amount (X9); no line is refunded more than its claimed units paid, on this claim or the order (X2)."}
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
      {perLine ? (
        <fieldset className="grid gap-2" aria-describedby={errors.lineAmounts?.message ? "proposal-lines-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">Amount per line <span className="font-normal text-muted-foreground">(each at most what its claimed units paid; leave a line the policy prices empty)</span></legend>
          {covered.map((l) => {
            const paid = l.unitPriceCents * l.quantity;
            return (
              <div key={l.id} className="grid grid-cols-[1fr_8rem] items-center gap-3">
                <label htmlFor={`proposal-line-${l.id}`} className="text-sm">
                  {l.name} <span className="text-xs text-muted-foreground tabular-nums">{l.sku} · at most {formatCents(paid, claim.currency)}</span>
                </label>
                <Input
                  id={`proposal-line-${l.id}`} inputMode="decimal" placeholder="0.00" autoComplete="off" value={lineDollars[l.id] ?? ""}
                  aria-invalid={!!errors.lineAmounts?.message} onChange={(e) => setLineDollars((d) => ({ ...d, [l.id]: e.target.value }))}
                />
              </div>
            );
          })}
          <p className="text-right text-sm tabular-nums">Total {formatCents(lineTotal, claim.currency)}</p>
          {errors.lineAmounts?.message && <p id="proposal-lines-error" role="alert" className="text-xs text-destructive">{errors.lineAmounts.message}</p>}
        </fieldset>
      ) : agentSets ? (
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
