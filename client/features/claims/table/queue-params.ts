import type { ListClaimsInput, QueueFilters, QueueSortKey } from "@shared/schemas/claim-queue.ts";
import { dueFilters, queuePageSizes, queueSortKeys, type DueFilter } from "@shared/schemas/claim-queue-keys.ts";
import { ageBuckets, type AgeBucket } from "@shared/claim-age.ts";
import { claimStatuses, priorities } from "@shared/workflow/statuses.ts";

export const queueViews = [
  { id: "all", label: "All open", filters: {} },
  { id: "unassigned", label: "Unassigned", filters: { assignee: ["unassigned"] } },
  { id: "mine", label: "My claims", filters: { assignee: ["me"] } },
  { id: "due_today", label: "Due today", filters: { due: "today" } },
  { id: "overdue", label: "Overdue", filters: { due: "overdue" } },
] as const satisfies readonly { id: string; label: string; filters: QueueFilters }[];
export type QueueViewId = (typeof queueViews)[number]["id"];

const listParams = ["status", "store", "reason", "priority", "assignee"] as const;
export type ListParam = (typeof listParams)[number];

export type QueueParams = {
  view: QueueViewId;
  page: number;
  pageSize: 25 | 50 | 100;
  sortBy: QueueSortKey;
  sortOrder: "asc" | "desc";
  q: string;
  due?: DueFilter;
  /** Report slices: reported between these UTC days, or a backlog age bucket. */
  from?: string;
  to?: string;
  age?: AgeBucket;
  closed: boolean;
} & Record<ListParam, string[]>;

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined => (values as readonly string[]).includes(v ?? "") ? (v as T) : undefined;

const isoDay = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined);

/** The URL is the source of truth: a shared link or a reload shows the same queue. Unknown values are dropped, not errors. */
export function parseQueueParams(sp: URLSearchParams): QueueParams {
  const list = (key: string, allowed?: readonly string[]) =>
    (sp.get(key) ?? "").split(",").filter((v) => v && (!allowed || allowed.includes(v)));
  const size = Number(sp.get("size"));
  return {
    view: oneOf(queueViews.map((v) => v.id), sp.get("view")) ?? "all",
    page: Math.max(1, Math.min(400, Number.parseInt(sp.get("page") ?? "1", 10) || 1)),
    pageSize: (queuePageSizes as readonly number[]).includes(size) ? (size as 25 | 50 | 100) : 50,
    sortBy: oneOf(queueSortKeys, sp.get("sort")) ?? "dueAt",
    sortOrder: sp.get("order") === "desc" ? "desc" : "asc",
    q: (sp.get("q") ?? "").slice(0, 100),
    due: oneOf(dueFilters, sp.get("due")),
    from: isoDay(sp.get("from")),
    to: isoDay(sp.get("to")),
    age: oneOf(ageBuckets, sp.get("age")),
    closed: sp.get("closed") === "1",
    status: list("status", claimStatuses),
    store: list("store"),
    reason: list("reason"),
    priority: list("priority", priorities),
    assignee: list("assignee"),
  };
}

/** Writes only non-default values, so URLs stay short and readable. */
export function queueParamsToSearch(p: QueueParams): URLSearchParams {
  const sp = new URLSearchParams();
  if (p.view !== "all") sp.set("view", p.view);
  for (const key of listParams) if (p[key].length) sp.set(key, p[key].join(","));
  if (p.due) sp.set("due", p.due);
  if (p.from) sp.set("from", p.from);
  if (p.to) sp.set("to", p.to);
  if (p.age) sp.set("age", p.age);
  if (p.q) sp.set("q", p.q);
  if (p.closed) sp.set("closed", "1");
  if (p.sortBy !== "dueAt" || p.sortOrder !== "asc") {
    sp.set("sort", p.sortBy);
    sp.set("order", p.sortOrder);
  }
  if (p.pageSize !== 50) sp.set("size", String(p.pageSize));
  if (p.page > 1) sp.set("page", String(p.page));
  return sp;
}

export function queueFilters(p: QueueParams): QueueFilters {
  const view = queueViews.find((v) => v.id === p.view)?.filters ?? {};
  const f: QueueFilters = { ...view };
  for (const key of listParams) if (p[key].length) (f as Record<string, unknown>)[key] = p[key];
  if (p.due) f.due = p.due;
  if (p.from) f.reportedFrom = p.from;
  if (p.to) f.reportedTo = p.to;
  if (p.age) f.age = p.age;
  if (p.q) f.q = p.q;
  if (p.closed) f.includeClosed = true;
  return f;
}

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function toListInput(p: QueueParams): ListClaimsInput {
  return { page: p.page, pageSize: p.pageSize, sortBy: p.sortBy, sortOrder: p.sortOrder, filters: queueFilters(p), timeZone: browserTimeZone() };
}

export const hasActiveFilters = (p: QueueParams) =>
  listParams.some((k) => p[k].length > 0) || !!p.due || !!p.q || p.closed || !!p.from || !!p.to || !!p.age;
