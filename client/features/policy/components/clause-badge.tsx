import { clauseCatalog } from "@shared/policy/index.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip.tsx";

const summaries = new Map(clauseCatalog.map((c) => [c.id, c.summary]));

/** A clause id; hover or focus shows the rule in our words (X4: every decision names its clauses). */
export function ClauseBadge({ clause }: { clause: string }) {
  const summary = summaries.get(clause);
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <button type="button" className="rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring" aria-label={`Clause ${clause}${summary ? `: ${summary}` : ""}`}>
          <Badge variant="outline" className="font-mono">
            {clause}
          </Badge>
        </button>
      </TooltipTrigger>
      {summary && <TooltipContent className="max-w-xs">{summary}</TooltipContent>}
    </Tooltip>
  );
}
