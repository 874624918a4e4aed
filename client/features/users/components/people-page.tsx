import { useQuery } from "@tanstack/react-query";
import { Suspense, useEffect, useMemo, useState } from "react";
import { roleLabels, roles } from "@shared/roles.ts";
import { DataTable } from "@/components/data-table/data-table.tsx";
import { urlPagination } from "@/components/data-table/url-pagination.ts";
import { DataTableFacetedFilter } from "@/components/data-table/data-table-faceted-filter.tsx";
import { DataTableResetFilters, DataTableSearch, DataTableToolbar } from "@/components/data-table/data-table-toolbar.tsx";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select.tsx";
import { trpc } from "@/lib/trpc.ts";
import { userColumns, type UserRow } from "../table/columns.tsx";
import { useUsersQuery, type PeopleParams } from "../table/use-users-query.ts";
import { lazyWithPreload, useMountedOnce } from "@/lib/lazy-with-preload.ts";

// The forms and dialogs (react-hook-form, zod, ~45 KB gzip) load beside the people list, not before it, and
// mount on first use.
const CreateUserDialog = lazyWithPreload(() => import("./create-user-dialog.tsx").then((m) => m.CreateUserDialog));
const EditUserSheet = lazyWithPreload(() => import("./edit-user-sheet.tsx").then((m) => m.EditUserSheet));
const StatusDialog = lazyWithPreload(() => import("./status-dialogs.tsx").then((m) => m.StatusDialog));
const ResetPasswordDialog = lazyWithPreload(() => import("./reset-password-dialog.tsx").then((m) => m.ResetPasswordDialog));
const ResetTwoFactorDialog = lazyWithPreload(() => import("./reset-two-factor-dialog.tsx").then((m) => m.ResetTwoFactorDialog));
const preloadDialogs = () => {
  for (const dialog of [CreateUserDialog, EditUserSheet, StatusDialog, ResetPasswordDialog, ResetTwoFactorDialog]) void dialog.preload();
};

const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

/** Admin › People: who can sign in, with which role and stores, and the actions that change that. */
export function PeoplePage() {
  const { params, setParams, query } = useUsersQuery();
  const stores = useQuery(trpc.stores.listStores.queryOptions());
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [status, setStatus] = useState<UserRow | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [resettingTwoFactor, setResettingTwoFactor] = useState<UserRow | null>(null);
  const mounted = {
    editing: useMountedOnce(editing !== null),
    status: useMountedOnce(status !== null),
    resetting: useMountedOnce(resetting !== null),
    resettingTwoFactor: useMountedOnce(resettingTwoFactor !== null),
  };
  useEffect(preloadDialogs, []);
  const storeNames = useMemo(() => new Map((stores.data ?? []).map((s) => [s.id, s.name])), [stores.data]);
  const columns = useMemo(
    () => userColumns(storeNames, { edit: setEditing, resetPassword: setResetting, resetTwoFactor: setResettingTwoFactor, deactivate: setStatus, reactivate: setStatus }),
    [storeNames],
  );
  const filtered = !!params.q || params.role.length > 0 || params.store.length > 0 || params.active !== "all";
  const total = query.data?.total;

  return (
    <div className="flex flex-col gap-3 p-4 lg:p-6">
      <div className="flex items-baseline justify-between gap-4">
        <h1 className="text-lg font-semibold tracking-tight">People</h1>
        <p className="text-sm text-muted-foreground tabular-nums" aria-live="polite">
          {total === undefined ? "" : `${total} ${total === 1 ? "person" : "people"}`}
        </p>
      </div>
      <DataTable
        aria-label="People"
        columns={columns}
        data={query.data?.rows}
        rowCount={total}
        getRowId={(r) => String(r.id)}
        {...urlPagination(params.page, params.pageSize, setParams)}
        pageSizeOptions={[25, 50, 100]}
        isLoading={query.isPending}
        isFetching={query.isFetching}
        isError={query.isError}
        onRetry={() => void query.refetch()}
        getRowClassName={(r) => (r.active ? undefined : "text-muted-foreground")}
        toolbar={
          <DataTableToolbar actions={<Suspense fallback={null}><CreateUserDialog /></Suspense>}>
            <DataTableSearch value={params.q} onValueChange={(q) => setParams({ q })} placeholder="Search name or e-mail" aria-label="Search people" />
            <DataTableFacetedFilter title="Role" options={roleOptions} value={params.role} onValueChange={(role) => setParams({ role: role as PeopleParams["role"] })} />
            <DataTableFacetedFilter title="Store" options={(stores.data ?? []).map((s) => ({ value: s.id, label: s.name }))} value={params.store} onValueChange={(store) => setParams({ store })} />
            <Select value={params.active} onValueChange={(active) => setParams({ active: active as PeopleParams["active"] })}>
              <SelectTrigger size="sm" className="h-8 w-36" aria-label="Status">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="all">Any status</SelectItem>
                <SelectItem value="active">Active</SelectItem>
                <SelectItem value="inactive">Deactivated</SelectItem>
              </SelectContent>
            </Select>
            {filtered && <DataTableResetFilters onClick={() => setParams({ q: "", role: [], store: [], active: "all" })} />}
          </DataTableToolbar>
        }
        emptyState={<p className="p-8 text-center text-sm text-muted-foreground">No one matches these filters.</p>}
      />
      <Suspense fallback={null}>
        {mounted.editing && <EditUserSheet user={editing} onClose={() => setEditing(null)} />}
        {mounted.status && <StatusDialog user={status} onClose={() => setStatus(null)} />}
        {mounted.resetting && <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />}
        {mounted.resettingTwoFactor && <ResetTwoFactorDialog user={resettingTwoFactor} onClose={() => setResettingTwoFactor(null)} />}
      </Suspense>
    </div>
  );
}
