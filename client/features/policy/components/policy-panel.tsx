import { BookOpen } from "lucide-react";
import { Link } from "react-router";
import type { Decision } from "@shared/policy/index.ts";
import { Button } from "@/components/ui/button.tsx";
import { Card, CardAction, CardContent, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { TooltipProvider } from "@/components/ui/tooltip.tsx";
import { policyPaths } from "../paths.ts";
import { DeadlinesList, type DeadlineClock } from "./deadlines-list.tsx";
import { EligibilityBanner } from "./eligibility-banner.tsx";
import { EvidenceChecklist } from "./evidence-checklist.tsx";
import { FindingsList } from "./findings-list.tsx";
import { OptionsList } from "./options-list.tsx";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title}>
      <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-muted-foreground">{title}</h3>
      {children}
    </section>
  );
}

/** The engine's decision for a claim: everything an agent needs to decide, each rule cited. */
export function PolicyPanel(props: {
  decision: Decision;
  storeName: string;
  version: number;
  storeId: string;
  /** A stored claim's clock and next due date (as the queue shows it); a preview of a new claim has neither. */
  clock?: DeadlineClock;
  dueAt?: Date | null;
}) {
  const { decision, storeName, version, storeId, clock, dueAt } = props;
  const store = storeId;
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">Policy decision</CardTitle>
        {store && (
          <CardAction>
            {/* The version the claim was judged by, which may be older than the store's current one. */}
            <Button asChild size="xs" variant="ghost" className="text-muted-foreground">
              <Link to={policyPaths.store(store, version)}>
                <BookOpen aria-hidden /> Store policy
              </Link>
            </Button>
          </CardAction>
        )}
      </CardHeader>
      <CardContent className="flex flex-col gap-4 px-4">
        <EligibilityBanner decision={decision} storeName={storeName} version={version} />
        {/* One provider for the panel's clause badges: moving from one to the next skips the delay. */}
        <TooltipProvider>
          <div className="grid gap-4 md:grid-cols-2">
            <Section title="Findings">
              <FindingsList findings={decision.findings} />
            </Section>
            <Section title="Evidence">
              <EvidenceChecklist evidence={decision.evidence} />
            </Section>
            <Section title="Resolution options">
              <OptionsList decision={decision} />
            </Section>
            <Section title="Deadlines">
              <DeadlinesList deadlines={decision.deadlines} warrantyEndsAt={decision.warrantyEndsAt} clock={clock} dueAt={dueAt} />
            </Section>
          </div>
        </TooltipProvider>
      </CardContent>
    </Card>
  );
}
