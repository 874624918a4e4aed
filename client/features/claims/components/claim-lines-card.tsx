import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card.tsx";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table.tsx";
import { formatCents, humanize } from "@/lib/format.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";

type Claim = RouterOutputs["claims"]["getClaim"];

export function ClaimLinesCard({ claim }: { claim: Claim }) {
  return (
    <Card className="gap-3 py-4">
      <CardHeader className="px-4">
        <CardTitle className="text-sm">Claimed lines</CardTitle>
      </CardHeader>
      <CardContent className="px-0">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead className="pl-4">Item</TableHead>
              <TableHead className="text-right">Qty</TableHead>
              <TableHead className="text-right">Unit price</TableHead>
              <TableHead className="text-right">Paid</TableHead>
              <TableHead className="pr-4">Grading</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {claim.lines.map((l) => (
              <TableRow key={l.id}>
                <TableCell className="pl-4">
                  <div>{l.name}</div>
                  <div className="text-xs text-muted-foreground">{l.sku}</div>
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {l.quantity} of {l.orderedQuantity}
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatCents(l.unitPriceCents, claim.order.currency)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCents(l.unitPriceCents * l.quantity, claim.order.currency)}</TableCell>
                <TableCell className="pr-4 text-muted-foreground">
                  {l.grade ? `${humanize(l.grade)}${l.issueType ? ` · ${humanize(l.issueType)}` : ""}` : "Not graded"}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
