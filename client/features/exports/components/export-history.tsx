import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { DataTable } from "@/components/data-table/data-table.tsx";
import { DataTableEmpty } from "@/components/data-table/data-table-message.tsx";
import { urlPagination } from "@/components/data-table/url-pagination.ts";
import { trpc } from "@/lib/trpc.ts";
import { exportRunColumns } from "./export-runs-columns.tsx";

const PAGE_SIZE = 25;

/** Every export anyone ran (who, when, what, which filters, how many rows), newest first. */
export function ExportHistory() {
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number.parseInt(search.get("page") ?? "1", 10) || 1);
  const query = useQuery({ ...trpc.exports.listExportRuns.queryOptions({ page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  const total = query.data?.total;
  return (
    <div className="flex flex-col gap-3 p-4 lg:p-6">
      <div className="flex items-baseline justify-between gap-4">
        <div>
          <h1 className="text-lg font-semibold tracking-tight">Export history</h1>
          <p className="text-sm text-muted-foreground">Every download and scheduled report: who ran it, with which filters, and how many rows left.</p>
        </div>
        <p className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
          {total === undefined ? "" : `${total.toLocaleString()} export${total === 1 ? "" : "s"}`}
        </p>
      </div>
      <DataTable
        aria-label="Export history"
        columns={exportRunColumns}
        data={query.data?.rows}
        rowCount={total}
        getRowId={(r) => String(r.id)}
        {...urlPagination(page, PAGE_SIZE, (next) => setSearch(next.page > 1 ? { page: String(next.page) } : {}))}
        pageSizeOptions={[PAGE_SIZE]}
        isLoading={query.isPending}
        isFetching={query.isFetching}
        isError={query.isError}
        onRetry={() => void query.refetch()}
        emptyState={<DataTableEmpty title="No exports yet" description="Downloads from the queue's Export menu and the daily refunds report show up here." />}
      />
    </div>
  );
}
