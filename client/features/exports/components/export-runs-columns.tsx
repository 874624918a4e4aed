import { createDataTableColumnHelper } from "@/components/data-table/data-table-features.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { formatDateTime, humanize } from "@/lib/format.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";

export type ExportRunRow = RouterOutputs["exports"]["listExportRuns"]["rows"][number];

const col = createDataTableColumnHelper<ExportRunRow>();
const tone = { done: "success", running: "info", cancelled: "muted", failed: "destructive" } as const;

/** "store: kinetic, atelier · status: new" from the stored filters, so a reviewer sees what left the building. */
export function describeFilters(filters: Record<string, unknown>): string {
  const parts = Object.entries(filters)
    .filter(([, v]) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${humanize(k).toLowerCase()}: ${Array.isArray(v) ? v.join(", ") : String(v)}`);
  return parts.length ? parts.join(" · ") : "everything in scope";
}

function duration(run: ExportRunRow): string {
  if (!run.finishedAt) return "—";
  const s = (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000;
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export const exportRunColumns = col.columns([
  col.accessor("startedAt", {
    header: "Started",
    enableSorting: false,
    cell: ({ getValue }) => <time dateTime={getValue().toISOString()} className="whitespace-nowrap tabular-nums text-muted-foreground">{formatDateTime(getValue())}</time>,
    meta: { label: "Started", width: 150 },
  }),
  col.accessor("userName", { header: "By", enableSorting: false, cell: ({ getValue }) => getValue() ?? "Scheduled job", meta: { label: "By", width: 150 } }),
  col.accessor("dataset", {
    header: "Export",
    enableSorting: false,
    cell: ({ row }) => (
      <span className="whitespace-nowrap">
        {humanize(row.original.dataset)} <span className="font-mono text-xs text-muted-foreground uppercase">{row.original.format}</span>
      </span>
    ),
    meta: { label: "Export", width: 150 },
  }),
  col.accessor("filters", {
    header: "Filters",
    enableSorting: false,
    cell: ({ getValue }) => {
      const text = describeFilters(getValue());
      return <span className="line-clamp-1 text-muted-foreground" title={text}>{text}</span>;
    },
    meta: { label: "Filters" },
  }),
  col.accessor("rowCount", {
    header: "Rows",
    enableSorting: false,
    cell: ({ getValue }) => <span className="block text-right tabular-nums">{getValue().toLocaleString()}</span>,
    meta: { label: "Rows", width: 90 },
  }),
  col.accessor("status", {
    header: "Status",
    enableSorting: false,
    cell: ({ getValue }) => <Badge variant={tone[getValue()]}>{humanize(getValue())}</Badge>,
    meta: { label: "Status", width: 100 },
  }),
  col.display({ id: "duration", header: "Took", cell: ({ row }) => <span className="whitespace-nowrap tabular-nums text-muted-foreground">{duration(row.original)}</span>, meta: { label: "Took", width: 90 } }),
]);
