import { useSyncExternalStore } from "react";
import { Badge } from "@/components/ui/badge.tsx";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip.tsx";

// The clause catalog validates the five stores' rule documents with zod as it loads (~35 KB gzip with zod):
// it is fetched as soon as a page shows a clause, beside the page's data, instead of before the page.
let summaries: Map<string, string> | undefined;
const listeners = new Set<() => void>();
const loading = import("@shared/policy/index.ts").then(({ clauseCatalog }) => {
  summaries = new Map(clauseCatalog.map((c) => [c.id, c.summary]));
  for (const notify of listeners) notify();
});
loading.catch(() => undefined);
const subscribe = (notify: () => void) => {
  listeners.add(notify);
  return () => listeners.delete(notify);
};
const useSummaries = () => useSyncExternalStore(subscribe, () => summaries);

/** A clause id; hover or focus shows the rule in our words (X4: every decision names its clauses). */
export function ClauseBadge({ clause }: { clause: string }) {
  const summary = useSummaries()?.get(clause);
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
