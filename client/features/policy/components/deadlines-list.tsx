import { Clock } from "lucide-react";
import type { Decision } from "@shared/policy/index.ts";
import { deadlineLabels } from "@shared/policy/parameters-labels.ts";
import { isOwnDeadline } from "@shared/workflow/deadlines.ts";
import { describeDue, formatDateTime, humanize } from "@/lib/format.ts";
import { cn } from "@/lib/utils.ts";
import { ClauseBadge } from "./clause-badge.tsx";

/** `running`: our deadlines count down; `paused`: we wait on the customer; `finished`: nothing runs any more. */
export type DeadlineClock = "running" | "paused" | "finished";

const clockNotes: Record<Exclude<DeadlineClock, "running">, string> = { paused: "paused", finished: "no longer running" };

type DeadlineRow = { id: string; label: string; dueAt: string; clause: string; text: string; overdue: boolean; stopped: boolean; isNext: boolean };

/**
 * The rows of the list. Our deadlines arrive already shifted by the waits on the customer (the server's
 * shiftDeadlines, the same times as the queue's Due column). A rule book may set one kind twice (two
 * refund_due, two report_by under different clauses): each row is keyed by kind, clause and time, and a
 * repeated kind is numbered, so neither React nor the reader confuses them.
 */
export function deadlineRows(deadlines: Decision["deadlines"], opts: { clock: DeadlineClock; dueAt?: Date | string | null; now: Date }): DeadlineRow[] {
  const unique = [...new Map(deadlines.map((d) => [`${d.key}|${d.clause}|${d.dueAt}`, d])).entries()].sort(([, a], [, b]) => a.dueAt.localeCompare(b.dueAt));
  const total = new Map<string, number>();
  for (const [, d] of unique) total.set(d.key, (total.get(d.key) ?? 0) + 1);
  const seen = new Map<string, number>();
  const next = opts.dueAt ? new Date(opts.dueAt).getTime() : null;
  return unique.map(([id, d]) => {
    const n = (seen.get(d.key) ?? 0) + 1;
    seen.set(d.key, n);
    const count = total.get(d.key) ?? 1;
    const label = `${deadlineLabels[d.key as keyof typeof deadlineLabels] ?? humanize(d.key)}${count > 1 ? ` (${n} of ${count})` : ""}`;
    // Paused: only our deadlines stop (the customer's keep running); finished: none runs any more.
    const stopped = opts.clock === "finished" || (opts.clock === "paused" && isOwnDeadline(d.key));
    const due = describeDue(d.dueAt, opts.now.getTime());
    return {
      id, label, dueAt: d.dueAt, clause: d.clause,
      text: stopped ? `${formatDateTime(d.dueAt)} · ${clockNotes[opts.clock as Exclude<DeadlineClock, "running">]}` : due.text,
      overdue: !stopped && due.overdue,
      stopped,
      isNext: next !== null && Date.parse(d.dueAt) === next && isOwnDeadline(d.key),
    };
  });
}

export function DeadlinesList(props: { deadlines: Decision["deadlines"]; warrantyEndsAt?: string; clock?: DeadlineClock; dueAt?: Date | string | null; now?: Date }) {
  const { deadlines, warrantyEndsAt, clock = "running", dueAt, now = new Date() } = props;
  const rows = deadlineRows(deadlines, { clock, dueAt, now });
  if (rows.length === 0 && !warrantyEndsAt) return <p className="text-sm text-muted-foreground">No deadlines apply yet.</p>;
  return (
    <ul className="divide-y text-sm">
      {clock !== "running" && (
        <li className="flex items-center gap-2 py-2 text-muted-foreground">
          <Clock className="size-3.5 shrink-0" aria-hidden />
          <span>{clock === "paused" ? "Our deadlines are paused while we wait on the customer; they resume shifted by the wait." : "The claim is finished: its deadlines no longer run."}</span>
        </li>
      )}
      {rows.map((r) => (
        <li key={r.id} className="flex items-center gap-2 py-2">
          <span className="flex-1">
            {r.label}
            {r.isNext && <span className="ml-2 rounded bg-muted px-1.5 py-0.5 text-xs text-muted-foreground">next due</span>}
          </span>
          <time dateTime={r.dueAt} title={formatDateTime(r.dueAt)} className={cn("tabular-nums", r.overdue ? "font-medium text-destructive" : "text-muted-foreground")}>
            {r.text}
          </time>
          <ClauseBadge clause={r.clause} />
        </li>
      ))}
      {warrantyEndsAt && (
        <li className="flex items-center gap-2 py-2">
          <span className="flex-1">Warranty ends</span>
          <time dateTime={warrantyEndsAt} className="tabular-nums text-muted-foreground">{formatDateTime(warrantyEndsAt)}</time>
          <ClauseBadge clause="X6" />
        </li>
      )}
    </ul>
  );
}
