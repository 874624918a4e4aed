import { Star } from "lucide-react";
import type { Decision, DecisionOption } from "@shared/policy/index.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { formatCents, humanize } from "@/lib/format.ts";
import { ClauseBadge } from "./clause-badge.tsx";

const payoutWaits = { return_received: "paid once the return is received", inspected: "paid once the return is received and inspected" } as const;

/** X9: which lines an option covers, and each one's own amount when there are several. */
function LinesCovered({ option, claimLines }: { option: DecisionOption; claimLines: number }) {
  const lines = option.lines ?? [];
  const split = (option.lineRefunds?.length ?? 0) > 1;
  if (!split && (lines.length === 0 || lines.length === claimLines)) return null;
  return (
    <div className="text-xs text-muted-foreground">
      {split ? option.lineRefunds?.map((l) => `${l.sku} ${formatCents(l.refundCents)}`).join(" · ") : `for ${lines.join(", ")}`}
    </div>
  );
}

export function OptionsList({ decision }: { decision: Pick<Decision, "options" | "freight" | "lines" | "freightReimbursement"> }) {
  const { options, freight, freightReimbursement } = decision;
  return (
    <div className="text-sm">
      <p className="mb-2 text-muted-foreground">
        Return freight: <span className="font-medium text-foreground">{freight === "none" ? "no return shipment" : `paid by the ${freight === "shared" ? "customer and store together" : freight}`}</span>
      </p>
      {freightReimbursement && (
        <p className="mb-2 flex items-center gap-2 text-muted-foreground">
          <span className="flex-1">
            Freight reimbursement to the customer's PayPal: <span className="font-medium tabular-nums text-foreground">{formatCents(freightReimbursement.cents)}</span>
          </span>
          <ClauseBadge clause={freightReimbursement.clause} />
        </p>
      )}
      {options.length === 0 ? (
        <p className="text-muted-foreground">The policy offers no resolution for this case.</p>
      ) : (
        <ul className="divide-y">
          {options.map((o) => (
            <li key={o.kind} className="flex items-center gap-2 py-2">
              <span className="flex-1">
                {humanize(o.kind)}
                {o.preferred && (
                  <Badge variant="info" className="ml-2">
                    <Star aria-hidden /> Preferred
                  </Badge>
                )}
                {o.freight && o.freight !== freight && <span className="ml-2 text-xs text-muted-foreground">freight: {o.freight}</span>}
                <LinesCovered option={o} claimLines={decision.lines.length} />
                {o.payableAfter && o.payable === false && <div className="text-xs text-muted-foreground">{payoutWaits[o.payableAfter]} (X8)</div>}
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
