import { Badge } from "@/components/ui/badge.tsx";
import { formatCents } from "@/lib/format.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";

type Detail = RouterOutputs["approvals"]["getApproval"];
type Input = NonNullable<Detail["explanation"]>["claim"][number];

const value = (i: Input, currency: string) =>
  [i.cents !== undefined ? formatCents(i.cents, currency) : null, i.pct !== undefined ? `${i.pct} %` : null, i.text ?? null].filter(Boolean).join(" · ");

/**
 * Issue 14: how the amount comes about, line by line, so the supervisor checks it without opening the claim:
 * the rule's inputs (grade × part maximum or paid price, deduction and its cap, received value, costs), this
 * refund's share of the line (X9), and the headroom left under the claim's cap and the order line's (X2).
 */
export function AmountBreakdown({ detail }: { detail: Detail }) {
  const { refund, split, explanation: e, lines } = detail;
  const currency = refund.currency;
  return (
    <section aria-labelledby="amount-breakdown-title" className="grid gap-2">
      <div className="flex flex-wrap items-baseline gap-2">
        <h3 id="amount-breakdown-title" className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Amount, line by line</h3>
        {e && <span className="text-xs text-muted-foreground">rule: {e.rule.replace(/_/g, " ")}</span>}
        {e?.clauses.map((c) => <Badge key={c} variant="outline" className="font-mono">{c}</Badge>)}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-muted-foreground">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">Line</th>
              <th scope="col" className="py-1 pr-3 font-medium">How the policy prices it</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">This refund</th>
              <th scope="col" className="py-1 text-right font-medium">Claim's cap / line's cap (X2)</th>
            </tr>
          </thead>
          <tbody>
            {split.map((s) => {
              const line = lines.find((l) => l.orderLineId === s.orderLineId);
              const ex = e?.lines.find((l) => l.sku === s.sku);
              return (
                <tr key={s.orderLineId} className="border-t align-top">
                  <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                    <div className="font-medium">{line?.name ?? s.sku}</div>
                    <div className="text-xs text-muted-foreground tabular-nums">{s.sku}{line ? ` · ${line.quantity} × ${formatCents(line.unitPriceCents, currency)}` : ""}</div>
                  </th>
                  <td className="py-1.5 pr-3">
                    {ex ? (
                      <>
                        <div>{ex.formula}</div>
                        <ul className="text-xs text-muted-foreground">
                          {ex.inputs.map((i) => <li key={i.label}>{i.label}: <span className="tabular-nums">{value(i, currency)}</span></li>)}
                        </ul>
                      </>
                    ) : (
                      <span className="text-muted-foreground">{refund.isException ? "Goodwill amount set by a supervisor" : "Not an amount the policy sets now"}</span>
                    )}
                    {line?.gradeReason && <p className="text-xs">Reason: “{line.gradeReason}”</p>}
                  </td>
                  <td className="py-1.5 pr-3 text-right font-medium tabular-nums">
                    {formatCents(s.amountCents, currency)}
                    {ex?.cents !== undefined && ex.cents !== s.amountCents && <div className="text-xs font-normal text-warning">policy now {formatCents(ex.cents, currency)}</div>}
                  </td>
                  <td className="py-1.5 text-right text-xs text-muted-foreground tabular-nums">
                    <div>{formatCents(s.claimOtherRefundsCents + s.amountCents, currency)} of {formatCents(s.claimedValueCents, currency)} claimed</div>
                    <div>{formatCents(s.otherRefundsCents + s.amountCents, currency)} of {formatCents(s.linePaidCents, currency)} paid</div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {e && e.claim.length > 0 && (
        <ul className="text-xs text-muted-foreground">
          {e.claim.map((i) => <li key={i.label}>{i.label}: <span className="tabular-nums">{value(i, currency)}</span></li>)}
        </ul>
      )}
    </section>
  );
}
