import { Suspense, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { ClaimHeader } from "@/features/claims/components/claim-header.tsx";
import { ClaimLinesCard } from "@/features/claims/components/claim-lines-card.tsx";
import { OrderCard } from "@/features/claims/components/order-card.tsx";
import { TimelineCard } from "@/features/claims/components/timeline-card.tsx";
import { PolicyPanel } from "@/features/policy/components/policy-panel.tsx";
import { ClaimActions } from "@/features/workflow/components/claim-actions.tsx";
import { lazyWithPreload } from "@/lib/lazy-with-preload.ts";
import { trpc } from "@/lib/trpc.ts";
import { RouteFallback } from "../route-fallback.tsx";

// The working sections (forms, dialogs, the refund preview's policy engine, zod) start loading with this
// module, so they arrive while the claim itself is fetched instead of being waited for before it is asked for.
const GradingSection = lazyWithPreload(() => import("@/features/grading/components/grading-section.tsx").then((m) => m.GradingSection));
const ResolutionSection = lazyWithPreload(() => import("@/features/resolution/components/resolution-section.tsx").then((m) => m.ResolutionSection));
const EvidenceSection = lazyWithPreload(() => import("@/features/evidence/components/evidence-section.tsx").then((m) => m.EvidenceSection));
const MessagesSection = lazyWithPreload(() => import("@/features/messages/components/messages-section.tsx").then((m) => m.MessagesSection));
const CaseFactsSection = lazyWithPreload(() => import("@/features/case-facts/components/case-facts-section.tsx").then((m) => m.CaseFactsSection));
for (const section of [GradingSection, ResolutionSection, EvidenceSection, MessagesSection, CaseFactsSection]) void section.preload();

function Section({ children, label }: { children: ReactNode; label: string }) {
  return <Suspense fallback={<Skeleton className="h-40 w-full" aria-label={`Loading ${label}`} />}>{children}</Suspense>;
}

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
              clock={evaluation.data.clock}
              dueAt={evaluation.data.dueAt}
            />
          ) : (
            <Skeleton className="h-64 w-full" aria-label="Loading policy decision" />
          )}
          <ClaimLinesCard claim={claim.data} />
          <Section label="case facts"><CaseFactsSection {...props} /></Section>
          <Section label="grading"><GradingSection {...props} /></Section>
          <Section label="resolution"><ResolutionSection {...props} /></Section>
          <Section label="evidence"><EvidenceSection {...props} /></Section>
          <Section label="messages"><MessagesSection {...props} /></Section>
        </div>
        <div className="flex flex-col gap-4">
          <OrderCard claim={claim.data} />
          <TimelineCard events={claim.data.events} />
        </div>
      </div>
    </div>
  );
}
