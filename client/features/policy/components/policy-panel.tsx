import type { Decision } from "@shared/policy/index.ts";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { DeadlinesList } from "./deadlines-list.tsx";
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
export function PolicyPanel({ decision, storeName, version }: { decision: Decision; storeName: string; version: number }) {
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">Policy decision</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 px-4">
        <EligibilityBanner decision={decision} storeName={storeName} version={version} />
        <div className="grid gap-4 md:grid-cols-2">
          <Section title="Findings">
            <FindingsList findings={decision.findings} />
          </Section>
          <Section title="Evidence">
            <EvidenceChecklist evidence={decision.evidence} />
          </Section>
          <Section title="Resolution options">
            <OptionsList options={decision.options} freight={decision.freight} />
          </Section>
          <Section title="Deadlines">
            <DeadlinesList deadlines={decision.deadlines} warrantyEndsAt={decision.warrantyEndsAt} />
          </Section>
        </div>
      </CardContent>
    </Card>
  );
}
