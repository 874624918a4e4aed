import { TZDate } from "@date-fns/tz";
import { endOfDay } from "date-fns";
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, notInArray, or, sql, type SQL } from "drizzle-orm";
import { QUEUE_COUNT_CAP, type QueueFilters, type QueueSortKey, type listClaimsInput } from "../../shared/schemas/claim-queue.ts";
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
    else if (!f.includeClosed) parts.push(notInArray(claims.status, [...closedStatuses]));
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
  if (f.q) parts.push(sql`${claims.searchText} like ${`%${escapeLike(f.q.toLowerCase())}%`}`);
  return and(...parts);
}

function orderBy(sortBy: QueueSortKey, dir: "asc" | "desc"): SQL[] {
  const d = dir === "asc" ? asc : desc;
  const nulls = dir === "asc" ? sql`nulls last` : sql`nulls first`;
  switch (sortBy) {
    case "number":
      return [d(claims.id)];
    case "dueAt":
      return [sql`${claims.dueAt} ${sql.raw(dir)} ${nulls}`, d(claims.id)];
    case "priority":
      return [d(claims.priority), sql`${claims.dueAt} asc nulls last`, asc(claims.id)];
    case "store":
      return [d(claims.storeId), d(claims.id)];
    default:
      return [d(claims[sortBy]), d(claims.id)];
  }
}

export async function listClaims(db: DbOrTx, user: SessionUser, input: ListInput, now: Date) {
  const where = queueConditions(user, input.filters, { now, timeZone: input.timeZone });
  const offset = (input.page - 1) * input.pageSize;
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
      .where(where)
      .orderBy(...orderBy(input.sortBy, input.sortOrder))
      .limit(input.pageSize)
      .offset(offset),
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

/** Counts per value of each filter dimension, under every other active filter (faceted search). */
export async function claimFacets(db: DbOrTx, user: SessionUser, input: Pick<ListInput, "filters" | "timeZone">, now: Date) {
  const dims = Object.keys(facetColumns) as Dimension[];
  const results = await Promise.all(
    dims.map((dim) =>
      db
        .select({ value: facetColumns[dim], n: count() })
        .from(claims)
        .where(queueConditions(user, input.filters, { now, timeZone: input.timeZone, except: dim }))
        .groupBy(facetColumns[dim]),
    ),
  );
  const facets = {} as Record<Dimension, Record<string, number>>;
  dims.forEach((dim, i) => {
    const out: Record<string, number> = {};
    for (const row of results[i] ?? []) {
      const key =
        dim === "priority" ? (priorities[Number(row.value)] ?? "normal") : row.value === null ? "unassigned" : String(row.value);
      out[key] = Number(row.n);
    }
    facets[dim] = out;
  });
  return facets;
}
