// The queue's sort keys, page sizes, due filters and count cap without zod, so the queue page's first
// load in the browser does not carry the validation library (claim-queue.ts builds its schemas on these).
export const queueSortKeys = ["number", "createdAt", "updatedAt", "dueAt", "priority", "status", "store", "reason"] as const;
export type QueueSortKey = (typeof queueSortKeys)[number];
export const queuePageSizes = [25, 50, 100] as const;
export const dueFilters = ["overdue", "today", "next7", "none"] as const;
export type DueFilter = (typeof dueFilters)[number];

/** Counting stops here: past it the queue says "10,000+" and asks for a narrower filter, which keeps paging bounded. */
export const QUEUE_COUNT_CAP = 10_000;
/**
 * A text search counts its matches only this far (and pages through them as far). Each match of a substring
 * search is rechecked in the table (a trigram index cannot answer "contains" on its own), so counting a common
 * surname to 10,000 read ~7,000 pages: 24 ms of a 29 ms request at 1M claims. Nobody reads past a thousand
 * hits of a search; they narrow it, as with the search APIs of GitHub and Zendesk, which stop at 1,000 too.
 */
export const SEARCH_COUNT_CAP = 1_000;
/** How far a queue with these filters is counted. */
export const countCapFor = (filters: { q?: string }): number => (filters.q ? SEARCH_COUNT_CAP : QUEUE_COUNT_CAP);
