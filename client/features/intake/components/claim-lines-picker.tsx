import { Checkbox } from "@/components/ui/checkbox.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table.tsx";
import { formatCents } from "@/lib/format.ts";
import type { FoundOrder } from "./order-search.tsx";

/** The order's lines: tick what the customer claims and how many; lines already fully claimed are shown but locked. */
export function ClaimLinesPicker({
  order,
  picked,
  onChange,
  errors,
}: {
  order: FoundOrder;
  picked: Record<number, number>;
  onChange: (next: Record<number, number>) => void;
  errors: Record<string, string>;
}) {
  const toggle = (id: number, on: boolean) => {
    const next = { ...picked };
    if (on) next[id] = 1;
    else delete next[id];
    onChange(next);
  };
  return (
    <div className="overflow-x-auto rounded-md border">
      <Table aria-label="Order lines">
        <TableHeader>
          <TableRow>
            <TableHead className="w-10">
              <span className="sr-only">Claim</span>
            </TableHead>
            <TableHead>Item</TableHead>
            <TableHead className="text-right">Price</TableHead>
            <TableHead className="text-right">Bought</TableHead>
            <TableHead className="w-32 text-right">Claimed</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {order.lines.map((line) => {
            const on = picked[line.id] !== undefined;
            const error = errors[`line-${line.id}`];
            const checkId = `line-${line.id}-pick`;
            const qtyId = `line-${line.id}-qty`;
            return (
              <TableRow key={line.id} data-state={on ? "selected" : undefined}>
                <TableCell>
                  <Checkbox id={checkId} checked={on} disabled={line.claimable === 0 && !on} onCheckedChange={(v) => toggle(line.id, v === true)} aria-label={`Claim ${line.name}`} />
                </TableCell>
                <TableCell>
                  <label htmlFor={checkId} className="font-medium">
                    {line.name}
                  </label>
                  <span className="block text-xs text-muted-foreground">
                    {line.sku}
                    {line.claimable < line.quantity && ` · ${line.quantity - line.claimable} already on open claims`}
                  </span>
                  {error && (
                    <p id={`${qtyId}-error`} className="text-xs text-destructive">
                      {error}
                    </p>
                  )}
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatCents(line.unitPriceCents, order.currency)}</TableCell>
                <TableCell className="text-right tabular-nums">{line.quantity}</TableCell>
                <TableCell className="text-right">
                  <Input
                    id={qtyId}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={line.claimable}
                    disabled={!on}
                    value={on ? picked[line.id] : ""}
                    onChange={(e) => onChange({ ...picked, [line.id]: Number(e.target.value) })}
                    className="ml-auto h-8 w-20 text-right tabular-nums"
                    aria-label={`Quantity of ${line.name} claimed (at most ${line.claimable})`}
                    aria-invalid={!!error}
                    aria-describedby={error ? `${qtyId}-error` : undefined}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
