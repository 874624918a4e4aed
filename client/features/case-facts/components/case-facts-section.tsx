import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { RepairPause } from "@shared/policy/index.ts";
import { claimReasonLabels, destinationLabel, goodsConditionLabels, packagingSeverityLabels, voidCauseLabels } from "@shared/schemas/case-facts.ts";
import { editableStatuses } from "@shared/schemas/resolution.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { Skeleton } from "@/components/ui/skeleton.tsx";
import type { ClaimPageProps } from "@/features/claims/components/claim-page-props.ts";
import { formatCents } from "@/lib/format.ts";
import { trpc } from "@/lib/trpc.ts";
import { ChangeReasonDialog, ComplexDialog, DestinationDialog, PackagingDialog } from "./case-dialogs.tsx";
import { FactRow } from "./fact-dialog.tsx";
import { AdvancedFreightDialog, PrepaidLabelDialog } from "./freight-dialogs.tsx";
import { GoodsConditionDialog } from "./goods-condition-dialog.tsx";
import { RemovePauseButton } from "./remove-pause-button.tsx";
import { RepairPauseDialog } from "./repair-pause-dialog.tsx";
import { VoidCausesDialog, type VoidLine } from "./void-causes-dialog.tsx";

// Pause days are stored as UTC midnights: format them in UTC so no time zone moves them a day.
const dayText = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const days = (p: RepairPause) => Math.round((Date.parse(p.backAt) - Date.parse(p.leftAt)) / 86_400_000);
const none = <span className="text-muted-foreground">Not recorded</span>;

type Dialog = "reason" | "complex" | "packaging" | "condition" | "destination" | "freight" | "label" | "pause" | null;

/** C4's breaches in words, or that the goods are returnable. */
function conditionText(c: { used: boolean; tested: boolean; programmed: boolean; packagingIntact: boolean }): string {
  const breaches = [c.used && goodsConditionLabels.used, c.tested && goodsConditionLabels.tested, c.programmed && goodsConditionLabels.programmed, !c.packagingIntact && "Packaging or accessories not intact"].filter(Boolean);
  return breaches.length ? breaches.join(", ") : "Unused, untested, unprogrammed, packaging intact";
}

