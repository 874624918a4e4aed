import { useMutation } from "@tanstack/react-query";
import { X } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import type { PlainAction } from "@shared/workflow/action-procedures.ts";
import { claimActions, type ClaimAction } from "@shared/workflow/machine.ts";
import { Button } from "@/components/ui/button.tsx";
import { useMe } from "@/lib/auth.tsx";
import { trpc } from "@/lib/trpc.ts";
import { invalidateClaim } from "@/lib/invalidate-claim.ts";
import { actionVerbs, toastBulkResult } from "../lib/bulk-summary.ts";
import { BulkAssignMenu } from "./bulk-assign-menu.tsx";
import { BulkStatusMenu } from "./bulk-status-menu.tsx";

// The reason form (react-hook-form, zod) loads when an action first asks for a reason, not with the queue.
const ReasonDialog = lazy(() => import("./reason-dialog.tsx").then((m) => ({ default: m.ReasonDialog })));
const needsReason = (action: ClaimAction) => "needsReason" in claimActions[action] && claimActions[action].needsReason === true;

/**
 * Shown while queue rows are selected: assign them or change their status in one go. Each claim goes
 * in its own transaction with the version the page showed; the toast says what happened to each.
 */
/** `selected` carries the versions the queue showed, so a claim someone changed meanwhile comes back as CONFLICT. */
export function BulkActionsBar({ selected, onDone }: { selected: { number: string; version: number }[]; onDone: () => void }) {
  const { data: me } = useMe();
  const [asking, setAsking] = useState<PlainAction | null>(null);
  // Mounted from the first ask on, so later closes still animate out.
  const [reasonAsked, setReasonAsked] = useState(false);
  if (asking && !reasonAsked) setReasonAsked(true);

  const done = async () => {
    await invalidateClaim();
    onDone();
  };
  const assign = useMutation(
    trpc.workflow.bulkAssignClaims.mutationOptions({
      onSuccess: async (result, input) => {
        toastBulkResult(result, input.assigneeId === null ? "unassigned" : "assigned");
        await done();
      },
    }),
  );
  const transition = useMutation(
    trpc.workflow.bulkTransitionClaims.mutationOptions({
      onSuccess: async (result, input) => {
        setAsking(null);
        toastBulkResult(result, actionVerbs[input.action]);
        await done();
      },
    }),
  );

  if (selected.length === 0 || !me) return null;
  const ready = !assign.isPending && !transition.isPending;
  const runTransition = (action: PlainAction, note?: string) => transition.mutate({ claims: selected, action, note });
  return (
    <div
      role="toolbar"
      aria-label="Bulk actions"
      className="fixed inset-x-0 bottom-4 z-40 mx-auto flex w-fit max-w-[calc(100%-2rem)] flex-wrap items-center gap-2 rounded-lg border bg-popover px-3 py-2 text-popover-foreground shadow-lg"
    >
      <span className="pr-1 text-sm font-medium tabular-nums" aria-live="polite">
        {selected.length} selected
      </span>
      <span className="h-5 w-px bg-border" aria-hidden />
      <BulkAssignMenu me={me} disabled={!ready} onAssign={(assigneeId) => assign.mutate({ claims: selected, assigneeId })} />
      <BulkStatusMenu role={me.role} disabled={!ready} onPick={(action) => (needsReason(action) ? setAsking(action) : runTransition(action))} />
      {(assign.error || transition.error) && <span className="text-xs text-destructive">{(assign.error ?? transition.error)!.message}</span>}
      <Button size="icon-sm" variant="ghost" onClick={onDone} aria-label="Clear selection">
        <X aria-hidden />
      </Button>
      {reasonAsked && (
        <Suspense fallback={null}>
          <ReasonDialog
            action={asking}
            subject={`${selected.length} claim${selected.length === 1 ? "" : "s"}`}
            pending={transition.isPending}
            serverError={asking && transition.error ? transition.error.message : undefined}
            onSubmit={(note) => asking && runTransition(asking, note)}
            onClose={() => setAsking(null)}
          />
        </Suspense>
      )}
    </div>
  );
}
