import { Clock } from "lucide-react";
import { describeDue, formatDateTime } from "@/lib/format.ts";
import { cn } from "@/lib/utils.ts";

/** Relative due time; overdue is red with an icon, so it is not colour alone. */
export function DueLabel({ dueAt, now = new Date() }: { dueAt: Date | string | null; now?: Date }) {
  if (!dueAt) return <span className="text-muted-foreground">—</span>;
  const due = new Date(dueAt);
  const { overdue, soon, text } = describeDue(due, now.getTime());
  return (
    <time dateTime={due.toISOString()} title={formatDateTime(due)} className={cn("inline-flex items-center gap-1 tabular-nums", overdue && "font-medium text-destructive", soon && "text-warning")}>
      {overdue && <Clock className="size-3.5" aria-hidden />}
      {text}
    </time>
  );
}
