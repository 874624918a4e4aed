import type { AgeBucket } from "@shared/claim-age.ts";
import { paths } from "@/lib/paths.ts";

// Every slice of the dashboard opens the queue filtered to the same slice (the queue reads these URL params).

type Slice = {
  store?: string | string[];
  status?: string;
  reason?: string;
  due?: "overdue";
  assignee?: string | number;
  closed?: boolean;
  /** Reported between these UTC days (the dashboard's range). */
  from?: string;
  to?: string;
  age?: AgeBucket;
  sort?: string;
  order?: "asc" | "desc";
};

export function queueLink(filters: Slice) {
  const sp = new URLSearchParams();
  const store = Array.isArray(filters.store) ? filters.store.join(",") : filters.store;
  if (store) sp.set("store", store);
  if (filters.status) sp.set("status", filters.status);
  if (filters.reason) sp.set("reason", filters.reason);
  if (filters.assignee !== undefined) sp.set("assignee", String(filters.assignee));
  if (filters.due) sp.set("due", filters.due);
  if (filters.closed) sp.set("closed", "1");
  if (filters.from) sp.set("from", filters.from);
  if (filters.to) sp.set("to", filters.to);
  if (filters.age) sp.set("age", filters.age);
  if (filters.sort) {
    sp.set("sort", filters.sort);
    sp.set("order", filters.order ?? "asc");
  }
  const qs = sp.toString();
  return qs ? `${paths.queue}?${qs}` : paths.queue;
}
