import type { PolicyParameter } from "@shared/policy/parameters.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { formatParameterValue } from "../format-parameter.ts";

export type ClauseRow = { id: string; summary: string };

/** Clauses with their id and summary, each followed by the parameters that set its numbers (X4: rules are cited). */
export function ClauseRules({ clauses, parameters }: { clauses: readonly ClauseRow[]; parameters: readonly PolicyParameter[] }) {
  return (
    <ul className="divide-y">
      {clauses.map((c) => {
        const own = parameters.filter((p) => p.clause === c.id);
        return (
          <li key={c.id} className="grid grid-cols-[2.75rem_1fr] gap-x-3 py-3 first:pt-0 last:pb-0" aria-label={`Clause ${c.id}`}>
            <Badge variant="outline" className="mt-0.5 h-fit w-full justify-center self-start font-mono">{c.id}</Badge>
            <div className="min-w-0">
              <p className="text-sm leading-relaxed">{c.summary}</p>
              {own.length > 0 && <ParameterValues parameters={own} />}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function ParameterValues({ parameters }: { parameters: readonly PolicyParameter[] }) {
  return (
    <dl className="mt-2 grid grid-cols-[minmax(0,1fr)_auto] gap-x-6 rounded-md border bg-muted/40 px-3 py-1.5 text-sm">
      {parameters.map((p) => (
        <div key={p.key} className="contents">
          <dt className="truncate py-1" title={p.description}>
            {p.label}
            {p.context && <span className="text-xs text-muted-foreground"> · {p.context}</span>}
          </dt>
          <dd className="py-1 text-right font-medium tabular-nums">{formatParameterValue(p.kind, p.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
