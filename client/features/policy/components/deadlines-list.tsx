import type { Decision } from "@shared/policy/index.ts";
import { deadlineLabels } from "@shared/policy/parameters-labels.ts";
import { formatDateTime, fromNow, humanize } from "@/lib/format.ts";
import { cn } from "@/lib/utils.ts";
import { ClauseBadge } from "./clause-badge.tsx";

export function DeadlinesList({ deadlines, warrantyEndsAt, now = new Date() }: { deadlines: Decision["deadlines"]; warrantyEndsAt?: string; now?: Date }) {
  const rows = [...deadlines].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  if (rows.length === 0 && !warrantyEndsAt) return <p className="text-sm text-muted-foreground">No deadlines apply yet.</p>;
  return (
    <ul className="divide-y text-sm">
      {rows.map((d) => {
        const overdue = Date.parse(d.dueAt) < now.getTime();
        return (
          <li key={d.key} className="flex items-center gap-2 py-2">
            <span className="flex-1">{deadlineLabels[d.key] ?? humanize(d.key)}</span>
            <time dateTime={d.dueAt} title={formatDateTime(d.dueAt)} className={cn("tabular-nums", overdue ? "font-medium text-destructive" : "text-muted-foreground")}>
              {overdue ? `overdue, was due ${fromNow(d.dueAt)}` : `due ${fromNow(d.dueAt)}`}
            </time>
            <ClauseBadge clause={d.clause} />
          </li>
        );
      })}
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
