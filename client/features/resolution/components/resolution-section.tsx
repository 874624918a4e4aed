import { useState, type ReactNode } from "react";
import type { PolicyDocument } from "@shared/policy/index.ts";
import { claimActions } from "@shared/workflow/machine.ts";
import { closedStatuses } from "@shared/workflow/statuses.ts";
import { Button } from "@/components/ui/button.tsx";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import type { ClaimPageProps } from "@/features/claims/components/claim-page-props.ts";
import { useResolution } from "../hooks/use-resolution.ts";
import { AmountsDialog, type AmountField } from "./amounts-dialog.tsx";
import { CarrierRecoveryPanel } from "./carrier-recovery-panel.tsx";
import { ExceptionBadge } from "./exception-badge.tsx";
import { ExceptionDialog } from "./exception-dialog.tsx";
import { OptionsTable } from "./options-table.tsx";
import { RefundProposalDialog, type ProposalMode } from "./refund-proposal-dialog.tsx";
import { RefundsList } from "./refunds-list.tsx";
import { ReplacementDialog } from "./replacement-dialog.tsx";
import { ReturnPanel } from "./return-panel.tsx";
import { ShipmentsList } from "./shipments-list.tsx";

function Part({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section aria-label={title} className="grid gap-2 border-t py-3 first:border-t-0 first:pt-0">
      <div className="flex items-center justify-between gap-2 px-4">
        <h3 className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{title}</h3>
        {action}
      </div>
      {children}
    </section>
  );
}

/** C5/C6 amounts the agent looks up for this reason's options. */
function amountFields(doc: PolicyDocument | undefined, reason: string): AmountField[] {
  const types = new Set((doc?.cases ?? []).filter((c) => c.reasons.includes(reason as never)).flatMap((c) => c.options.map((o) => o.amount.type)));
  return [
    ...(types.has("price_difference_share") ? (["receivedItemValueCents"] as const) : []),
    ...(types.has("paid_less_costs") ? (["purchaseCostCents", "exportPostageCents"] as const) : []),
  ];
}

/** Choosing and carrying out a resolution: options with amounts, refund proposals, returns, shipments, carrier claims. */
export function ResolutionSection(props: ClaimPageProps) {
  const { claim, evaluation } = props;
  const r = useResolution(props);
  const [proposal, setProposal] = useState<ProposalMode | null>(null);
  const [dialog, setDialog] = useState<"exception" | "amounts" | "ship" | null>(null);
  const state = r.state;
  const ref = { number: claim.number, version: claim.version };
  const currency = claim.order.currency;

  if (!state || !evaluation) {
    return (
      <Card id="resolution" className="gap-3 p-4"><Skeleton className="h-32 w-full" aria-label="Loading resolution" /></Card>
    );
  }
  const decision = evaluation.decision;
  const open = !closedStatuses.includes(claim.status);
  const fields = amountFields(r.doc, claim.reason);
  const chosen = state.chosenResolution?.option;
  // C6: a refunded claim whose compensation still owes the right item reships it as a replacement.
  const reshipment = claim.status === "refunded" && state.reshipmentOwed;
  const shipKind = reshipment
    ? "replacement"
    : chosen === "replacement" || chosen === "exchange"
      ? chosen
      : claim.status === "inspecting" && decision.options.some((o) => o.kind === "exchange")
        ? "exchange"
        : null;
  // X9: the parcel holds the lines the shipped option covers (a line voided on its own gets nothing); a C6
  // reshipment sends the right item for every claimed line.
  const covered = reshipment ? undefined : decision.options.find((o) => o.kind === shipKind)?.lines;
  const shipParts = claim.lines.filter((l) => !covered || covered.includes(l.sku)).map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity }));
  const returnRelevant = r.can("request_return") || !!state.caseFacts.approvedAt || !!state.caseFacts.returnReceivedAt || ["awaiting_return", "inspecting"].includes(claim.status);
  const goodwill = r.isLead && (claimActions.propose_refund.from as readonly string[]).includes(claim.status);
  const paidCents = claim.lines.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0);

  return (
    <Card id="resolution" className="gap-0 py-4" aria-labelledby="resolution-title">
      <CardHeader className="flex flex-row flex-wrap items-center gap-2 px-4 pb-3">
        <CardTitle id="resolution-title" className="text-sm">Resolution</CardTitle>
        {state.exceptionReason && <ExceptionBadge reason={state.exceptionReason} by={state.exceptionByName} at={state.exceptionAt} />}
        {state.rmaNumber && <span className="font-mono text-xs text-muted-foreground">{state.rmaNumber}</span>}
        <div className="ml-auto flex flex-wrap gap-2">
          {fields.length > 0 && open && <Button size="xs" variant="outline" onClick={() => setDialog("amounts")}>Amounts</Button>}
          {goodwill && <Button size="xs" variant="outline" onClick={() => setProposal({ goodwill: true })}>Goodwill refund</Button>}
          {r.isLead && open && <Button size="xs" variant="outline" onClick={() => setDialog("exception")}>{state.exceptionReason ? "Change exception" : "Record exception"}</Button>}
        </div>
      </CardHeader>
      <CardContent className="grid px-0">
        <Part title="Options" action={shipKind && r.can("ship_replacement") ? <Button size="xs" onClick={() => setDialog("ship")}>Ship {shipKind}</Button> : undefined}>
          <OptionsTable
            claim={{ ...ref, currency }} decision={decision} canProposeGoods={r.can("propose_resolution")} canProposeRefund={r.can("propose_refund")}
            onProposeRefund={(kind) => setProposal({ option: kind, goodwill: false })}
          />
          {chosen && <p className="px-4 text-xs text-muted-foreground">Chosen resolution: {chosen}.</p>}
          {reshipment && <p className="px-4 text-xs text-muted-foreground">The compensation is paid; the right item still ships to the customer (C6).</p>}
        </Part>
        {returnRelevant && (
          <Part title="Return">
            <ReturnPanel claim={{ ...ref, status: claim.status, reason: claim.reason }} state={state} doc={r.doc} canAuthorise={r.can("request_return")} />
          </Part>
        )}
        {state.shipments.length > 0 && <Part title="Shipments"><ShipmentsList shipments={state.shipments} /></Part>}
        {state.refunds.length > 0 && <Part title="Refunds"><RefundsList refunds={state.refunds} isLead={r.isLead} options={decision.options} /></Part>}
        {state.rules.carrierRecovery && (
          <Part title="Carrier claim">
            <CarrierRecoveryPanel claim={ref} recoveries={state.recoveries} carrier={claim.order.carrier ?? ""} />
          </Part>
        )}
      </CardContent>
      <RefundProposalDialog claim={{ ...ref, currency, paidCents, lines: claim.lines }} options={decision.options} couponKinds={state.rules.couponKinds} mode={proposal} onClose={() => setProposal(null)} />
      <ExceptionDialog claim={ref} current={state.exceptionReason} open={dialog === "exception"} onClose={() => setDialog(null)} />
      {fields.length > 0 && (
        <AmountsDialog
          claim={ref} fields={fields} open={dialog === "amounts"} onClose={() => setDialog(null)}
          values={{ receivedItemValueCents: state.caseFacts.receivedItemValueCents, purchaseCostCents: state.caseFacts.purchaseCostCents, exportPostageCents: state.caseFacts.exportPostageCents }}
        />
      )}
      {shipKind && (
        <ReplacementDialog
          claim={ref} kind={shipKind} reshipment={reshipment} open={dialog === "ship"} onClose={() => setDialog(null)}
          parts={shipParts}
        />
      )}
    </Card>
  );
}
