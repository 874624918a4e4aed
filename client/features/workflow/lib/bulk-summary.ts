import { toast } from "@/lib/toast.ts";
import type { PlainAction } from "@shared/workflow/action-procedures.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";

/** How a finished batch reads: "12 moved to review, 1 refused". */
export const actionVerbs: Record<PlainAction, string> = {
  start_triage: "moved to triage",
  start_review: "moved to review",
  evidence_received: "marked evidence received",
  reject_claim: "rejected",
  cancel: "cancelled",
  close: "closed",
  reopen: "reopened",
};

type BulkResult = RouterOutputs["workflow"]["bulkAssignClaims"];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "18 assigned, 2 changed meanwhile": one toast for the whole batch, the refusals spelled out below it. */
export function bulkSummaryText(result: BulkResult, verb: string): { title: string; details: string[] } {
  const { changed, unchanged, conflicts, failed } = result.summary;
  const parts = [`${changed} ${verb}`];
  if (unchanged) parts.push(`${unchanged} already so`);
  if (conflicts) parts.push(`${plural(conflicts, "claim")} changed meanwhile`);
  if (failed) parts.push(`${failed} refused`);
  const details = result.results.flatMap((r) => (r.ok ? [] : [`${r.number}: ${r.code === "CONFLICT" ? "changed by someone else; reload to see it." : r.message}`]));
  return { title: parts.join(", "), details };
}

export function toastBulkResult(result: BulkResult, verb: string): void {
  const { title, details } = bulkSummaryText(result, verb);
  const shown = details.slice(0, 3).join("\n") + (details.length > 3 ? `\n…and ${details.length - 3} more` : "");
  const done = result.summary.changed + result.summary.unchanged;
  const notify = details.length === 0 ? toast.success : done > 0 ? toast.warning : toast.error;
  notify(title, { description: shown || undefined, duration: details.length ? 10_000 : 4_000 });
}
