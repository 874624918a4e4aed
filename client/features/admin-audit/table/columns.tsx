import { Badge } from "@/components/ui/badge.tsx";
import { createDataTableColumnHelper } from "@/components/data-table/data-table-features.ts";
import { formatDateTime, humanize } from "@/lib/format.ts";
import type { RouterOutputs } from "@/lib/trpc.ts";
import { describeAuditEvent } from "./describe.ts";

export type AuditRow = RouterOutputs["users"]["listAdminAuditEvents"]["rows"][number];

const col = createDataTableColumnHelper<AuditRow>();
const tone: Record<string, "info" | "warning" | "destructive" | "success" | "muted"> = {
  user_created: "success",
  user_reactivated: "success",
  user_deactivated: "destructive",
  role_changed: "warning",
  memberships_changed: "warning",
  password_reset_issued: "warning",
  totp_reset: "warning",
  policy_version_created: "info",
};

export const auditColumns = col.columns([
  col.accessor("at", {
    header: "When",
    enableSorting: false,
    cell: ({ getValue }) => <time dateTime={getValue().toISOString()} className="whitespace-nowrap tabular-nums text-muted-foreground">{formatDateTime(getValue())}</time>,
    meta: { label: "When", width: 150 },
  }),
  col.accessor("actorName", { header: "By", enableSorting: false, cell: ({ getValue }) => getValue() ?? "System", meta: { label: "By", width: 140 } }),
  col.accessor("action", {
    header: "Action",
    enableSorting: false,
    cell: ({ getValue }) => <Badge variant={tone[getValue()] ?? "muted"}>{humanize(getValue())}</Badge>,
    meta: { label: "Action", width: 190 },
  }),
  col.display({
    id: "target",
    header: "Target",
    cell: ({ row }) => (
      <span className="whitespace-nowrap">
        <span className="text-muted-foreground">{humanize(row.original.targetType)} </span>
        {(row.original.data.email as string | undefined) ?? row.original.targetId}
      </span>
    ),
    meta: { label: "Target", width: 230 },
  }),
  col.display({
    id: "details",
    header: "Details",
    cell: ({ row }) => <span className="whitespace-normal text-muted-foreground">{describeAuditEvent(row.original)}</span>,
    meta: { label: "Details" },
  }),
]);
