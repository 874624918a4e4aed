import { roleLabels } from "@shared/roles.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { createDataTableColumnHelper } from "@/components/data-table/data-table-features.ts";
import { fromNow } from "@/lib/format.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";
import { UserRowActions, type UserActions } from "../components/user-row-actions.tsx";

export type UserRow = RouterOutputs["users"]["listUsers"]["rows"][number];

const col = createDataTableColumnHelper<UserRow>();
const roleTone = { admin: "info", supervisor: "warning", agent: "muted" } as const;

/** Columns of Admin › People; the actions column calls back into the page, which owns the dialogs. */
export function userColumns(storeNames: Map<string, string>, actions: UserActions) {
  return col.columns([
    col.accessor("name", {
      header: "Person",
      enableSorting: false,
      cell: ({ row }) => (
        <div className="min-w-0">
          <div className="truncate font-medium">{row.original.name}</div>
          <div className="truncate text-xs text-muted-foreground">{row.original.email}</div>
        </div>
      ),
      meta: { label: "Person" },
    }),
    col.accessor("role", {
      header: "Role",
      enableSorting: false,
      cell: ({ getValue }) => <Badge variant={roleTone[getValue()]}>{roleLabels[getValue()]}</Badge>,
      meta: { label: "Role", width: 110 },
    }),
    col.accessor("storeIds", {
      header: "Stores",
      enableSorting: false,
      cell: ({ row }) =>
        row.original.role === "admin" ? (
          <span className="text-xs text-muted-foreground">All stores</span>
        ) : (
          <div className="flex flex-wrap gap-1">
            {row.original.storeIds.map((id) => (
              <Badge key={id} variant="outline" className="font-normal">
                {storeNames.get(id) ?? id}
              </Badge>
            ))}
          </div>
        ),
      meta: { label: "Stores" },
    }),
    col.accessor("active", {
      header: "Status",
      enableSorting: false,
      cell: ({ row }) =>
        !row.original.active ? (
          <Badge variant="destructive">Deactivated</Badge>
        ) : row.original.passwordSet ? (
          <Badge variant="success">Active</Badge>
        ) : (
          <Badge variant="warning">No password yet</Badge>
        ),
      meta: { label: "Status", width: 140 },
    }),
    col.accessor("openClaims", {
      header: "Open claims",
      enableSorting: false,
      cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
      meta: { label: "Open claims", align: "end", width: 100 },
    }),
    col.accessor("lastSeenAt", {
      header: "Last seen",
      enableSorting: false,
      cell: ({ getValue }) => {
        const v = getValue();
        return <span className="text-muted-foreground">{v ? fromNow(v) : "Never"}</span>;
      },
      meta: { label: "Last seen", width: 130 },
    }),
    col.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => <UserRowActions user={row.original} actions={actions} />,
      meta: { label: "Actions", align: "end", width: 56 },
    }),
  ]);
}
