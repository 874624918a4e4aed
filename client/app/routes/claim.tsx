import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { ClaimHeader } from "@/features/claims/components/claim-header.tsx";
import { ClaimLinesCard } from "@/features/claims/components/claim-lines-card.tsx";
import { OrderCard } from "@/features/claims/components/order-card.tsx";
import { TimelineCard } from "@/features/claims/components/timeline-card.tsx";
import { MessagesSection } from "@/features/messages/components/messages-section.tsx";
import { EvidenceSection } from "@/features/evidence/components/evidence-section.tsx";
import { GradingSection } from "@/features/grading/components/grading-section.tsx";
import { PolicyPanel } from "@/features/policy/components/policy-panel.tsx";
import { ResolutionSection } from "@/features/resolution/components/resolution-section.tsx";
import { ClaimActions } from "@/features/workflow/components/claim-actions.tsx";
import { trpc } from "@/lib/trpc.ts";
import { RouteFallback } from "../route-fallback.tsx";

/** Composes the claim page from the features; each section loads and mutates its own data. */
export default function ClaimPage() {
  const { number = "" } = useParams();
  const claim = useQuery(trpc.claims.getClaim.queryOptions({ number }));
  const evaluation = useQuery(trpc.claims.evaluateClaim.queryOptions({ number }));
  if (claim.isPending) return <RouteFallback />;
  if (claim.isError) throw claim.error;
  const props = { claim: claim.data, evaluation: evaluation.data };
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4 p-4 lg:p-6">
      <ClaimHeader claim={claim.data} />
      <ClaimActions {...props} />
      <div className="grid gap-4 lg:grid-cols-[1fr_320px]">
        <div className="flex min-w-0 flex-col gap-4">
          {evaluation.data ? (
            <PolicyPanel
              decision={evaluation.data.decision}
              storeName={claim.data.storeName}
              storeId={evaluation.data.policyVersion.storeId}
              version={evaluation.data.policyVersion.version}
            />
          ) : (
            <Skeleton className="h-64 w-full" aria-label="Loading policy decision" />
          )}
          <ClaimLinesCard claim={claim.data} />
          <GradingSection {...props} />
          <ResolutionSection {...props} />
          <EvidenceSection {...props} />
          <MessagesSection {...props} />
        </div>
        <div className="flex flex-col gap-4">
          <OrderCard claim={claim.data} />
          <TimelineCard events={claim.data.events} />
        </div>
      </div>
    </div>
  );
}
