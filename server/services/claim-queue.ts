import { TZDate } from "@date-fns/tz";
import { endOfDay } from "date-fns";
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { QUEUE_COUNT_CAP, type QueueFilters, type QueueSortKey, type listClaimsInput } from "../../shared/schemas/claim-queue.ts";
import { ageBucketWindow } from "../../shared/claim-age.ts";
import { closedStatuses, priorities, type Priority } from "../../shared/workflow/statuses.ts";
import type { z } from "zod";
import type { DbOrTx } from "../db/client.ts";
import { claims, customers, orders, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { storeScope } from "./scope.ts";

type ListInput = z.output<typeof listClaimsInput>;
type Dimension = "status" | "store" | "reason" | "priority" | "assignee";

/** The time zone was validated by the input schema. */
export const endOfTodayIn = (timeZone: string, now: Date): Date => new Date(endOfDay(new TZDate(now, timeZone)).getTime());

// Literal, not bound parameters, so the planner can match the partial "open claims" indexes.
const openOnly = sql`${claims.status} not in (${sql.raw(closedStatuses.map((x) => `'${x}'`).join(", "))})`;

const claimNumberPattern = /^clm-\d{6,}$/i;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A complete claim number or e-mail address is looked up exactly (unique and b-tree indexes); anything
 * else is a substring search on the trigram index. Substrings of very common text ("example.com") match
 * most rows, which no trigram index makes fast.
 */
function searchCondition(q: string): SQL {
  if (claimNumberPattern.test(q)) return eq(claims.number, q.toUpperCase());
  if (emailPattern.test(q)) {
    return inArray(claims.customerId, sql`(select ${customers.id} from ${customers} where lower(${customers.email}) = ${q.toLowerCase()})`);
  }
  return sql`${claims.searchText} like ${`%${escapeLike(q.toLowerCase())}%`}`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every condition the filters imply, except the dimension a facet is counting. */
export function queueConditions(
  user: SessionUser,
  filters: QueueFilters,
  opts: { now: Date; timeZone: string; except?: Dimension },
): SQL | undefined {
  const parts: (SQL | undefined)[] = [storeScope(user, claims.storeId)];
  const f = filters;
  if (opts.except !== "status") {
    if (f.status?.length) parts.push(inArray(claims.status, f.status));
    else if (!f.includeClosed) parts.push(openOnly);
  }
  if (opts.except !== "store" && f.store?.length) parts.push(inArray(claims.storeId, f.store));
  if (opts.except !== "reason" && f.reason?.length) parts.push(inArray(claims.reason, f.reason));
  if (opts.except !== "priority" && f.priority?.length) {
    parts.push(inArray(claims.priority, f.priority.map((p) => priorities.indexOf(p))));
  }
  if (opts.except !== "assignee" && f.assignee?.length) {
    const ids = f.assignee.flatMap((a) => (a === "me" ? [user.id] : a === "unassigned" ? [] : [Number(a)]));
    const alts: SQL[] = [];
    if (ids.length) alts.push(inArray(claims.assigneeId, ids));
    if (f.assignee.includes("unassigned")) alts.push(isNull(claims.assigneeId));
    parts.push(or(...alts));
  }
  if (f.due) {
    const { now } = opts;
    if (f.due === "overdue") parts.push(lt(claims.dueAt, now));
    else if (f.due === "today") parts.push(and(gte(claims.dueAt, now), lte(claims.dueAt, endOfTodayIn(opts.timeZone, now))));
    else if (f.due === "next7") parts.push(and(gte(claims.dueAt, now), lte(claims.dueAt, new Date(now.getTime() + 7 * 86_400_000))));
    else parts.push(isNull(claims.dueAt));
  }
  if (f.reportedFrom) parts.push(gte(claims.reportedAt, new Date(`${f.reportedFrom}T00:00:00Z`)));
  if (f.reportedTo) parts.push(lt(claims.reportedAt, new Date(Date.parse(`${f.reportedTo}T00:00:00Z`) + 86_400_000)));
  if (f.age) {
    const w = ageBucketWindow(f.age, opts.now);
    parts.push(lte(claims.reportedAt, w.reportedAtMost));
    if (w.reportedAfter) parts.push(gt(claims.reportedAt, w.reportedAfter));
  }
  if (f.q) parts.push(searchCondition(f.q));
  return and(...parts);
}

/** Each sort matches an index in schema/claims.ts column for column, in both directions. */
function orderBy(sortBy: QueueSortKey, dir: "asc" | "desc"): SQL[] {
  const d = dir === "asc" ? asc : desc;
  const thenDue = [d(claims.dueAt), d(claims.id)];
  switch (sortBy) {
    case "number":
      return [d(claims.id)];
    case "dueAt":
      return thenDue;
    case "priority":
      // Most urgent first, and within a priority the earliest due (index priority desc, due_at, id).
      // NULLS spelled out to match the index's DESC NULLS LAST, or the planner would not walk it.
      return dir === "desc"
        ? [sql`${claims.priority} desc nulls last`, asc(claims.dueAt), asc(claims.id)]
        : [sql`${claims.priority} asc nulls first`, desc(claims.dueAt), desc(claims.id)];
    case "store":
      return [d(claims.storeId), ...thenDue];
    case "status":
      return [d(claims.status), ...thenDue];
    case "reason":
      return [d(claims.reason), ...thenDue];
    case "createdAt":
      return [d(claims.createdAt), d(claims.id)];
    case "updatedAt":
      return [d(claims.updatedAt), d(claims.id)];
  }
}

export async function listClaims(db: DbOrTx, user: SessionUser, input: ListInput, now: Date) {
  const where = queueConditions(user, input.filters, { now, timeZone: input.timeZone });
  const offset = (input.page - 1) * input.pageSize;
  const order = orderBy(input.sortBy, input.sortOrder);
  // Deferred join: page through claims alone, then join the 50 rows, so a deep page does not join
  // every row it skips.
  const pageIds = db.select({ id: claims.id }).from(claims).where(where).orderBy(...order).limit(input.pageSize).offset(offset);
  const [rows, counted] = await Promise.all([
    db
      .select({
        id: claims.id,
        number: claims.number,
        storeId: claims.storeId,
        reason: claims.reason,
        status: claims.status,
        priority: claims.priority,
        eligibility: claims.eligibility,
        dueAt: claims.dueAt,
        createdAt: claims.createdAt,
        updatedAt: claims.updatedAt,
        // Bulk actions send it back, so a claim changed meanwhile answers CONFLICT instead of being overwritten.
        version: claims.version,
        orderNumber: orders.number,
        customerName: customers.name,
        customerEmail: customers.email,
        assigneeId: claims.assigneeId,
        assigneeName: users.name,
      })
      .from(claims)
      .innerJoin(orders, eq(orders.id, claims.orderId))
      .innerJoin(customers, eq(customers.id, claims.customerId))
      .leftJoin(users, eq(users.id, claims.assigneeId))
      .where(inArray(claims.id, pageIds))
      .orderBy(...order),
    db.execute<{ n: number }>(
      sql`select count(*)::int as n from (select 1 from ${claims} where ${where ?? sql`true`} limit ${QUEUE_COUNT_CAP + 1}) capped`,
    ),
  ]);
  const total = Number(counted.rows[0]?.n ?? 0);
  return {
    rows: rows.map((r) => ({ ...r, priority: (priorities[r.priority] ?? "normal") as Priority })),
    total: Math.min(total, QUEUE_COUNT_CAP),
    totalCapped: total > QUEUE_COUNT_CAP,
  };
}

const facetColumns = {
  status: claims.status,
  store: claims.storeId,
  reason: claims.reason,
  priority: claims.priority,
  assignee: claims.assigneeId,
} as const;
const dims = Object.keys(facetColumns) as Dimension[];
const activeIn = (f: QueueFilters, dim: Dimension) => (f[dim]?.length ?? 0) > 0;

const facetKey = (dim: Dimension, value: unknown) =>
  dim === "priority" ? (priorities[Number(value)] ?? "normal") : value === null ? "unassigned" : String(value);

/**
 * Counts per value of each filter dimension, under every other active filter (faceted search).
 * Dimensions without a filter of their own share one scan; each filtered dimension
 * needs its own query that leaves its filter out.
 */
export async function claimFacets(db: DbOrTx, user: SessionUser, input: Pick<ListInput, "filters" | "timeZone">, now: Date) {
  const facets = Object.fromEntries(dims.map((d) => [d, {} as Record<string, number>])) as Record<Dimension, Record<string, number>>;
  const shared = dims.filter((d) => !activeIn(input.filters, d));
  const own = dims.filter((d) => activeIn(input.filters, d));
  const f = input.filters;
  const tasks: Promise<void>[] = own.map(async (dim) => {
    const where = queueConditions(user, f, { now, timeZone: input.timeZone, except: dim });
    const rows = await db
      .select({ value: facetColumns[dim], n: count() })
      .from(claims)
      .where(where)
      .groupBy(facetColumns[dim]);
    for (const r of rows) facets[dim][facetKey(dim, r.value)] = Number(r.n);
  });
  if (shared.length) {
    const cols = shared.map((d) => facetColumns[d]);
    const where = queueConditions(user, f, { now, timeZone: input.timeZone }) ?? sql`true`;
    tasks.push(
      (async () => {
        // One GROUP BY over every shared dimension at once (a few thousand combinations at 1M claims), summed
        // per dimension here: one hash per row instead of one per dimension, as GROUPING SETS would do.
        const res = await db.execute<Record<string, unknown>>(sql`
          select ${sql.join(cols.map((c, i) => sql`${c} as v${sql.raw(String(i))}`), sql`, `)}, count(*)::int as n
          from ${claims} where ${where}
          group by ${sql.join(cols.map((_, i) => sql.raw(String(i + 1))), sql`, `)}`);
        for (const row of res.rows) {
          const n = Number(row.n);
          shared.forEach((dim, i) => {
            const key = facetKey(dim, row[`v${i}`]);
            facets[dim][key] = (facets[dim][key] ?? 0) + n;
          });
        }
      })(),
    );
  }
  await Promise.all(tasks);
  return facets;
}
