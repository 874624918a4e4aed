import { Ban, Info, TriangleAlert } from "lucide-react";
import type { Decision } from "@shared/policy/index.ts";
import { humanize } from "@/lib/format.ts";
import { ClauseBadge } from "./clause-badge.tsx";

const icons = { block: Ban, warn: TriangleAlert, info: Info } as const;
const tones = { block: "text-destructive", warn: "text-warning", info: "text-muted-foreground" } as const;

export function FindingsList({ findings }: { findings: Decision["findings"] }) {
  if (findings.length === 0) return <p className="text-sm text-muted-foreground">No findings.</p>;
  return (
    <ul className="divide-y text-sm">
      {findings.map((f, i) => {
        const Icon = icons[f.severity];
        return (
          <li key={`${f.code}-${f.clause}-${f.sku ?? ""}-${i}`} className="flex items-start gap-2 py-2">
            <Icon className={`mt-0.5 size-4 shrink-0 ${tones[f.severity]}`} aria-label={f.severity === "block" ? "Blocking" : f.severity === "warn" ? "Warning" : "Information"} />
            <div className="min-w-0 flex-1">
              <div className="font-medium">{humanize(f.code)}{f.sku ? <span className="font-normal text-muted-foreground"> · {f.sku}</span> : null}</div>
              {f.message && <div className="text-muted-foreground">{f.message}</div>}
            </div>
            <ClauseBadge clause={f.clause} />
          </li>
        );
      })}
    </ul>
  );
}
