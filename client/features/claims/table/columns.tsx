import { Link } from "react-router";
import { createDataTableColumnHelper } from "@/components/data-table/data-table-features.ts";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header.tsx";
import { createSelectColumn } from "@/components/data-table/data-table-select-column.tsx";
import { formatDate, humanize } from "@/lib/format.ts";
import { paths } from "@/lib/paths.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";
import { ClaimStatusBadge } from "../components/claim-status-badge.tsx";
import { DueLabel } from "../components/due-label.tsx";
import { PriorityLabel } from "../components/priority-badge.tsx";

export type QueueRow = RouterOutputs["claims"]["listClaims"]["rows"][number];

const col = createDataTableColumnHelper<QueueRow>();

/** Column ids double as server sort keys where sortable. */
export const makeQueueColumns = (storeNames: Record<string, string>) =>
  col.columns([
    createSelectColumn<QueueRow>({ getRowLabel: (r) => r.number }),
    col.accessor("number", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Claim" />,
      cell: ({ row }) => (
        <Link to={paths.claim(row.original.number)} className="font-medium tabular-nums hover:underline" tabIndex={-1}>
          {row.original.number}
        </Link>
      ),
      enableHiding: false,
      meta: { label: "Claim", width: 112 },
    }),
    col.accessor("storeId", {
      id: "store",
      header: ({ column }) => <DataTableColumnHeader column={column} title="Store" />,
      cell: ({ getValue }) => <span className="text-muted-foreground">{storeNames[getValue()] ?? getValue()}</span>,
      meta: { label: "Store", width: 130 },
    }),
    col.accessor("customerName", {
      id: "customer",
      header: "Customer",
      enableSorting: false,
      cell: ({ row }) => (
        <div className="max-w-48 truncate" title={row.original.customerEmail}>
          {row.original.customerName}
        </div>
      ),
      meta: { label: "Customer" },
    }),
    col.accessor("customerEmail", {
      id: "email",
      header: "E-mail",
      enableSorting: false,
      cell: ({ getValue }) => <div className="max-w-56 truncate text-muted-foreground">{getValue()}</div>,
      meta: { label: "E-mail" },
    }),
    col.accessor("orderNumber", {
      id: "order",
      header: "Order",
      enableSorting: false,
      cell: ({ getValue }) => <span className="tabular-nums text-muted-foreground">{getValue()}</span>,
      meta: { label: "Order" },
    }),
    col.accessor("reason", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Reason" />,
      cell: ({ getValue }) => humanize(getValue()),
      meta: { label: "Reason" },
    }),
    col.accessor("status", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Status" />,
      cell: ({ getValue }) => <ClaimStatusBadge status={getValue()} />,
      meta: { label: "Status" },
    }),
    col.accessor("priority", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Priority" />,
      cell: ({ getValue }) => <PriorityLabel priority={getValue()} />,
      meta: { label: "Priority", width: 100 },
    }),
    col.accessor("assigneeName", {
      id: "assignee",
      header: "Assignee",
      enableSorting: false,
      cell: ({ getValue }) => getValue() ?? <span className="text-muted-foreground">Unassigned</span>,
      meta: { label: "Assignee" },
    }),
    col.accessor("dueAt", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Due" />,
      cell: ({ getValue }) => <DueLabel dueAt={getValue()} />,
      meta: { label: "Due", width: 140 },
    }),
    col.accessor("createdAt", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Opened" />,
      cell: ({ getValue }) => <span className="tabular-nums text-muted-foreground">{formatDate(getValue())}</span>,
      meta: { label: "Opened", width: 110 },
    }),
    col.accessor("updatedAt", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Updated" />,
      cell: ({ getValue }) => <span className="tabular-nums text-muted-foreground">{formatDate(getValue())}</span>,
      meta: { label: "Updated", width: 110 },
    }),
  ]);

export const defaultHiddenColumns = { order: false, email: false, updatedAt: false };
