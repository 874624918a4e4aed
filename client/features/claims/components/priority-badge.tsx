import { ArrowDown, ArrowUp, ChevronsUp, Minus } from "lucide-react";
import { priorityLabels, type Priority } from "@shared/workflow/statuses.ts";
import { cn } from "@/lib/utils.ts";

const icons = { low: ArrowDown, normal: Minus, high: ArrowUp, urgent: ChevronsUp } as const;

export function PriorityLabel({ priority }: { priority: Priority }) {
  const Icon = icons[priority];
  return (
    <span className={cn("inline-flex items-center gap-1 text-sm", priority === "urgent" && "font-medium text-destructive", priority === "high" && "text-warning", priority === "low" && "text-muted-foreground")}>
      <Icon className="size-3.5" aria-hidden />
      {priorityLabels[priority]}
    </span>
  );
}
