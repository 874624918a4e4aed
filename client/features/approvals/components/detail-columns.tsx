import { Ban, Check, Info, TriangleAlert, X } from "lucide-react";
import type { ReactNode } from "react";
import type { Decision } from "@shared/policy/index.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { formatCents, humanize } from "@/lib/format.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";

type Detail = RouterOutputs["approvals"]["getApproval"];

function Column({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="min-w-0">
      <h3 className="mb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">{title}</h3>
      {children}
    </section>
  );
}

/** Each line's grade (and why, for Depends) next to what this refund puts on it and what the line already had (X2). */
export function GradingColumn({ lines, split, currency }: { lines: Detail["lines"]; split: Detail["split"]; currency: string }) {
  return (
    <Column title="Grading">
      <ul className="grid gap-3 text-sm">
        {lines.map((l) => {
          const share = split.find((s) => s.sku === l.sku);
          return (
            <li key={l.id} className="grid gap-0.5">
              <div className="font-medium">{l.name}</div>
              <div className="text-xs text-muted-foreground tabular-nums">{l.sku} · {l.quantity} × {formatCents(l.unitPriceCents, currency)}</div>
              <div className="flex flex-wrap gap-1">
                <Badge variant={l.grade ? "secondary" : "muted"}>{l.grade ? `Grade ${l.grade}` : "Not graded"}</Badge>
                {l.issueType && <Badge variant="outline">{humanize(l.issueType)}</Badge>}
                {l.partType && <Badge variant="outline">{humanize(l.partType)}</Badge>}
                {l.failureCause && <Badge variant="outline">{humanize(l.failureCause)}</Badge>}
              </div>
              {l.gradeReason && <p className="text-xs">“{l.gradeReason}”</p>}
              {share && (
                <p className="text-xs text-muted-foreground tabular-nums">
                  This refund {formatCents(share.amountCents, currency)} · earlier {formatCents(share.otherRefundsCents, currency)} · line paid {formatCents(share.linePaidCents, currency)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </Column>
  );
}

export function EvidenceColumn({ required, items }: { required: Decision["evidence"]; items: Detail["evidence"] }) {
  return (
    <Column title="Evidence">
      {required.length > 0 && (
        <ul className="mb-2 grid gap-1 text-sm">
          {required.map((e) => {
            const ok = e.provided >= e.required;
            const Icon = ok ? Check : X;
            return (
              <li key={e.kind} className="flex items-center gap-2">
                <Icon className={`size-3.5 ${ok ? "text-success" : "text-destructive"}`} aria-label={ok ? "Provided" : "Missing"} />
                <span>{humanize(e.kind)}</span>
                <span className="ml-auto text-xs text-muted-foreground tabular-nums">{e.provided} of {e.required}</span>
              </li>
            );
          })}
        </ul>
      )}
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">No evidence on file.</p>
      ) : (
        <ul className="grid gap-1 text-xs text-muted-foreground">
          {items.map((i) => <li key={i.id}>{humanize(i.kind)}{i.fileName ? ` · ${i.fileName}` : ""}{i.note ? ` · ${i.note}` : ""}</li>)}
        </ul>
      )}
    </Column>
  );
}

const icons = { block: Ban, warn: TriangleAlert, info: Info } as const;
const tones = { block: "text-destructive", warn: "text-warning", info: "text-muted-foreground" } as const;
const verdict = { eligible: "success", needs_review: "warning", ineligible: "destructive" } as const;

export function FindingsColumn({ decision }: { decision: Decision }) {
  return (
    <Column title="Policy">
      <Badge variant={verdict[decision.eligibility]} className="mb-2">{humanize(decision.eligibility)}</Badge>
      {decision.findings.length === 0 ? (
        <p className="text-sm text-muted-foreground">No findings.</p>
      ) : (
        <ul className="grid gap-1.5 text-sm">
          {decision.findings.map((f, i) => {
            const Icon = icons[f.severity];
            return (
              <li key={`${f.code}-${i}`} className="flex items-start gap-2">
                <Icon className={`mt-0.5 size-3.5 shrink-0 ${tones[f.severity]}`} aria-label={f.severity} />
                <span className="min-w-0 flex-1">{humanize(f.code)}{f.message ? <span className="text-muted-foreground"> · {f.message}</span> : null}</span>
                <Badge variant="outline" className="font-mono">{f.clause}</Badge>
              </li>
            );
          })}
        </ul>
      )}
    </Column>
  );
}
