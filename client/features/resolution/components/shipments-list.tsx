import { Badge } from "@/components/ui/badge.tsx";
import { formatDateTime, humanize } from "@/lib/format.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";

type Shipment = RouterOutputs["resolution"]["getResolutionState"]["shipments"][number];

/** Parcels moving because of the claim: replacements and exchanges out, returns in. */
export function ShipmentsList({ shipments }: { shipments: Shipment[] }) {
  return (
    <ul className="divide-y text-sm" aria-label="Shipments">
      {shipments.map((s) => (
        <li key={s.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2">
          <span className="font-medium">{humanize(s.kind)}</span>
          <Badge variant={s.status === "received" || s.status === "delivered" ? "success" : "muted"}>{humanize(s.status)}</Badge>
          <span className="text-muted-foreground">{s.carrier}</span>
          <span className="font-mono text-xs">{s.trackingNumber}</span>
          {s.shippedAt && <span className="text-xs text-muted-foreground">{formatDateTime(s.shippedAt)}</span>}
          {s.parts.length > 0 && (
            <span className="basis-full text-xs text-muted-foreground">{s.parts.map((p) => `${p.quantity} × ${p.name} (${p.sku})`).join(", ")}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
