import { useQuery } from "@tanstack/react-query";
import type { RowSelectionState } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { QUEUE_COUNT_CAP } from "@shared/schemas/claim-queue.ts";
import { DataTable } from "@/components/data-table/data-table.tsx";
import { DataTableViewOptions } from "@/components/data-table/data-table-view-options.tsx";
import { paths } from "@/lib/paths.ts";
import { trpc } from "@/lib/trpc.ts";
import { useStoredColumnVisibility } from "../hooks/use-column-visibility.ts";
import { useSlashToFocus } from "../hooks/use-slash-focus.ts";
import { defaultHiddenColumns, makeQueueColumns } from "../table/columns.tsx";
import { ClaimQueueToolbar } from "../table/toolbar.tsx";
import { useClaimQueueQuery } from "../table/use-claim-queue-query.ts";
import { QueueViewTabs } from "./queue-view-tabs.tsx";

export function ClaimQueue() {
  const navigate = useNavigate();
  const { params, setParams, list, facets } = useClaimQueueQuery();
  const stores = useQuery(trpc.stores.listStores.queryOptions());
  const assignees = useQuery(trpc.stores.listAssignees.queryOptions());
  const storeNames = useMemo(() => Object.fromEntries((stores.data ?? []).map((s) => [s.id, s.name])), [stores.data]);
  const columns = useMemo(() => makeQueueColumns(storeNames), [storeNames]);
  const [columnVisibility, setColumnVisibility] = useStoredColumnVisibility("claimdesk-queue-columns", defaultHiddenColumns);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  useSlashToFocus("[data-queue-search]");

  const total = list.data?.total;
  const capped = list.data?.totalCapped;
  return (
    <div className="flex flex-col gap-3 p-4 lg:p-6">
      <div className="flex items-baseline justify-between gap-4">
        <h1 className="text-lg font-semibold tracking-tight">Claims</h1>
        <p className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
          {total === undefined ? "" : capped ? `${QUEUE_COUNT_CAP.toLocaleString()}+ claims: narrow the filters to see them all` : `${total.toLocaleString()} claim${total === 1 ? "" : "s"}`}
        </p>
      </div>
      <QueueViewTabs params={params} />
      <DataTable
        columns={columns}
        data={list.data?.rows}
        rowCount={total}
        getRowId={(r) => String(r.id)}
        pagination={{ pageIndex: params.page - 1, pageSize: params.pageSize }}
        onPaginationChange={(updater) => {
          const next = typeof updater === "function" ? updater({ pageIndex: params.page - 1, pageSize: params.pageSize }) : updater;
          if (next.pageSize !== params.pageSize) setParams({ pageSize: next.pageSize as 25 | 50 | 100 });
          else setParams({ page: next.pageIndex + 1 }, { keepPage: true });
        }}
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
    </div>
  );
}
