import { TZDate } from "@date-fns/tz";
import { endOfDay } from "date-fns";
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { countCapFor, type QueueFilters, type QueueSortKey, type listClaimsInput } from "../../shared/schemas/claim-queue.ts";
import { ageBucketWindow } from "../../shared/claim-age.ts";
import { closedStatuses, priorities, type ClaimStatus, type Priority } from "../../shared/workflow/statuses.ts";
import type { z } from "zod";
import type { DbOrTx } from "../db/client.ts";
import { claims, customers } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { knownOverCap, rememberCount } from "./capped-counts.ts";
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

// The page's columns and joins as one constant chunk: building them with the query builder (16 fields, 3 joins)
// cost more CPU per request than PostgreSQL spent on the page (bench: the ratio to raw SQL).
const pageColumns = sql.raw(`select c.id, c.number, c.store_id, c.reason, c.status, c.priority, c.eligibility, c.due_at,
  c.created_at, c.updated_at, c.version, o.number as order_number, cu.name as customer_name, cu.email as customer_email,
  c.assignee_id, u.name as assignee_name
  from claims c join orders o on o.id = c.order_id join customers cu on cu.id = c.customer_id left join users u on u.id = c.assignee_id`);

type PageRow = {
  id: number; number: string; store_id: string; reason: string; status: ClaimStatus; priority: number; eligibility: string | null;
  due_at: string | Date | null; created_at: string | Date; updated_at: string | Date; version: number; order_number: string;
  customer_name: string; customer_email: string; assignee_id: number | null; assignee_name: string | null;
};
const toDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

export async function listClaims(db: DbOrTx, user: SessionUser, input: ListInput, now: Date) {
  const where = queueConditions(user, input.filters, { now, timeZone: input.timeZone }) ?? sql`true`;
  const offset = (input.page - 1) * input.pageSize;
  const order = sql.join(orderBy(input.sortBy, input.sortOrder), sql`, `);
  // Deferred join: page through claims alone, then join the 50 rows, so a deep page does not join every row
  // it skips. The joined rows keep the page's order by their position in it (the sort keys name "claims").
  // The person (their stores) and the filters decide the count; "due today" also the zone.
  const countKey = JSON.stringify([user.id, user.storeIds, input.filters, input.timeZone]);
  const nowMs = Date.now();
  const overCap = knownOverCap(countKey, nowMs);
  const cap = countCapFor(input.filters);
  const [page, counted] = await Promise.all([
    db.execute<PageRow>(sql`with p as (select id, row_number() over () as k from (
        select ${claims.id} from ${claims} where ${where} order by ${order} limit ${input.pageSize} offset ${offset}) page)
      ${pageColumns} join p on p.id = c.id order by p.k`),
    overCap ? null : db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from ${claims} where ${where} limit ${cap + 1}) capped`),
  ]);
  const total = counted ? Number(counted.rows[0]?.n ?? 0) : cap + 1;
  if (counted) rememberCount(countKey, total > cap, nowMs);
  return {
    rows: page.rows.map((r) => ({
      id: r.id,
      number: r.number,
      storeId: r.store_id,
      reason: r.reason,
      status: r.status,
      priority: (priorities[r.priority] ?? "normal") as Priority,
      eligibility: r.eligibility,
      dueAt: r.due_at === null ? null : toDate(r.due_at),
      createdAt: toDate(r.created_at),
      updatedAt: toDate(r.updated_at),
      // Bulk actions send it back, so a claim changed meanwhile answers CONFLICT instead of being overwritten.
      version: r.version,
      orderNumber: r.order_number,
      customerName: r.customer_name,
      customerEmail: r.customer_email,
      assigneeId: r.assignee_id,
      assigneeName: r.assignee_name,
    })),
    total: Math.min(total, cap),
    totalCapped: total > cap,
    /** Where counting stopped for these filters: "10,000+", or "1,000+" for a text search. */
    countCap: cap,
  };
}

// In claims_open_facets_idx's column order: the shared GROUP BY follows it and reads the index in order.
const facetColumns = {
  store: claims.storeId,
  status: claims.status,
  reason: claims.reason,
  priority: claims.priority,
  assignee: claims.assigneeId,
} as const;
const dims = Object.keys(facetColumns) as Dimension[];
const activeIn = (f: QueueFilters, dim: Dimension) => (f[dim]?.length ?? 0) > 0;

const facetKey = (dim: Dimension, value: unknown) =>
  dim === "priority" ? (priorities[Number(value)] ?? "normal") : value === null ? "unassigned" : String(value);

/**
 * The status facet while a status filter is picked: without that filter the closed history is in scope (a
 * person may add "Closed" to the filter), hundreds of thousands of claims at 1M. Open statuses are counted
 * exactly on the open partial indexes; each closed status only up to the queue's own cap for these filters
 * (`countCapFor`), on claims_closed_facets_idx, so a number above it reads "more than the queue would count"
 * just like the queue's "10,000+" (or a search's "1,000+"). One statement, one round trip.
 */
async function statusFacet(db: DbOrTx, where: SQL, cap: number): Promise<Record<string, number>> {
  // Literal statuses, so the planner proves the closed partial index's predicate.
  const closed = closedStatuses.map(
    (s) => sql`select ${s}::text, (select count(*)::int from (select 1 from ${claims} where ${where} and ${claims.status} = ${sql.raw(`'${s}'`)} limit ${cap + 1}) c)`,
  );
  const res = await db.execute<{ v: string; n: number }>(
    sql`(select ${claims.status} as v, count(*)::int as n from ${claims} where ${where} and ${openOnly} group by 1) union all ${sql.join(closed, sql` union all `)}`,
  );
  return Object.fromEntries(res.rows.filter((r) => Number(r.n) > 0).map((r) => [r.v, Number(r.n)]));
}

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
    if (dim === "status") {
      facets.status = await statusFacet(db, where ?? sql`true`, countCapFor(f));
      return;
    }
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
        // One GROUP BY over every shared dimension at once (a few thousand combinations at 1M claims). On the
        // open queue it reads claims_open_facets_idx in its order: a GroupAggregate comparing neighbours instead
        // of hashing five columns per row (or five hashes per row, as GROUPING SETS over the claims would). The
        // combinations are then summed per dimension in the database (GROUPING SETS over a few thousand rows),
        // so about fifty rows come back instead of thousands to parse here.
        const names = cols.map((_, i) => sql.raw(`v${i}`));
        const res = await db.execute<Record<string, unknown>>(sql`
          with combos as (
            select ${sql.join(cols.map((c, i) => sql`${c} as ${names[i]}`), sql`, `)}, count(*) as n
            from ${claims} where ${where}
            group by ${sql.join(cols.map((_, i) => sql.raw(String(i + 1))), sql`, `)})
          select ${sql.join(names, sql`, `)}, grouping(${sql.join(names, sql`, `)}) as g, sum(n)::int as n
          from combos group by grouping sets (${sql.join(names.map((n) => sql`(${n})`), sql`, `)})`);
        for (const row of res.rows) {
          // grouping() sets a bit for each column summed away, the first column's the highest: the row's own
          // dimension is the one bit left clear (a NULL assignee is a value, "unassigned", not a summed column).
          const g = Number(row.g);
          const i = shared.findIndex((_, j) => (g & (1 << (shared.length - 1 - j))) === 0);
          const dim = shared[i]!;
          facets[dim][facetKey(dim, row[`v${i}`])] = Number(row.n);
        }
      })(),
    );
  }
  await Promise.all(tasks);
  return facets;
}
