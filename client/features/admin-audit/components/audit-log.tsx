import { useQuery } from "@tanstack/react-query";
import { DataTable } from "@/components/data-table/data-table.tsx";
import { DataTableFacetedFilter } from "@/components/data-table/data-table-faceted-filter.tsx";
import { DataTableResetFilters, DataTableToolbar } from "@/components/data-table/data-table-toolbar.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Label } from "@/components/ui/label.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";
import { humanize } from "@/lib/format.ts";
import { trpc } from "@/lib/trpc.ts";
import { auditColumns } from "../table/columns.tsx";
import { auditActions, PAGE_SIZE, targetTypes, useAuditQuery, type AuditParams } from "../table/use-audit-query.ts";

const actionOptions = auditActions.map((a) => ({ value: a, label: humanize(a) }));
const ANY = "any";

/** Admin › Audit: every admin action, newest first, filterable by action, actor, target and dates. */
export function AuditLog() {
  const { params, setParams, query } = useAuditQuery();
  const admins = useQuery(trpc.users.listUsers.queryOptions({ filters: { role: ["admin"], active: "all" }, pageSize: 100 }));
  const filtered = params.action.length > 0 || !!params.actor || !!params.target || !!params.from || !!params.to;
  const total = query.data?.total;

  return (
    <div className="flex flex-col gap-3 p-4 lg:p-6">
      <div className="flex items-baseline justify-between gap-4">
        <h1 className="text-lg font-semibold tracking-tight">Audit log</h1>
        <p className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
          {total === undefined ? "" : `${total.toLocaleString()} event${total === 1 ? "" : "s"}`}
        </p>
      </div>
      <DataTable
        aria-label="Admin audit events"
        columns={auditColumns}
        data={query.data?.rows}
        rowCount={total}
        getRowId={(r) => String(r.id)}
        pagination={{ pageIndex: params.page - 1, pageSize: PAGE_SIZE }}
        onPaginationChange={(updater) => {
          const next = typeof updater === "function" ? updater({ pageIndex: params.page - 1, pageSize: PAGE_SIZE }) : updater;
          setParams({ page: next.pageIndex + 1 });
        }}
        pageSizeOptions={[PAGE_SIZE]}
        isLoading={query.isPending}
        isFetching={query.isFetching}
        isError={query.isError}
        onRetry={() => void query.refetch()}
        toolbar={
          <DataTableToolbar>
            <DataTableFacetedFilter title="Action" options={actionOptions} value={params.action} onValueChange={(a) => setParams({ action: a as AuditParams["action"] })} />
            <Select value={params.actor ? String(params.actor) : ANY} onValueChange={(v) => setParams({ actor: v === ANY ? null : Number(v) })}>
              <SelectTrigger size="sm" className="h-8 w-40" aria-label="Done by">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={ANY}>Any admin</SelectItem>
                {(admins.data?.rows ?? []).map((a) => (
                  <SelectItem key={a.id} value={String(a.id)}>
                    {a.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <Select value={params.target ?? ANY} onValueChange={(v) => setParams({ target: v === ANY ? null : (v as AuditParams["target"]) })}>
              <SelectTrigger size="sm" className="h-8 w-36" aria-label="Target type">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={ANY}>Any target</SelectItem>
                {targetTypes.map((t) => (
                  <SelectItem key={t} value={t}>
                    {humanize(t)}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <div className="flex items-center gap-1.5">
              <Label htmlFor="audit-from" className="text-xs text-muted-foreground">From</Label>
              <Input id="audit-from" type="date" className="h-8 w-36" value={params.from} max={params.to || undefined} onChange={(e) => setParams({ from: e.target.value })} />
              <Label htmlFor="audit-to" className="text-xs text-muted-foreground">to</Label>
              <Input id="audit-to" type="date" className="h-8 w-36" value={params.to} min={params.from || undefined} onChange={(e) => setParams({ to: e.target.value })} />
            </div>
            {filtered && <DataTableResetFilters onClick={() => setParams({ action: [], actor: null, target: null, from: "", to: "" })} />}
          </DataTableToolbar>
        }
        emptyState={<p className="p-8 text-center text-sm text-muted-foreground">{filtered ? "No admin action matches these filters." : "No admin actions yet."}</p>}
      />
    </div>
  );
}
