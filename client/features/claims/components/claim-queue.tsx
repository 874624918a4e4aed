import { useQuery } from "@tanstack/react-query";
import type { RowSelectionState } from "@tanstack/react-table";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useNavigate } from "react-router";
import { SEARCH_COUNT_CAP } from "@shared/schemas/claim-queue-keys.ts";
import { DataTable } from "@/components/data-table/data-table.tsx";
import { urlPagination } from "@/components/data-table/url-pagination.ts";
import { DataTableViewOptions } from "@/components/data-table/data-table-view-options.tsx";
import { paths } from "@/lib/paths.ts";
import { cn } from "@/lib/utils.ts";
import { trpc } from "@/lib/trpc.ts";
import { useStoredColumnVisibility } from "../hooks/use-column-visibility.ts";
import { useSlashToFocus } from "../hooks/use-slash-focus.ts";
import { defaultHiddenColumns, makeQueueColumns } from "../table/columns.tsx";
import { ClaimQueueToolbar } from "../table/toolbar.tsx";
import { useClaimQueueQuery } from "../table/use-claim-queue-query.ts";
import { QueueViewTabs } from "./queue-view-tabs.tsx";

type Props = {
  /** Top-right of the page, beside the count (the route puts "Take next" here). */
  headerActions?: ReactNode;
  /** Bulk actions: the selected claims with the versions shown, and a way to clear (shows itself only with a selection). */
  selectionBar?: (selection: { selected: { number: string; version: number }[]; clear: () => void }) => ReactNode;
  /** The page's claim numbers in display order, whenever they change. */
  onRowsChange?: (numbers: string[]) => void;
};

export function ClaimQueue({ headerActions, selectionBar, onRowsChange }: Props) {
  const navigate = useNavigate();
  const { params, setParams, input, list, facets } = useClaimQueueQuery();
  const stores = useQuery(trpc.stores.listStores.queryOptions());
  const assignees = useQuery(trpc.stores.listAssignees.queryOptions());
  const storeNames = useMemo(() => Object.fromEntries((stores.data ?? []).map((s) => [s.id, s.name])), [stores.data]);
  const columns = useMemo(() => makeQueueColumns(storeNames), [storeNames]);
  const [columnVisibility, setColumnVisibility] = useStoredColumnVisibility("claimdesk-queue-columns", defaultHiddenColumns);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  useSlashToFocus("[data-queue-search]");

  // A selection belongs to the rows it was made on: new filters, sort or page start from none.
  useEffect(() => setRowSelection({}), [input]);
  const rows = list.data?.rows;
  const pageNumbers = useMemo(() => (rows ?? []).map((r) => r.number), [rows]);
  useEffect(() => {
    if (rows) onRowsChange?.(pageNumbers);
  }, [rows, pageNumbers, onRowsChange]);
  const selected = useMemo(
    () => (rows ?? []).filter((r) => rowSelection[String(r.id)]).map((r) => ({ number: r.number, version: r.version })),
    [rows, rowSelection],
  );

  const total = list.data?.total;
  const capped = list.data?.totalCapped;
  return (
    // Room below the table while the floating bulk bar is up, so it never hides the last row or the pager.
    <div className={cn("flex flex-col gap-3 p-4 lg:p-6", selected.length > 0 && "pb-24 lg:pb-24")}>
      <div className="flex items-center justify-between gap-4">
        <div className="flex items-baseline gap-3">
          <h1 className="text-lg font-semibold tracking-tight">Claims</h1>
          <p className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
            {total === undefined ? "" : capped ? `${list.data!.countCap.toLocaleString()}+ claims: narrow the ${list.data!.countCap === SEARCH_COUNT_CAP ? "search" : "filters"} to see them all` : `${total.toLocaleString()} claim${total === 1 ? "" : "s"}`}
          </p>
        </div>
        {headerActions}
      </div>
      <QueueViewTabs params={params} />
      <DataTable
        columns={columns}
        data={rows}
        rowCount={total}
        getRowId={(r) => String(r.id)}
        {...urlPagination(params.page, params.pageSize, (next) => setParams(next, { keepPage: true }))}
        sorting={[{ id: params.sortBy, desc: params.sortOrder === "desc" }]}
        onSortingChange={(updater) => {
          const next = typeof updater === "function" ? updater([{ id: params.sortBy, desc: params.sortOrder === "desc" }]) : updater;
          const first = next[0];
          setParams(first ? { sortBy: first.id as typeof params.sortBy, sortOrder: first.desc ? "desc" : "asc" } : { sortBy: "dueAt", sortOrder: "asc" });
        }}
        columnVisibility={columnVisibility}
        onColumnVisibilityChange={setColumnVisibility}
        rowSelection={rowSelection}
        onRowSelectionChange={setRowSelection}
        enableRowSelection
        isLoading={list.isPending}
        isFetching={list.isFetching}
        isError={list.isError}
        onRetry={() => void list.refetch()}
        onRowClick={(row) => navigate(paths.claim(row.number))}
        getRowHref={(row) => paths.claim(row.number)}
        toolbar={(table) => (
          <ClaimQueueToolbar
            params={params}
            setParams={setParams}
            facets={facets.data}
            storeNames={storeNames}
            assignees={assignees.data ?? []}
            actions={<DataTableViewOptions table={table} />}
          />
        )}
      />
      {/* Always mounted, so what it needs about the page (versions) loads with the page, not at first selection. */}
      {selectionBar?.({ selected, clear: () => setRowSelection({}) })}
    </div>
  );
}
