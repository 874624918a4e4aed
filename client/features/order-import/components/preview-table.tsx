import { Badge, type BadgeVariant } from "@/components/ui/badge.tsx";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table.tsx";
import { formatCents } from "@/lib/format.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";

type Row = RouterOutputs["orderImport"]["previewOrderImport"]["rows"][number];
const statusBadge: Record<Row["status"], { label: string; variant: BadgeVariant }> = {
  create: { label: "New order", variant: "success" },
  update: { label: "Updates order", variant: "info" },
  invalid: { label: "Invalid", variant: "destructive" },
  skipped: { label: "Order has errors", variant: "warning" },
};
/** Enough to find every problem; the rest only repeats what the summary counts. */
const shownRows = 1000;

export function ImportPreviewTable({ rows, onlyProblems }: { rows: Row[]; onlyProblems: boolean }) {
  const visible = (onlyProblems ? rows.filter((r) => r.status === "invalid" || r.status === "skipped") : rows).slice(0, shownRows);
  return (
    <div className="grid gap-2">
      <Table aria-label="Import preview" containerClassName="max-h-[28rem] rounded-md border">
        <TableHeader className="sticky top-0 z-10 bg-card">
          <TableRow>
            <TableHead className="w-16 pl-3 text-right">Row</TableHead>
            <TableHead>Order</TableHead>
            <TableHead>SKU</TableHead>
            <TableHead>Product</TableHead>
            <TableHead className="text-right">Unit price</TableHead>
            <TableHead className="text-right">Qty</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="pr-3">Problems</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {visible.map((r) => (
            <TableRow key={r.row} data-status={r.status} aria-invalid={r.status === "invalid" || undefined}>
              <TableCell className="pl-3 text-right font-mono text-xs tabular-nums">{r.row}</TableCell>
              <TableCell className="font-mono text-xs">{r.orderNumber || "—"}</TableCell>
              <TableCell className="font-mono text-xs">{r.sku || "—"}</TableCell>
              <TableCell className="max-w-48 truncate">{r.name || "—"}</TableCell>
              <TableCell className="text-right tabular-nums">{r.unitPriceCents === null ? "—" : formatCents(r.unitPriceCents)}</TableCell>
              <TableCell className="text-right tabular-nums">{r.quantity ?? "—"}</TableCell>
              <TableCell>
                <Badge variant={statusBadge[r.status].variant}>{statusBadge[r.status].label}</Badge>
              </TableCell>
              <TableCell className="pr-3 text-xs whitespace-normal">
                {r.issues.length > 0 && (
                  <ul className="grid gap-0.5 text-destructive">
                    {r.issues.map((i, n) => (
                      <li key={n}>
                        Row {i.row}, <span className="font-mono">{i.column}</span>: {i.message}
                      </li>
                    ))}
                  </ul>
                )}
                {r.status === "skipped" && <span className="text-muted-foreground">Another row of this order is invalid.</span>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {visible.length === shownRows && <p className="text-xs text-muted-foreground">Showing the first {shownRows} rows.</p>}
    </div>
  );
}
