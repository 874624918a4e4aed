import { z } from "zod";
import { ageBuckets } from "../claim-age.ts";
import { claimStatuses, priorities } from "../workflow/statuses.ts";
import { dueFilters, QUEUE_COUNT_CAP, queueSortKeys } from "./claim-queue-keys.ts";

export { countCapFor, dueFilters, QUEUE_COUNT_CAP, SEARCH_COUNT_CAP, queuePageSizes, queueSortKeys, type DueFilter, type QueueSortKey } from "./claim-queue-keys.ts";

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const isoDay = z.iso.date({ message: "Use a date like 2026-11-23." });
const slug = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Unknown value.");

export const queueFiltersSchema = z.object({
  status: z.array(z.enum(claimStatuses)).max(claimStatuses.length).optional(),
  store: z.array(slug).max(20).optional(),
  reason: z.array(slug).max(20).optional(),
  priority: z.array(z.enum(priorities)).max(priorities.length).optional(),
  /** "me", "unassigned" or a user id. */
  assignee: z
    .array(z.union([z.literal("me"), z.literal("unassigned"), z.string().regex(/^\d{1,9}$/, "Unknown assignee.")]))
    .max(50)
    .optional(),
  due: z.enum(dueFilters).optional(),
  q: z.string().trim().max(100, "Search is at most 100 characters.").optional(),
  /** Reported on or after / on or before these whole UTC days (the dashboard's range, so its links open the same slice). */
  reportedFrom: isoDay.optional(),
  reportedTo: isoDay.optional(),
  /** Whole days since the report, in the dashboard's backlog buckets. */
  age: z.enum(ageBuckets).optional(),
  /** Open claims only unless statuses are picked explicitly. */
  includeClosed: z.boolean().optional(),
}).refine((f) => !f.reportedFrom || !f.reportedTo || f.reportedFrom <= f.reportedTo, { path: ["reportedTo"], message: "The end date is before the start date." });
export type QueueFilters = z.infer<typeof queueFiltersSchema>;

export const listClaimsInput = z.object({
  page: z.number().int().min(1).max(Math.ceil(QUEUE_COUNT_CAP / 25)).default(1),
  pageSize: z.union([z.literal(25), z.literal(50), z.literal(100)]).default(50),
  sortBy: z.enum(queueSortKeys).default("dueAt"),
  sortOrder: z.enum(["asc", "desc"]).default("asc"),
  filters: queueFiltersSchema.default({}),
  /** The viewer's IANA time zone, so "Due today" ends at their midnight. */
  timeZone: z.string().max(64).refine(isTimeZone, "Unknown time zone.").default("UTC"),
});
export type ListClaimsInput = z.input<typeof listClaimsInput>;

export const claimFacetsInput = listClaimsInput.pick({ filters: true, timeZone: true });