/** Facts of the case the policy reads that a person records (issue 14): only the ones this store's policy uses. */
export function CaseFactsSection({ claim, evaluation }: ClaimPageProps) {
  const query = useQuery(trpc.caseFacts.getCaseFacts.queryOptions({ number: claim.number }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [pauseEdit, setPauseEdit] = useState<{ index: number; pause: RepairPause } | undefined>();
  const [voidLine, setVoidLine] = useState<VoidLine | null>(null);
  const data = query.data;
  if (!data) return <Card className="p-4"><Skeleton className="h-24 w-full" aria-label="Loading case facts" /></Card>;

  const ref = { number: claim.number, version: claim.version };
  const f = data.facts;
  const s = data.store;
  const editable = editableStatuses.includes(claim.status);
  const close = () => { setDialog(null); setPauseEdit(undefined); };
  // The accessible name starts with the visible word (WCAG 2.5.3), then says what it changes.
  const edit = (label: string, open: () => void, what: string) =>
    editable ? <Button size="xs" variant="outline" onClick={open} aria-label={`${label} ${what}`}>{label}</Button> : undefined;
  const voidLines = data.lines.filter((l) => l.applicableCauses.length > 0 || l.voidCauses.length > 0);
  const pauses = f.repairPauses ?? [];
  const counts = (p: RepairPause) => !s.warranty?.pausesNeedTracking || (!!p.leftTracking && !!p.backTracking);
  const showPackaging = s.packagingSeverity && (data.reason === "packaging_damage" || f.packagingSeverity !== undefined);
  const decision = evaluation?.decision;

  return (
    <Card id="case-facts" className="gap-0 py-3" aria-labelledby="case-facts-title">
      <CardHeader className="px-4 pb-2"><CardTitle id="case-facts-title" className="text-sm">Case facts</CardTitle></CardHeader>
      <CardContent className="grid px-0">
        <FactRow label="Reason" action={edit("Change", () => setDialog("reason"), "reason")}>{claimReasonLabels[data.reason]}</FactRow>

        {voidLines.length > 0 && (
          <FactRow label="Void causes">
            <ul className="grid gap-1.5">
              {voidLines.map((l) => (
                <li key={l.id} className="flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    <span className="font-medium">{l.name}</span> <span className="font-mono text-xs text-muted-foreground">{l.sku}</span>
                    <div className="text-xs">{l.voidCauses.length ? l.voidCauses.map((c) => voidCauseLabels[c]).join(", ") : <span className="text-muted-foreground">None found</span>}</div>
                    {l.voidNote && <div className="text-xs text-muted-foreground">“{l.voidNote}”</div>}
                  </div>
                  {edit("Edit", () => setVoidLine(l), `void causes of ${l.name}`)}
                </li>
              ))}
            </ul>
          </FactRow>
        )}

        {s.warranty && (
          <FactRow label="Repair pauses" action={edit("Add", () => setDialog("pause"), "repair pause")}>
            {pauses.length === 0 ? <span className="text-muted-foreground">None recorded</span> : (
              <ul className="grid gap-1.5">
                {pauses.map((p, i) => (
                  <li key={`${p.leftAt}-${i}`} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
                    <span className="tabular-nums">{dayText(p.leftAt)} → {dayText(p.backAt)}</span>
                    <span className="text-xs text-muted-foreground">{days(p)} days</span>
                    {counts(p) ? <Badge variant="success">Extends the warranty</Badge> : <Badge variant="warning">Extends nothing: tracking missing</Badge>}
                    <span className="w-full text-xs text-muted-foreground">
                      To repair: {p.leftTracking ?? "no tracking"} · Back: {p.backTracking ?? "no tracking"}
                    </span>
                    {editable && (
                      <span className="flex gap-1.5">
                        <Button size="xs" variant="ghost" onClick={() => { setPauseEdit({ index: i, pause: p }); setDialog("pause"); }} aria-label={`Correct pause from ${dayText(p.leftAt)}`}>Correct</Button>
                        <RemovePauseButton claim={ref} index={i} label={dayText(p.leftAt)} />
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {decision?.warrantyEndsAt && (
              <p className="mt-1 text-xs">
                Warranty ends <strong className="tabular-nums">{dayText(decision.warrantyEndsAt)}</strong>
                {pauses.some(counts) && ` (with ${pauses.filter(counts).reduce((n, p) => n + days(p), 0)} days of repair pauses)`}
                {s.warranty.pausesNeedTracking && ` · ${s.warranty.pauseClause ?? "L9"}: a pause counts only with both tracking numbers.`}
              </p>
            )}
          </FactRow>
        )}

        {showPackaging && (
          <FactRow label="Packaging damage" action={edit(f.packagingSeverity ? "Change" : "Record", () => setDialog("packaging"), "packaging damage severity")}>
            {f.packagingSeverity ? packagingSeverityLabels[f.packagingSeverity] : <Badge variant="warning">Severity not recorded: the policy waits for it</Badge>}
            {f.notes?.packagingSeverityNote && <div className="text-xs text-muted-foreground">“{f.notes.packagingSeverityNote}”</div>}
          </FactRow>
        )}

        {s.conditionClause && (
          <FactRow label="Goods' condition" action={edit(f.condition ? "Change" : "Record", () => setDialog("condition"), "goods' condition")}>
            {f.condition ? conditionText(f.condition) : <span className="text-muted-foreground">Not recorded: needed before the RMA ({s.conditionClause})</span>}
            {f.notes?.goodsConditionNote && <div className="text-xs text-muted-foreground">“{f.notes.goodsConditionNote}”</div>}
          </FactRow>
        )}

        {s.complexClause && (
          <FactRow label="Complex case" action={edit(f.complex ? "Unmark" : "Mark complex", () => setDialog("complex"), "case")}>
            {f.complex ? <>Yes: review in 5 working days ({s.complexClause})</> : <span className="text-muted-foreground">No: review in 2 working days</span>}
            {f.complex && f.notes?.complexReason && <div className="text-xs text-muted-foreground">“{f.notes.complexReason}”</div>}
          </FactRow>
        )}

        {s.advancedFreightClause && (
          <>
            <FactRow label="Advanced freight" action={edit(f.customerAdvancedFreight ? "Change" : "Record", () => setDialog("freight"), "freight the customer advanced")}>
              {f.customerAdvancedFreight && f.advancedFreightCents !== undefined ? (
                <>{formatCents(f.advancedFreightCents, claim.order.currency)} <span className="text-xs text-muted-foreground">invoice {f.notes?.advancedFreightInvoice ?? "—"}</span></>
              ) : none}
            </FactRow>
            <FactRow label="Prepaid label" action={edit(f.prepaidLabel ? "Change" : "Record", () => setDialog("label"), "prepaid return label")}>
              {f.prepaidLabel ? <span className="font-mono text-xs">{f.prepaidLabel}</span> : none}
            </FactRow>
          </>
        )}

        {s.returnDestination && (
          <FactRow label="Return to" action={edit("Route", () => setDialog("destination"), "the return")}>
            {destinationLabel(f.returnDestination ?? s.returnDestination.default)}
            {!f.returnDestination && <span className="text-xs text-muted-foreground"> (store default, {s.returnDestination.clause})</span>}
            {f.notes?.returnDestinationNote && <div className="text-xs text-muted-foreground">“{f.notes.returnDestinationNote}”</div>}
          </FactRow>
        )}
      </CardContent>

      {dialog === "reason" && <ChangeReasonDialog claim={ref} open onClose={close} current={data.reason} reasons={s.reasons} />}
      {dialog === "complex" && s.complexClause && <ComplexDialog claim={ref} open onClose={close} complex={f.complex === true} clause={s.complexClause} />}
      {dialog === "condition" && s.conditionClause && <GoodsConditionDialog claim={ref} open onClose={close} current={f.condition} clause={s.conditionClause} />}
      {dialog === "packaging" && <PackagingDialog claim={ref} open onClose={close} current={f.packagingSeverity} />}
      {dialog === "destination" && s.returnDestination && (
        <DestinationDialog claim={ref} open onClose={close} current={f.returnDestination ?? s.returnDestination.default} destinations={[s.returnDestination.default, ...s.returnDestination.alternatives]} />
      )}
      {dialog === "freight" && <AdvancedFreightDialog claim={ref} open onClose={close} current={{ amountCents: f.advancedFreightCents, invoiceReference: f.notes?.advancedFreightInvoice }} />}
      {dialog === "label" && <PrepaidLabelDialog claim={ref} open onClose={close} current={f.prepaidLabel} />}
      {dialog === "pause" && <RepairPauseDialog claim={ref} open onClose={close} edit={pauseEdit} needsTracking={s.warranty?.pausesNeedTracking ?? false} />}
      <VoidCausesDialog claim={ref} line={voidLine} onClose={() => setVoidLine(null)} />
    </Card>
  );
}
