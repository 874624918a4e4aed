import { z } from "zod";
import { ageBuckets } from "../claim-age.ts";
import { claimStatuses, priorities } from "../workflow/statuses.ts";
import { dueFilters, type QueueFilters } from "./claim-queue.ts";

export const exportDatasets = ["claims", "refunds", "sla_breaches", "audit_events"] as const;
export type ExportDataset = (typeof exportDatasets)[number];
export const exportFormats = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const exportRunStatuses = ["running", "done", "cancelled", "failed"] as const;

/** Refunds, deadline breaches and the audit trail are for supervisors and admins; agents export claims of their stores. */
export const supervisorOnlyDatasets: readonly ExportDataset[] = ["refunds", "sla_breaches", "audit_events"];

/**
 * `time` columns come out twice: ISO 8601 UTC and the store's local time; `money` comes with its currency
 * beside it. `label` is text drawn from a handful of values (a status, a store, a colleague's name): a
 * spreadsheet holds each once and cells point at it.
 */
export type ExportColumnKind = "text" | "label" | "number" | "time" | "money";
export type ExportColumn = { key: string; label: string; kind: ExportColumnKind };

const col = (key: string, label: string, kind: ExportColumnKind = "text"): ExportColumn => ({ key, label, kind });

/** The whitelist: only these columns can be asked for, in this order; labels are the header row. */
export const exportColumns = {
  claims: [
    col("number", "Claim"),
    col("store", "Store", "label"),
    col("status", "Status", "label"),
    col("reason", "Reason", "label"),
    col("priority", "Priority", "label"),
    col("eligibility", "Eligibility", "label"),
    col("assignee", "Assignee", "label"),
    col("customerName", "Customer"),
    col("customerEmail", "Customer e-mail"),
    col("orderNumber", "Order"),
    col("rmaNumber", "RMA"),
    col("summary", "Summary"),
    col("reportedAt", "Reported", "time"),
    col("dueAt", "Due", "time"),
    col("createdAt", "Created", "time"),
    col("updatedAt", "Updated", "time"),
    col("closedAt", "Closed", "time"),
  ],
  refunds: [
    col("reference", "Reference"),
    col("claimNumber", "Claim"),
    col("store", "Store", "label"),
    col("status", "Status", "label"),
    col("kind", "Resolution", "label"),
    col("method", "Method", "label"),
    col("amount", "Amount", "money"),
    col("couponCode", "Coupon"),
    col("isException", "Exception", "label"),
    col("reason", "Reason"),
    col("proposedBy", "Proposed by", "label"),
    col("decidedBy", "Decided by", "label"),
    col("decisionComment", "Decision comment"),
    col("createdAt", "Proposed", "time"),
    col("decidedAt", "Decided", "time"),
    col("executedAt", "Executed", "time"),
  ],
  sla_breaches: [
    col("claimNumber", "Claim"),
    col("store", "Store", "label"),
    col("claimStatus", "Claim status", "label"),
    col("deadline", "Deadline", "label"),
    col("assignee", "Assignee", "label"),
    col("dueAt", "Was due", "time"),
    col("flaggedAt", "Flagged", "time"),
  ],
  audit_events: [
    col("id", "Event", "number"),
    col("claimNumber", "Claim"),
    col("store", "Store", "label"),
    col("seq", "Seq", "number"),
    col("type", "Type", "label"),
    col("actor", "Actor", "label"),
    col("at", "At", "time"),
    col("data", "Data"),
  ],
} as const satisfies Record<ExportDataset, readonly ExportColumn[]>;

export const columnKeys = (dataset: ExportDataset) => exportColumns[dataset].map((c) => c.key);
export const datasetLabels: Record<ExportDataset, string> = { claims: "Claims", refunds: "Refunds", sla_breaches: "SLA breaches", audit_events: "Audit events" };

const list = (allowed?: readonly string[]) =>
  z
    .string()
    .max(2000)
    .optional()
    .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean))
    .refine((vs) => !allowed || vs.every((v) => allowed.includes(v)), { message: `Unknown value; expected ${allowed?.join(", ")}.` });

const day = /^\d{4}-\d{2}-\d{2}$/;
const instant = z
  .string()
  .max(40)
  .refine((v) => (day.test(v) || !Number.isNaN(Date.parse(v))) && !Number.isNaN(Date.parse(v)), "Use a date (2026-11-23) or an ISO 8601 instant.")
  .optional();

/** The queue's "views" as the queue's URL spells them, so the export link can carry the queue's own search string. */
const views: Record<string, QueueFilters> = { unassigned: { assignee: ["unassigned"] }, mine: { assignee: ["me"] }, due_today: { due: "today" }, overdue: { due: "overdue" } };

/**
 * Query string of `GET /api/exports/:dataset.:format`: the queue's URL parameters (view, status, store,
 * reason, priority, assignee, due, q, closed, age), a date range (from inclusive, to: a date means through
 * that day, UTC; for claims the day the customer reported it, like the queue's `from`/`to`) and `columns` (comma-separated keys; all when absent).
 */
export const exportQuerySchema = z.object({
  view: z.string().max(20).optional(),
  status: list(claimStatuses),
  store: list(),
  reason: list(),
  priority: list(priorities),
  assignee: list(),
  due: z.enum(dueFilters).optional().or(z.literal("").transform(() => undefined)),
  q: z.string().trim().max(100, "Search is at most 100 characters.").optional(),
  closed: z.enum(["0", "1"]).optional(),
  age: z.enum(ageBuckets).optional().or(z.literal("").transform(() => undefined)),
  from: instant,
  to: instant,
  columns: list(),
  tz: z.string().max(64).optional(),
});
export type ExportQuery = z.output<typeof exportQuerySchema>;

/** The queue filters the query names (store and date range apply to every dataset). */
export function exportQueueFilters(q: ExportQuery): QueueFilters {
  const f: QueueFilters = { ...(views[q.view ?? ""] ?? {}) };
  if (q.status.length) f.status = q.status as QueueFilters["status"];
  if (q.store.length) f.store = q.store;
  if (q.reason.length) f.reason = q.reason;
  if (q.priority.length) f.priority = q.priority as QueueFilters["priority"];
  if (q.assignee.length) f.assignee = q.assignee;
  if (q.due) f.due = q.due;
  if (q.q) f.q = q.q;
  if (q.closed === "1") f.includeClosed = true;
  if (q.age) f.age = q.age;
  return f;
}

/** [from, to) as instants; a bare date `to` includes that whole day. */
export function exportRange(q: Pick<ExportQuery, "from" | "to">): { from?: Date; to?: Date } {
  const from = q.from ? new Date(day.test(q.from) ? `${q.from}T00:00:00Z` : q.from) : undefined;
  const to = q.to ? (day.test(q.to) ? new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000) : new Date(q.to)) : undefined;
  return { from, to };
}

export const dailyReportSettingSchema = z.object({
  enabled: z.boolean(),
  /** Absolute, or relative to DATA_DIR. */
  folder: z
    .string()
    .trim()
    .min(1, "Name a folder for the reports.")
    .max(500, "The folder path is at most 500 characters.")
    .refine((v) => !v.split(/[\\/]/).includes(".."), "The folder may not climb out with '..'."),
  hourUtc: z.number().int("Use a whole hour.").min(0, "Hours run from 0 to 23.").max(23, "Hours run from 0 to 23."),
});
export type DailyReportSetting = z.infer<typeof dailyReportSettingSchema>;
export const defaultDailyReportSetting: DailyReportSetting = { enabled: false, folder: "reports", hourUtc: 6 };

export const listExportRunsInput = z.object({
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
