// The queue's sort keys, page sizes, due filters and count cap without zod, so the queue page's first
// load in the browser does not carry the validation library (claim-queue.ts builds its schemas on these).
export const queueSortKeys = ["number", "createdAt", "updatedAt", "dueAt", "priority", "status", "store", "reason"] as const;
export type QueueSortKey = (typeof queueSortKeys)[number];
export const queuePageSizes = [25, 50, 100] as const;
export const dueFilters = ["overdue", "today", "next7", "none"] as const;
export type DueFilter = (typeof dueFilters)[number];

/** Counting stops here: past it the queue says "10,000+" and asks for a narrower filter, which keeps paging bounded. */
export const QUEUE_COUNT_CAP = 10_000;
