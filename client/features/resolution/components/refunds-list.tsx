import { useMutation } from "@tanstack/react-query";
import { Link } from "react-router";
import type { DecisionOption } from "@shared/policy/index.ts";
import { Badge, type BadgeVariant } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { formatCents, formatDateTime, humanize } from "@/lib/format.ts";
import { paths } from "@/lib/paths.ts";
import { trpc, type RouterOutputs } from "@/lib/trpc.ts";
import { mutationFeedback } from "../hooks/use-resolution-mutation.ts";
import { ExceptionBadge } from "./exception-badge.tsx";

type Refund = RouterOutputs["resolution"]["getResolutionState"]["refunds"][number];

const statusTone: Record<string, BadgeVariant> = { proposed: "info", approved: "warning", executed: "success", rejected: "destructive" };
const statusLabel: Record<string, string> = { proposed: "Awaiting approval", approved: "Approved, to pay", executed: "Paid", rejected: "Rejected" };

/** The claim's refunds with their reference (refund certificate), decision and payout; supervisors record payouts here. */
export function RefundsList({ refunds, isLead, options = [] }: { refunds: Refund[]; isLead: boolean; options?: readonly DecisionOption[] }) {
  // X8: a refund for goods that travel back is paid once they are back (and inspected where the store inspects).
  const waits = (r: Refund) => {
    const o = options.find((x) => x.kind === r.kind);
    return o?.payable === false ? (o.payableAfter === "inspected" ? "received and inspected" : "received") : null;
  };
  const execute = useMutation(trpc.approvals.executeRefund.mutationOptions(mutationFeedback("Payout recorded")));
  return (
    <table className="w-full text-sm" aria-label="Refunds">
      <thead>
        <tr className="text-left text-xs text-muted-foreground">
          <th className="py-1.5 pl-4 font-medium">Reference</th>
          <th className="py-1.5 font-medium">Option</th>
          <th className="py-1.5 text-right font-medium">Amount</th>
          <th className="py-1.5 pl-3 font-medium">Status</th>
          <th className="py-1.5 pr-4 text-right font-medium"><span className="sr-only">Actions</span></th>
        </tr>
      </thead>
      <tbody className="divide-y">
        {refunds.map((r) => (
          <tr key={r.id} className="align-top">
            <td className="py-2 pl-4">
              <div className="font-mono text-xs font-medium">{r.reference}</div>
              <div className="text-xs text-muted-foreground">by {r.proposedByName ?? "—"} · {formatDateTime(r.createdAt)}</div>
            </td>
            <td className="py-2">
              <div className="flex flex-wrap items-center gap-1.5">
                {humanize(r.kind)}
                {r.isException && <ExceptionBadge reason={r.reason} />}
              </div>
              <div className="text-xs text-muted-foreground">
                {r.method === "store_coupon" ? `Store coupon${r.couponCode ? ` ${r.couponCode}` : ""}` : r.method === "paypal" ? "PayPal (E4, outside the refund caps)" : "Original payment"}
              </div>
            </td>
            <td className="py-2 text-right font-semibold tabular-nums">{formatCents(r.amountCents, r.currency)}</td>
            <td className="py-2 pl-3">
              <Badge variant={statusTone[r.status] ?? "muted"}>{statusLabel[r.status] ?? r.status}</Badge>
              {r.decidedByName && (
                <div className="mt-0.5 max-w-56 text-xs text-muted-foreground">
                  {r.status === "rejected" ? "Rejected" : "Approved"} by {r.decidedByName}{r.decisionComment ? `: “${r.decisionComment}”` : ""}
                </div>
              )}
            </td>
            <td className="py-2 pr-4 text-right">
              {r.status === "approved" && waits(r) && <span className="text-xs text-muted-foreground">Paid once the return is {waits(r)} (X8)</span>}
              {r.status === "approved" && isLead && !waits(r) && (
                <Button size="xs" disabled={execute.isPending} onClick={() => execute.mutate({ refundId: r.id })}>Record payout</Button>
              )}
              {r.status === "proposed" && isLead && (
                <Button size="xs" variant="outline" asChild><Link to={`${paths.approvals}?refund=${r.id}`}>Review</Link></Button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
