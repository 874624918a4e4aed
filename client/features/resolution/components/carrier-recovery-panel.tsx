import { useState } from "react";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { formatCents, formatDate, humanize } from "@/lib/format.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";
import { FileRecoveryDialog, UpdateRecoveryDialog } from "./carrier-recovery-dialogs.tsx";

type Recovery = RouterOutputs["resolution"]["getResolutionState"]["recoveries"][number];
const tone = { filed: "info", in_progress: "warning", paid: "success", denied: "destructive" } as const;

/** What the store claims back from the carrier for damaged or lost parcels, and what it got. */
export function CarrierRecoveryPanel({ claim, recoveries, carrier }: { claim: { number: string; version: number }; recoveries: Recovery[]; carrier: string }) {
  const [filing, setFiling] = useState(false);
  const [editing, setEditing] = useState<Recovery | null>(null);
  return (
    <div className="grid gap-2 text-sm">
      {recoveries.length > 0 && (
        <ul className="divide-y" aria-label="Carrier claims">
          {recoveries.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2">
              <span className="font-medium">{r.carrier}</span>
              {r.reference && <span className="font-mono text-xs">{r.reference}</span>}
              <Badge variant={tone[r.status as keyof typeof tone] ?? "muted"}>{humanize(r.status)}</Badge>
              <span className="tabular-nums text-muted-foreground">
                {formatCents(r.amountRecoveredCents)} of {formatCents(r.amountClaimedCents)} recovered · filed {formatDate(r.filedAt)}
              </span>
              <Button size="xs" variant="ghost" className="ml-auto" onClick={() => setEditing(r)}>Update</Button>
            </li>
          ))}
        </ul>
      )}
      <div className="px-4">
        <Button size="xs" variant="outline" onClick={() => setFiling(true)}>File carrier claim</Button>
      </div>
      <FileRecoveryDialog claim={claim} carrier={carrier} open={filing} onClose={() => setFiling(false)} />
      <UpdateRecoveryDialog claim={claim} recovery={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
