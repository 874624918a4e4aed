import type { MoneyReport } from "@shared/schemas/reports.ts";
import { formatCents } from "@/lib/format.ts";
import { SliceTable, type SliceColumn } from "./slice-table.tsx";

// Apart from the charts (money-cards.tsx), so the detail tables render without waiting for recharts.
export type Sums = Omit<MoneyReport["byStore"][number], "storeId">;

export const sumColumns = <T extends Sums>(first: SliceColumn<T>): SliceColumn<T>[] => [
  first,
  { header: "Approved", cell: (r) => r.approvedCount, numeric: true },
  { header: "Approved sum", cell: (r) => formatCents(r.approvedCents), numeric: true },
  { header: "Paid", cell: (r) => r.executedCount, numeric: true },
  { header: "Paid sum", cell: (r) => formatCents(r.executedCents), numeric: true },
];

export function SumsTable<T extends Sums>({ caption, rows, first, rowKey }: { caption: string; rows: T[]; first: SliceColumn<T>; rowKey: (r: T) => string }) {
  return <SliceTable caption={caption} rows={rows} rowKey={rowKey} columns={sumColumns(first)} scroll={false} />;
}
