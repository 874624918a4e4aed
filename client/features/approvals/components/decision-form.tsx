import { Check, Loader2, X } from "lucide-react";
import { useState } from "react";
import { approveRefundInput, rejectRefundInput } from "@shared/schemas/approvals.ts";
import { Alert, AlertDescription } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Label } from "@/components/ui/label.tsx";
import { Textarea } from "@/components/ui/textarea.tsx";
import { useRefundDecision } from "../hooks/use-refund-decision.ts";

type Refund = { id: number; status: string; idempotencyKey: string; ownProposal: boolean; reference: string };
/** X8: what the payout still waits for (null when it may be paid). */
type Payout = { gate: string; missing: string; clause: string } | null;

/** Approve (comment optional) or reject (comment required) a proposal; approval of one's own proposal is refused (X3). */
export function DecisionForm({ refund, payout, onDone }: { refund: Refund; payout: Payout; onDone: () => void }) {
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const d = useRefundDecision(onDone);
  if (refund.status === "approved" && payout) {
    return (
      <p className="text-sm" role="status">
        <span className="font-medium">Approved — paid once the return is {payout.gate}</span>
        <span className="text-muted-foreground"> ({payout.clause}): {payout.missing}.</span>
      </p>
    );
  }
  if (refund.status === "approved") {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-muted-foreground">Approved. Record the payout once the money has left (executing twice pays once).</p>
        <Button size="sm" disabled={d.pending} onClick={() => d.execute.mutate({ refundId: refund.id })}>
          {d.execute.isPending && <Loader2 className="animate-spin" aria-hidden />} Record payout
        </Button>
      </div>
    );
  }
  if (refund.status !== "proposed") return null;

  const submit = (kind: "approve" | "reject") => {
    const parsed = kind === "approve"
      ? approveRefundInput.safeParse({ refundId: refund.id, idempotencyKey: refund.idempotencyKey, comment })
      : rejectRefundInput.safeParse({ refundId: refund.id, comment });
    if (!parsed.success) return setError(parsed.error.issues.find((i) => i.path[0] === "comment")?.message ?? parsed.error.issues[0]!.message);
    setError(null);
    if (kind === "approve") d.approve.mutate({ refundId: refund.id, idempotencyKey: refund.idempotencyKey, comment });
    else d.reject.mutate({ refundId: refund.id, comment });
  };

  return (
    <div className="grid gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor="decision-comment">Comment <span className="font-normal text-muted-foreground">(required to reject; the agent reads it)</span></Label>
        <Textarea
          id="decision-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)}
          aria-invalid={!!error} aria-describedby={error ? "decision-comment-error" : undefined}
        />
        {error && <p id="decision-comment-error" className="text-xs text-destructive">{error}</p>}
      </div>
      {payout && (
        <p className="text-xs text-muted-foreground">Once approved, it is paid when the return is {payout.gate} ({payout.clause}): {payout.missing}.</p>
      )}
      {refund.ownProposal && (
        <Alert>
          <AlertDescription>You proposed this refund, so another supervisor must approve it (X3). You can still reject it to withdraw it.</AlertDescription>
        </Alert>
      )}
      <div className="flex flex-wrap gap-2">
        <Button disabled={d.pending || refund.ownProposal} onClick={() => submit("approve")} aria-describedby={refund.ownProposal ? "own-proposal" : undefined}>
          {d.approve.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Check aria-hidden />} Approve
        </Button>
        <Button variant="outline" disabled={d.pending} onClick={() => submit("reject")}>
          {d.reject.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <X aria-hidden />} Reject
        </Button>
        {refund.ownProposal && <span id="own-proposal" className="sr-only">Approve is disabled: you proposed this refund (X3).</span>}
      </div>
    </div>
  );
}
