import { Badge } from "@/components/ui/badge.tsx";
import { formatCents } from "@/lib/format.ts";
import type { useRefundPreview } from "../hooks/use-refund-preview.ts";

type Preview = NonNullable<ReturnType<typeof useRefundPreview>>;

/** The graded refund as the engine computes it for the line being edited (live, in the browser). */
export function RefundPreview({ preview, currency }: { preview: Preview; currency: string }) {
  if (!preview.offersGradedRefund) return <span className="text-xs text-muted-foreground">No graded refund in this case</span>;
  const depends = preview.findings.find((f) => f.code === "grade_depends");
  const pending = preview.findings.find((f) => f.code === "grade_pending");
  const capped = preview.findings.some((f) => f.code === "refund_cap");
  return (
    <div className="flex items-center gap-2 text-sm" aria-live="polite">
      <span className="text-muted-foreground">Graded refund</span>
      {preview.lineCents !== undefined ? (
        <span className="font-semibold tabular-nums" data-testid="line-refund-preview">{formatCents(preview.lineCents, currency)}</span>
      ) : (
        <span className="text-muted-foreground">{depends ? "set by you (Depends)" : pending ? (pending.message ?? "waiting for the grade") : "—"}</span>
      )}
      {capped && <Badge variant="warning" title="Capped at what the line paid (G, X2)">capped at paid</Badge>}
    </div>
  );
}
