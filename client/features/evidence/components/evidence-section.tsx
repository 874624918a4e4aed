import { useQuery } from "@tanstack/react-query";
import { MailQuestion } from "lucide-react";
import { useState } from "react";
import type { EvidenceKind } from "@shared/policy/enums.ts";
import { evidenceKindRules, requirementLabel } from "@shared/schemas/evidence.ts";
import { claimActions } from "@shared/workflow/machine.ts";
import { closedStatuses } from "@shared/workflow/statuses.ts";
import { Button } from "@/components/ui/button.tsx";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs.tsx";
import type { ClaimPageProps } from "@/features/claims/components/claim-page-props.ts";
import { trpc } from "@/lib/trpc.ts";
import { AwaitingEvidenceBanner } from "./awaiting-evidence-banner.tsx";
import { EvidenceList } from "./evidence-list.tsx";
import { EvidenceTextForm } from "./evidence-text-form.tsx";
import { EvidenceUploadForm } from "./evidence-upload-form.tsx";
import { RequestEvidenceDialog } from "./request-evidence-dialog.tsx";

const requestFrom: readonly string[] = claimActions.request_evidence.from;

/** Evidence list, uploads, evidence without a file, and "Request evidence" (X5) for the claim page. */
export function EvidenceSection({ claim, evaluation }: ClaimPageProps) {
  const list = useQuery(trpc.evidence.listEvidence.queryOptions({ number: claim.number }));
  const [requesting, setRequesting] = useState(false);
  const missing = evaluation?.decision.evidence.filter((e) => e.provided < e.required) ?? [];
  // `photo_or_video` is satisfied by either kind: both are marked as needed in the pickers.
  const needed = new Set<string>(missing.flatMap((m) => (m.kind === "photo_or_video" ? ["photo", "video"] : [m.kind])));
  const firstNeeded = (filter: (k: EvidenceKind) => boolean, fallback: EvidenceKind) => ([...needed] as EvidenceKind[]).find(filter) ?? fallback;
  const canRequest = requestFrom.includes(claim.status) && missing.length > 0;
  const open = !closedStatuses.includes(claim.status);

  return (
    <Card id="evidence" className="gap-0 py-4" aria-labelledby="evidence-title">
      <CardHeader className="px-4 pb-3">
        <CardTitle id="evidence-title" className="text-sm">
          Evidence {list.data && <span className="font-normal text-muted-foreground">({list.data.items.length})</span>}
        </CardTitle>
        <CardDescription className="text-xs">
          {missing.length === 0
            ? "The policy has all the evidence it asks for."
            : `Still missing: ${missing.map((m) => `${m.required - m.provided} × ${requirementLabel(m.kind).toLowerCase()}`).join(", ")}.`}
        </CardDescription>
        {requestFrom.includes(claim.status) && (
          <CardAction>
            <Button size="sm" variant="outline" disabled={!canRequest} onClick={() => setRequesting(true)} title={canRequest ? undefined : "The policy needs nothing more"}>
              <MailQuestion aria-hidden />
              Request evidence
            </Button>
          </CardAction>
        )}
      </CardHeader>
      {claim.status === "awaiting_evidence" && list.data?.awaiting && (
        <AwaitingEvidenceBanner number={claim.number} version={claim.version} since={list.data.awaiting.since} newItems={list.data.awaiting.newItems} />
      )}
      <CardContent className="border-t px-0">
        {list.isPending ? (
          <div className="grid gap-2 p-4" aria-label="Loading evidence">
            <Skeleton className="h-12 w-full" />
            <Skeleton className="h-12 w-2/3" />
          </div>
        ) : list.isError ? (
          <p className="px-4 py-3 text-sm text-destructive">{list.error.message}</p>
        ) : (
          <EvidenceList items={list.data.items} since={list.data.awaiting ? new Date(list.data.awaiting.since) : null} />
        )}
      </CardContent>
      {open ? (
        <Tabs defaultValue="file" className="gap-3 border-t px-4 pt-3">
          <TabsList className="h-8">
            <TabsTrigger value="file" className="text-xs">Upload a file</TabsTrigger>
            <TabsTrigger value="text" className="text-xs">Without a file</TabsTrigger>
          </TabsList>
          <TabsContent value="file">
            <EvidenceUploadForm number={claim.number} version={claim.version} needed={needed} defaultKind={firstNeeded((k) => evidenceKindRules[k].files.length > 0, "photo")} />
          </TabsContent>
          <TabsContent value="text">
            <EvidenceTextForm number={claim.number} version={claim.version} needed={needed} defaultKind={firstNeeded((k) => evidenceKindRules[k].text, "invoice_number")} />
          </TabsContent>
        </Tabs>
      ) : (
        <p className="border-t px-4 pt-3 text-xs text-muted-foreground">The claim is closed: reopen it to add evidence.</p>
      )}
      <RequestEvidenceDialog number={claim.number} version={claim.version} open={requesting} onOpenChange={setRequesting} />
    </Card>
  );
}
