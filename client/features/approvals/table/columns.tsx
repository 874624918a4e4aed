import { Link } from "react-router";
import { Badge } from "@/components/ui/badge.tsx";
import { createDataTableColumnHelper } from "@/components/data-table/data-table-features.ts";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header.tsx";
import { formatCents, fromNow, humanize } from "@/lib/format.ts";
import { paths } from "@/lib/paths.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";

export type ApprovalRow = RouterOutputs["approvals"]["listApprovals"]["rows"][number];

const col = createDataTableColumnHelper<ApprovalRow>();
const statusTone = { proposed: "info", approved: "warning", executed: "success", rejected: "destructive" } as const;

/** Columns of the approvals queue; `createdAt` is the one server sort (oldest proposal first by default). */
export const approvalColumns = col.columns([
  col.accessor("reference", {
    header: "Refund",
    enableSorting: false,
    cell: ({ row }) => (
      <div className="flex items-center gap-1.5">
        <span className="font-mono text-xs font-medium">{row.original.reference}</span>
        {row.original.isException && <Badge variant="warning">Exception</Badge>}
      </div>
    ),
    meta: { label: "Refund", width: 190 },
  }),
  col.accessor("claimNumber", {
    header: "Claim",
    enableSorting: false,
    cell: ({ row }) => (
      <Link to={paths.claim(row.original.claimNumber)} tabIndex={-1} className="tabular-nums hover:underline">
        {row.original.claimNumber}
      </Link>
    ),
    meta: { label: "Claim", width: 110 },
  }),
  col.accessor("storeName", { header: "Store", enableSorting: false, cell: ({ getValue }) => <span className="text-muted-foreground">{getValue()}</span>, meta: { label: "Store" } }),
  col.accessor("claimReason", { header: "Reason", enableSorting: false, cell: ({ getValue }) => humanize(getValue()), meta: { label: "Reason" } }),
  col.accessor("kind", {
    header: "Option",
    enableSorting: false,
    cell: ({ row }) => (
      <span>
        {humanize(row.original.kind)}
        {row.original.method === "store_coupon" && <span className="ml-1 text-xs text-muted-foreground">(coupon)</span>}
        {row.original.method === "paypal" && <span className="ml-1 text-xs text-muted-foreground">(PayPal, E4)</span>}
      </span>
    ),
    meta: { label: "Option" },
  }),
  col.accessor("amountCents", {
    header: "Amount",
    enableSorting: false,
    cell: ({ row }) => <span className="font-semibold tabular-nums">{formatCents(row.original.amountCents, row.original.currency)}</span>,
    meta: { label: "Amount", align: "end", width: 100 },
  }),
  col.accessor("proposedByName", {
    header: "Proposed by",
    enableSorting: false,
    cell: ({ row }) => (
      <span>
        {row.original.proposedByName ?? "—"}
        {row.original.ownProposal && <Badge variant="muted" className="ml-1.5">you</Badge>}
      </span>
    ),
    meta: { label: "Proposed by" },
  }),
  col.accessor("status", {
    header: "Status",
    enableSorting: false,
    cell: ({ getValue, row }) => (
      <>
        <Badge variant={statusTone[getValue() as keyof typeof statusTone] ?? "muted"}>{humanize(getValue())}</Badge>
        {row.original.payoutWaits && <div className="mt-0.5 text-xs text-muted-foreground">paid once the return is {row.original.payoutWaits} (X8)</div>}
      </>
    ),
    meta: { label: "Status", width: 100 },
  }),
  col.accessor("createdAt", {
    header: ({ column }) => <DataTableColumnHeader column={column} title="Waiting" />,
    cell: ({ getValue }) => <span className="tabular-nums text-muted-foreground">{fromNow(getValue())}</span>,
    meta: { label: "Waiting", align: "end", width: 120 },
  }),
]);
