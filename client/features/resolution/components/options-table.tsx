import { useMutation } from "@tanstack/react-query";
import { Star } from "lucide-react";
import { useState } from "react";
import type { Decision, DecisionOption } from "@shared/policy/index.ts";
import { goodsOptionKinds, moneyOptionKinds } from "@shared/schemas/resolution.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { formatCents, humanize } from "@/lib/format.ts";
import { trpc } from "@/lib/trpc.ts";
import { mutationFeedback } from "../hooks/use-resolution-mutation.ts";

const isMoney = (k: string) => (moneyOptionKinds as readonly string[]).includes(k);
const isGoods = (k: string) => (goodsOptionKinds as readonly string[]).includes(k);

/** Why an option shows no amount: the fact it waits for, or that the agent sets it (A1, A6). */
function pendingAmount(option: DecisionOption, decision: Decision): string {
  const waiting = decision.findings.find(
    (f) => (f.code === "missing_fact" && f.severity === "info" && f.clause === option.clause) || (f.code === "grade_pending" && option.kind === "partial_refund"),
  );
  if (waiting) return `waits: ${waiting.message ?? waiting.code.replace(/_/g, " ")}`;
  return "you set it";
}

type Props = {
  claim: { number: string; version: number; currency: string };
  decision: Decision;
  canProposeGoods: boolean;
  canProposeRefund: boolean;
  onProposeRefund: (kind: string) => void;
};

/** The options the engine offers now, with their computed amounts and the action that takes each. */
export function OptionsTable({ claim, decision, canProposeGoods, canProposeRefund, onProposeRefund }: Props) {
  const propose = useMutation(trpc.resolution.proposeResolution.mutationOptions(mutationFeedback("Resolution proposed")));
  // E4: one key per page view, so a double click proposes the reimbursement once.
  const [freightKey] = useState(() => crypto.randomUUID());
  const reimburse = useMutation(trpc.resolution.proposeFreightReimbursement.mutationOptions(mutationFeedback("Freight reimbursement proposed: it waits for a supervisor")));
  const freight = decision.freightReimbursement;
  if (decision.options.length === 0 && !freight) {
    return <p className="px-4 text-sm text-muted-foreground">The policy offers no resolution for this claim{decision.eligibility === "ineligible" ? " (ineligible)" : ""}.</p>;
  }
  return (
    <table className="w-full text-sm" aria-label="Resolution options">
      <thead className="sr-only">
        <tr><th>Option</th><th>Amount</th><th>Clause</th><th>Action</th></tr>
      </thead>
      <tbody className="divide-y">
        {decision.options.map((o) => (
          <tr key={o.kind}>
            <td className="py-2 pl-4">
              <span className="font-medium">{humanize(o.kind)}</span>
              {o.preferred && <Badge variant="info" className="ml-2"><Star aria-hidden /> Preferred</Badge>}
              {o.freight && o.freight !== "none" && <span className="ml-2 text-xs text-muted-foreground">return freight: {o.freight}</span>}
              {o.payable === false && (
                <span className="ml-2 text-xs text-muted-foreground">paid once the return is {o.payableAfter === "inspected" ? "received and inspected" : "received"} (X8)</span>
              )}
            </td>
            <td className="py-2 text-right tabular-nums">
              {o.refundCents !== undefined ? (
                <span className="font-semibold">{formatCents(o.refundCents, claim.currency)}</span>
              ) : isMoney(o.kind) ? (
                <span className="text-xs text-muted-foreground">{pendingAmount(o, decision)}</span>
              ) : (
                <span className="text-muted-foreground">—</span>
              )}
            </td>
            <td className="w-12 py-2 text-center">{o.clause && <Badge variant="outline" className="font-mono">{o.clause}</Badge>}</td>
            <td className="w-40 py-2 pr-4 text-right">
              {isGoods(o.kind) && canProposeGoods && (
                <Button size="xs" variant="outline" disabled={propose.isPending} onClick={() => propose.mutate({ number: claim.number, version: claim.version, option: o.kind as never })}>
                  Propose {o.kind}
                </Button>
              )}
              {isMoney(o.kind) && canProposeRefund && (
                <Button size="xs" variant={o.preferred ? "default" : "outline"} onClick={() => onProposeRefund(o.kind)}>
                  Propose refund
                </Button>
              )}
            </td>
          </tr>
        ))}
        {freight && (
          <tr>
            <td className="py-2 pl-4">
              <span className="font-medium">Freight reimbursement</span>
              <span className="ml-2 text-xs text-muted-foreground">the freight the customer advanced, to their PayPal, outside the refund caps</span>
            </td>
            <td className="py-2 text-right font-semibold tabular-nums">{formatCents(freight.cents, claim.currency)}</td>
            <td className="w-12 py-2 text-center"><Badge variant="outline" className="font-mono">{freight.clause}</Badge></td>
            <td className="w-40 py-2 pr-4 text-right">
              <Button size="xs" variant="outline" disabled={reimburse.isPending} onClick={() => reimburse.mutate({ number: claim.number, version: claim.version, idempotencyKey: freightKey })}>
                Propose reimbursement
              </Button>
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
