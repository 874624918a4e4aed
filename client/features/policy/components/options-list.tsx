import { Star } from "lucide-react";
import type { Decision } from "@shared/policy/index.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { formatCents, humanize } from "@/lib/format.ts";
import { ClauseBadge } from "./clause-badge.tsx";

export function OptionsList({ options, freight }: { options: Decision["options"]; freight: Decision["freight"] }) {
  return (
    <div className="text-sm">
      <p className="mb-2 text-muted-foreground">
        Return freight: <span className="font-medium text-foreground">{freight === "none" ? "no return shipment" : `paid by the ${freight === "shared" ? "customer and store together" : freight}`}</span>
      </p>
      {options.length === 0 ? (
        <p className="text-muted-foreground">The policy offers no resolution for this case.</p>
      ) : (
        <ul className="divide-y">
          {options.map((o, i) => (
            <li key={`${o.kind}-${i}`} className="flex items-center gap-2 py-2">
              <span className="flex-1">
                {humanize(o.kind)}
                {o.preferred && (
                  <Badge variant="info" className="ml-2">
                    <Star aria-hidden /> Preferred
                  </Badge>
                )}
                {o.freight && o.freight !== freight && <span className="ml-2 text-xs text-muted-foreground">freight: {o.freight}</span>}
              </span>
              <span className="tabular-nums font-medium">{o.refundCents !== undefined ? formatCents(o.refundCents) : o.kind.includes("refund") ? "amount to set" : "—"}</span>
              {o.clause && <ClauseBadge clause={o.clause} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
