import { ShieldAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge.tsx";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip.tsx";
import { formatDateTime } from "@/lib/format.ts";

/** Marks a claim or refund that passed by a supervisor's exception, with who, when and why on hover or focus. */
export function ExceptionBadge({ reason, by, at }: { reason: string | null; by?: string | null; at?: Date | string | null }) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button type="button" className="rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring" aria-label={`Exception${reason ? `: ${reason}` : ""}`}>
          <Badge variant="warning">
            <ShieldAlert aria-hidden /> Exception
          </Badge>
        </button>
      </TooltipTrigger>
      <TooltipContent className="max-w-xs">
        {reason ?? "Granted by a supervisor"}
        {by && <div className="mt-1 opacity-80">{by}{at ? ` · ${formatDateTime(at)}` : ""}</div>}
      </TooltipContent>
    </Tooltip>
  );
}
