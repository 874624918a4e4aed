import { Check, X } from "lucide-react";
import type { Decision } from "@shared/policy/index.ts";
import { humanize } from "@/lib/format.ts";

export function EvidenceChecklist({ evidence }: { evidence: Decision["evidence"] }) {
  if (evidence.length === 0) return <p className="text-sm text-muted-foreground">This case needs no evidence.</p>;
  const missing = evidence.filter((e) => e.provided < e.required);
  return (
    <div className="text-sm">
      <p className="mb-2 text-muted-foreground">
        {missing.length === 0 ? "All required evidence is in." : `Missing: ${missing.map((m) => `${m.required - m.provided} × ${humanize(m.kind).toLowerCase()}`).join(", ")}.`}
      </p>
      <ul className="grid gap-1">
        {evidence.map((e) => {
          const ok = e.provided >= e.required;
          return (
            <li key={e.kind} className="flex items-center gap-2">
              {ok ? <Check className="size-4 text-success" aria-label="Complete" /> : <X className="size-4 text-destructive" aria-label="Missing" />}
              <span className="flex-1">{humanize(e.kind)}</span>
              <span className="tabular-nums text-muted-foreground">
                {e.provided} / {e.required}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
