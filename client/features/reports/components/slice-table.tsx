import type { ReactNode } from "react";
import { Link } from "react-router";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table.tsx";

export type SliceColumn<T> = { header: string; cell: (row: T) => ReactNode; numeric?: boolean };

/** The table behind a chart: one row per slice, its first cell linking into the queue filtered to that slice. */
export function SliceTable<T>({ caption, rows, columns, link, rowKey, scroll = true }: { caption: string; rows: T[]; columns: SliceColumn<T>[]; link?: (row: T) => string | undefined; rowKey: (row: T) => string; scroll?: boolean }) {
  if (!rows.length) return <p className="py-8 text-center text-sm text-muted-foreground">Nothing in this range.</p>;
  return (
    <Table containerClassName={scroll ? "max-h-72" : undefined}>
      <caption className="sr-only">{caption}</caption>
      <TableHeader>
        <TableRow>
          {columns.map((c) => (
            <TableHead key={c.header} className={c.numeric ? "text-right" : undefined}>{c.header}</TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)}>
            {columns.map((c, i) => {
              const href = i === 0 ? link?.(row) : undefined;
              return (
                <TableCell key={c.header} className={c.numeric ? "text-right tabular-nums" : undefined}>
                  {href ? <Link to={href} className="font-medium underline decoration-muted-foreground/40 underline-offset-4 outline-none hover:decoration-foreground focus-visible:ring-2 focus-visible:ring-ring rounded-sm">{c.cell(row)}</Link> : c.cell(row)}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
