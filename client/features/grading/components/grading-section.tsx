import { useQuery } from "@tanstack/react-query";
import { Lock } from "lucide-react";
import { editableStatuses } from "@shared/schemas/resolution.ts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import type { ClaimPageProps } from "@/features/claims/components/claim-page-props.ts";
import { formatCents } from "@/lib/format.ts";
import { trpc } from "@/lib/trpc.ts";
import { GradeLineForm } from "./grade-line-form.tsx";

/** Per-line grading with a live refund preview from the shared engine (G, A3–A6). */
export function GradingSection({ claim, evaluation }: ClaimPageProps) {
  // The claim is judged under the version it recorded; the preview must use that same document.
  const policy = useQuery({
    ...trpc.policy.getPolicyVersion.queryOptions({ storeId: claim.storeId, version: evaluation?.policyVersion.version }),
    enabled: !!evaluation,
    staleTime: Infinity,
  });
  const editable = editableStatuses.includes(claim.status);
  const graded = evaluation?.decision.options.find((o) => o.kind === "partial_refund");
  const grading = policy.data?.document.grading;

  return (
    <Card id="grading" className="gap-0 py-4" aria-labelledby="grading-title">
      <CardHeader className="px-4 pb-3">
        <CardTitle id="grading-title" className="text-sm">Grading</CardTitle>
        <CardDescription className="text-xs">
          {grading?.partValues
            ? "Issue, part and grade per line: the refund is the grade's share (A4) of the part's maximum value (A5), capped at what was paid."
            : "Grade per line: the graded refund is the grade's share of what the line paid (G), where the policy offers one."}
          {graded?.refundCents !== undefined && (
            <> Saved grades give a partial refund of <span className="font-medium text-foreground tabular-nums">{formatCents(graded.refundCents, claim.order.currency)}</span>.</>
          )}
        </CardDescription>
        {!editable && (
          <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
            <Lock className="size-3.5" aria-hidden />
            {claim.status === "awaiting_approval"
              ? "Locked while a supervisor judges the refund on these grades; a rejection reopens them."
              : `Locked: the claim is ${claim.status.replace(/_/g, " ")}, and its refund was decided on these grades.`}
          </p>
        )}
      </CardHeader>
      <CardContent className="border-t px-0">
        {!policy.data || !evaluation ? (
          <div className="grid gap-2 p-4" aria-label="Loading grading">
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-9 w-2/3" />
          </div>
        ) : (
          claim.lines.map((line, i) => (
            <GradeLineForm key={line.id} claim={claim} line={line} index={i} doc={policy.data.document} facts={evaluation.facts} disabled={!editable} />
          ))
        )}
      </CardContent>
    </Card>
  );
}
