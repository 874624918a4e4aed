import { useQuery } from "@tanstack/react-query";
import { Suspense, useEffect, useState } from "react";
import type { PlainAction } from "@shared/workflow/action-procedures.ts";
import { priorityLabels } from "@shared/workflow/statuses.ts";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import type { ClaimPageProps } from "@/features/claims/components/claim-page-props.ts";
import { useMe } from "@/lib/auth.tsx";
import { lazyWithPreload, whenIdle } from "@/lib/lazy-with-preload.ts";
import { errorCode, fieldErrors, trpc } from "@/lib/trpc.ts";
import { useClaimWorkflow } from "../hooks/use-claim-workflow.ts";
import { useClaimActionRequests } from "../lib/action-requests.ts";
import { ActionButtons, ActionHints } from "./action-buttons.tsx";
import { AssigneePicker } from "./assignee-picker.tsx";
import { ConflictDialog } from "./conflict-dialog.tsx";
import { PriorityPicker } from "./priority-picker.tsx";

// The reason form (react-hook-form and zod, ~40 KB gzip) loads when the page is idle and mounts on first use.
const ReasonDialog = lazyWithPreload(() => import("./reason-dialog.tsx").then((m) => m.ReasonDialog));

/**
 * The claim's workflow controls: the status changes this person may make now (from the server's state
 * machine), the assignee and the priority. Every change carries the version on screen; a CONFLICT opens
 * a dialog that says what changed instead of overwriting it.
 */
export function ClaimActions({ claim }: ClaimPageProps) {
  const { data: me } = useMe();
  const available = useQuery(trpc.workflow.listClaimActions.queryOptions({ number: claim.number }));
  const [asking, setAsking] = useState<PlainAction | null>(null);
  // While the reason dialog is open, its errors show beside the reason instead of in a toast.
  const wf = useClaimWorkflow({ showsErrorsInline: () => asking !== null });
  const [reasonAsked, setReasonAsked] = useState(false);
  if (asking && !reasonAsked) setReasonAsked(true);
  useEffect(() => whenIdle(() => void ReasonDialog.preload()), []);
  const ref = { number: claim.number, version: claim.version };

  const run = (action: PlainAction, note?: string) =>
    wf.transition.mutate({ ...ref, action, note }, {
      onSuccess: () => setAsking(null),
      onError: (error) => errorCode(error) === "CONFLICT" && setAsking(null),
    });
  const start = (action: PlainAction, needsReason: boolean) => (needsReason ? setAsking(action) : run(action));

  useClaimActionRequests(claim.number, (request) => {
    const data = available.data;
    if (!data || !me) return;
    if (request.kind === "transition") {
      const found = data.actions.find((a) => a.action === request.action);
      if (found) start(request.action, found.needsReason);
    } else wf.assign.mutate({ ...ref, assigneeId: request.kind === "assign_self" ? me.id : null });
  });

  if (!available.data || !me) return <Skeleton className="h-12 w-full" aria-label="Loading the claim's actions" />;
  const data = available.data;
  return (
    <section aria-label="Claim workflow" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border bg-card px-3 py-2">
        <ActionButtons actions={data.actions} disabled={wf.pending} onAction={start} />
        <div className="ml-auto flex flex-wrap items-center gap-x-4 gap-y-2">
          <div className="flex items-center gap-2">
            <span className="text-xs text-muted-foreground" aria-hidden>
              Assignee
            </span>
            <AssigneePicker
              number={claim.number}
              assigneeId={claim.assigneeId}
              assigneeName={claim.assigneeName}
              meId={me.id}
              assignment={data.assignment}
              disabled={wf.pending}
              onAssign={(assigneeId) => wf.assign.mutate({ ...ref, assigneeId })}
            />
          </div>
          <div className="flex items-center gap-2">
            <span className="text-xs text-muted-foreground" aria-hidden>
              Priority
            </span>
            {data.canSetPriority ? (
              <PriorityPicker value={claim.priority} disabled={wf.pending} onChange={(priority) => wf.priority.mutate({ ...ref, priority })} />
            ) : (
              <span className="text-sm">
                <span className="sr-only">Priority: </span>
                {priorityLabels[claim.priority]}
              </span>
            )}
          </div>
        </div>
      </div>
      <ActionHints actions={data.actions} blocked={data.blocked} />
      {reasonAsked && (
        <Suspense fallback={null}>
          <ReasonDialog
            action={asking}
            subject={claim.number}
            pending={wf.transition.isPending}
            serverError={asking && wf.transition.error && errorCode(wf.transition.error) !== "CONFLICT" ? (fieldErrors(wf.transition.error).note?.[0] ?? wf.transition.error.message) : undefined}
            onSubmit={(note) => asking && run(asking, note)}
            onClose={() => setAsking(null)}
          />
        </Suspense>
      )}
      <ConflictDialog message={wf.conflict} onClose={wf.clearConflict} />
    </section>
  );
}
