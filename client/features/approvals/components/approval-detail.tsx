import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Badge } from "@/components/ui/badge.tsx";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { formatCents, formatDateTime, humanize } from "@/lib/format.ts";
import { paths } from "@/lib/paths.ts";
import { trpc } from "@/lib/trpc.ts";
import { AmountBreakdown } from "./amount-breakdown.tsx";
import { DecisionForm } from "./decision-form.tsx";
import { EvidenceColumn, FindingsColumn, GradingColumn } from "./detail-columns.tsx";

/** One proposal with grading, evidence and the policy's findings side by side, and the decision. */
export function ApprovalDetail({ refundId, onDone }: { refundId: number; onDone: () => void }) {
  const q = useQuery(trpc.approvals.getApproval.queryOptions({ refundId }));
  if (q.isPending) return <Skeleton className="h-72 w-full" aria-label="Loading proposal" />;
  if (q.isError) return <p role="alert" className="text-sm text-destructive">{q.error.message}</p>;
  const { refund, lines, split, evidence, decision, policyVersion, payout, freight } = q.data;
  const offered = decision.options.find((o) => o.kind === refund.kind);

  return (
    <Card className="gap-0 py-4" aria-labelledby="approval-title">
      <CardHeader className="grid gap-2 px-4 pb-3">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <CardTitle id="approval-title" className="font-mono text-sm">{refund.reference}</CardTitle>
          <span className="text-2xl font-semibold tabular-nums">{formatCents(refund.amountCents, refund.currency)}</span>
          <span>{humanize(refund.kind)}{refund.method === "store_coupon" ? " · store coupon" : refund.method === "paypal" ? " · PayPal" : " · original payment"}</span>
          {refund.isException && <Badge variant="warning">Exception</Badge>}
          <Link to={paths.claim(refund.claimNumber)} className="ml-auto text-sm underline-offset-4 hover:underline">
            {refund.claimNumber} · {refund.storeName} · {humanize(refund.claimReason)}
          </Link>
        </div>
        <p className="text-xs text-muted-foreground">
          Proposed by {refund.proposedByName ?? "—"} {formatDateTime(refund.createdAt)} · policy v{policyVersion}
          {freight ? ` · E4: advanced freight on record ${freight.advancedFreightCents !== null ? formatCents(freight.advancedFreightCents, refund.currency) : "—"}, outside the refund caps (X2)` : offered?.refundCents !== undefined ? ` · the policy offers ${formatCents(offered.refundCents, refund.currency)} (${offered.clause})` : offered ? ` · amount set by the agent (${offered.clause})` : " · not an option the policy offers now"}
        </p>
        {refund.reason && <p className="text-sm"><span className="text-muted-foreground">{refund.isException ? "Why: " : "Note: "}</span>{refund.reason}</p>}
        {refund.isException && refund.exceptionReason && (
          <p className="text-sm"><span className="text-muted-foreground">Claim exception by {refund.exceptionByName ?? "a supervisor"}: </span>{refund.exceptionReason}</p>
        )}
      </CardHeader>
      <CardContent className="grid gap-4 border-t px-4 pt-3">
        <div className="grid gap-4 lg:grid-cols-3">
          <GradingColumn lines={lines} split={split} currency={refund.currency} />
          <EvidenceColumn required={decision.evidence} items={evidence} />
          <FindingsColumn decision={decision} />
        </div>
        {!freight && <AmountBreakdown detail={q.data} />}
        <div className="border-t pt-3">
          <DecisionForm refund={refund} payout={payout} onDone={onDone} />
        </div>
      </CardContent>
    </Card>
  );
}
