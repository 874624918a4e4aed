import { useMutation } from "@tanstack/react-query";
import { Check, Circle } from "lucide-react";
import { useState } from "react";
import type { PolicyDocument } from "@shared/policy/index.ts";
import { Button } from "@/components/ui/button.tsx";
import { formatDateTime, humanize } from "@/lib/format.ts";
import { trpc, type RouterOutputs } from "@/lib/trpc.ts";
import { mutationFeedback } from "../hooks/use-resolution-mutation.ts";
import { InspectionDialog } from "./inspection-dialog.tsx";
import { ReturnShippedDialog } from "./return-shipped-dialog.tsx";

type State = RouterOutputs["resolution"]["getResolutionState"];
type Claim = { number: string; version: number; status: string; reason: string };

/** K4-style deduction caps of the claim's reason, in words, for the inspection form. */
function deductionCaps(doc: PolicyDocument | undefined, reason: string): string | null {
  for (const c of doc?.cases ?? []) {
    if (!c.reasons.includes(reason as never)) continue;
    for (const o of c.options) {
      if (o.amount.type !== "paid_less_deduction") continue;
      const caps = Object.entries(o.amount.capsPct).map(([k, v]) => `${humanize(k).toLowerCase()} ${v} %`);
      return `${caps.length ? caps.join(", ") : `up to ${o.amount.defaultCapPct} %`} (${o.clause})`;
    }
  }
  return null;
}

function Step({ done, label, detail }: { done: boolean; label: string; detail?: string | null }) {
  const Icon = done ? Check : Circle;
  return (
    <li className="flex items-baseline gap-2">
      <Icon className={`size-3.5 shrink-0 translate-y-0.5 ${done ? "text-success" : "text-muted-foreground"}`} aria-label={done ? "Done" : "Not yet"} />
      <span className={done ? "" : "text-muted-foreground"}>{label}</span>
      {detail && <span className="text-xs text-muted-foreground">{detail}</span>}
    </li>
  );
}

/** The return's steps (X1 authorisation with RMA C1, shipment with the carrier rule C2, receipt, inspection) and the next action. */
export function ReturnPanel({ claim, state, doc, canAuthorise }: { claim: Claim; state: State; doc: PolicyDocument | undefined; canAuthorise: boolean }) {
  const [dialog, setDialog] = useState<"shipped" | "inspection" | null>(null);
  const ref = { number: claim.number, version: claim.version };
  const authorise = useMutation(trpc.resolution.requestReturn.mutationOptions(mutationFeedback("Return authorised")));
  const receive = useMutation(trpc.resolution.receiveReturn.mutationOptions(mutationFeedback("Return receipt recorded")));
  const f = state.caseFacts;
  const shipment = [...state.shipments].reverse().find((s) => s.kind === "return");
  const condition = f.condition;
  const awaiting = claim.status === "awaiting_return";
  const open = !["closed", "rejected", "cancelled", "refunded"].includes(claim.status);

  return (
    <div className="grid gap-3 px-4 text-sm">
      <ol className="grid gap-1">
        <Step done={!!f.approvedAt} label="Return authorised" detail={f.approvedAt ? `${formatDateTime(f.approvedAt)}${state.rmaNumber ? ` · ${state.rmaNumber}` : ""}` : state.rules.rma ? `an RMA number is issued (${state.rules.rma.clause})` : null} />
        <Step done={!!f.returnShippedAt} label="Shipped by the customer" detail={shipment ? `${shipment.carrier} ${shipment.trackingNumber ?? ""}` : state.rules.returnCarriers ? `${state.rules.returnCarriers.allowed.join(" or ")} only (${state.rules.returnCarriers.clause})` : null} />
        <Step done={!!f.returnReceivedAt} label="Received" detail={f.returnReceivedAt ? `${formatDateTime(f.returnReceivedAt)}${!f.approvedAt ? " · unannounced (X1)" : ""}` : null} />
        <Step
          done={!!f.inspectedAt}
          label="Inspected"
          detail={condition ? `${humanize(condition.inspection ?? "recorded")}${condition.deductionPct !== undefined ? `, ${condition.deductionPct} % deduction` : ""}${condition.used ? ", used" : ""}${condition.tested ? ", tested" : ""}${condition.programmed ? ", programmed" : ""}${condition.packagingIntact ? "" : ", packaging not intact"}` : null}
        />
      </ol>
      <div className="flex flex-wrap gap-2">
        {canAuthorise && !awaiting && !f.returnReceivedAt && (
          <Button size="xs" disabled={authorise.isPending} onClick={() => authorise.mutate(ref)}>Authorise return{state.rules.rma ? " and issue RMA" : ""}</Button>
        )}
        {awaiting && !f.returnShippedAt && <Button size="xs" variant="outline" onClick={() => setDialog("shipped")}>Record shipment</Button>}
        {awaiting && <Button size="xs" variant={f.returnShippedAt ? "default" : "outline"} disabled={receive.isPending} onClick={() => receive.mutate(ref)}>Return received</Button>}
        {!awaiting && open && !f.returnReceivedAt && !f.approvedAt && (
          <Button size="xs" variant="ghost" disabled={receive.isPending} onClick={() => receive.mutate(ref)} title="A parcel arrived although no return was authorised (X1)">
            Parcel arrived unannounced
          </Button>
        )}
        {claim.status === "inspecting" && <Button size="xs" onClick={() => setDialog("inspection")}>Record inspection</Button>}
      </div>
      <ReturnShippedDialog claim={ref} carriers={state.rules.returnCarriers?.allowed ?? null} open={dialog === "shipped"} onClose={() => setDialog(null)} />
      <InspectionDialog claim={ref} caps={deductionCaps(doc, claim.reason)} open={dialog === "inspection"} onClose={() => setDialog(null)} />
    </div>
  );
}
