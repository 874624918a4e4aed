import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { ClaimHeader } from "@/features/claims/components/claim-header.tsx";
import { ClaimLinesCard } from "@/features/claims/components/claim-lines-card.tsx";
import { EvidenceCard } from "@/features/claims/components/evidence-card.tsx";
import { OrderCard } from "@/features/claims/components/order-card.tsx";
import { TimelineCard } from "@/features/claims/components/timeline-card.tsx";
import { PolicyPanel } from "@/features/policy/components/policy-panel.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { trpc } from "@/lib/trpc.ts";
import { RouteFallback } from "../route-fallback.tsx";

export default function ClaimPage() {
  const { number = "" } = useParams();
  const claim = useQuery(trpc.claims.getClaim.queryOptions({ number }));
  const evaluation = useQuery(trpc.claims.evaluateClaim.queryOptions({ number }));
  if (claim.isPending) return <RouteFallback />;
  if (claim.isError) throw claim.error;
  const c = claim.data;
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4 p-4 lg:p-6">
      <ClaimHeader claim={c} />
      <div className="grid gap-4 lg:grid-cols-[1fr_320px]">
        <div className="flex min-w-0 flex-col gap-4">
          {evaluation.data ? (
            <PolicyPanel decision={evaluation.data.decision} storeName={c.storeName} version={evaluation.data.policyVersion.version} />
          ) : (
            <Skeleton className="h-64 w-full" aria-label="Loading policy decision" />
          )}
          <ClaimLinesCard claim={c} />
          <EvidenceCard claim={c} />
        </div>
        <div className="flex flex-col gap-4">
          <OrderCard claim={c} />
          <TimelineCard events={c.events} />
        </div>
      </div>
    </div>
  );
}
