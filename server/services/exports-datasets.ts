import { sql, type SQL } from "drizzle-orm";
import type { ExportDataset } from "../../shared/schemas/exports.ts";
import type { QueueFilters } from "../../shared/schemas/claim-queue.ts";
import { priorities } from "../../shared/workflow/statuses.ts";
import { claims } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { queueConditions } from "./claim-queue.ts";
import type { ExportRow } from "./exports-pg-cursor.ts";
import { storeScope } from "./scope.ts";

export type ExportScope = { user: SessionUser; filters: QueueFilters; from?: Date; to?: Date; now: Date; timeZone: string };

/**
 * One dataset's statement, always ordered by its unique key: run whole through a server-side cursor on
 * PostgreSQL, or page by page after the last key on PGlite (keyset pagination). Every row carries
 * `store` (its store id, for the local time zone and the currency) besides the exported columns.
 */
export type DatasetQuery = { statement: (after: unknown[] | null, limit: number | null) => SQL; keyOf: (row: ExportRow) => unknown[] };

const iso = (d: Date) => d.toISOString();
const range = (column: SQL, s: ExportScope): SQL[] => [
  ...(s.from ? [sql`${column} >= ${iso(s.from)}::timestamptz`] : []),
  ...(s.to ? [sql`${column} < ${iso(s.to)}::timestamptz`] : []),
];
const where = (parts: (SQL | undefined)[]) => {
  const kept = parts.filter((p): p is SQL => p !== undefined);
  return kept.length ? sql.join(kept.map((p) => sql`(${p})`), sql` and `) : sql`true`;
};
const tail = (limit: number | null) => (limit === null ? sql`` : sql` limit ${limit}`);
const priorityCase = sql.raw(`case "claims"."priority" ${priorities.map((p, i) => `when ${i} then '${p}'`).join(" ")} end`);

/** Store filter (and the user's stores) on the joined claim of the other datasets. */
const claimStores = (s: ExportScope): SQL[] => {
  const parts: SQL[] = [];
  const scope = storeScope(s.user, claims.storeId);
  if (scope) parts.push(scope);
  if (s.filters.store?.length) parts.push(sql`${claims.storeId} in (${sql.join(s.filters.store.map((x) => sql`${x}`), sql`, `)})`);
  return parts;
};

export const datasetQueries: Record<ExportDataset, (s: ExportScope) => DatasetQuery> = {
  // The queue's own conditions, so an export holds exactly the claims the queue lists.
  claims: (s) => ({
    statement: (after, limit) => sql`
      select ${claims.id} as "id", ${claims.number} as "number", ${claims.storeId} as "store", ${claims.status} as "status",
        ${claims.reason} as "reason", ${priorityCase} as "priority", ${claims.eligibility} as "eligibility", u.name as "assignee",
        cu.name as "customerName", cu.email as "customerEmail", o.number as "orderNumber", ${claims.rmaNumber} as "rmaNumber",
        ${claims.summary} as "summary", ${claims.reportedAt} as "reportedAt", ${claims.dueAt} as "dueAt",
        ${claims.createdAt} as "createdAt", ${claims.updatedAt} as "updatedAt", ${claims.closedAt} as "closedAt"
      from ${claims}
      join orders o on o.id = ${claims.orderId}
      join customers cu on cu.id = ${claims.customerId}
      left join users u on u.id = ${claims.assigneeId}
      where ${where([queueConditions(s.user, s.filters, { now: s.now, timeZone: s.timeZone }), ...range(sql`${claims.reportedAt}`, s), after ? sql`${claims.id} > ${after[0]}` : undefined])}
      order by ${claims.id}${tail(limit)}`,
    keyOf: (r) => [Number(r.id)],
  }),
  refunds: (s) => ({
    statement: (after, limit) => sql`
      select r.id as "id", r.reference as "reference", ${claims.number} as "claimNumber", ${claims.storeId} as "store", r.status as "status",
        r.kind as "kind", r.method as "method", r.amount_cents as "amount", r.currency as "currency", r.coupon_code as "couponCode",
        case when r.is_exception then 'yes' else 'no' end as "isException", r.reason as "reason", pu.name as "proposedBy",
        du.name as "decidedBy", r.decision_comment as "decisionComment", r.created_at as "createdAt", r.decided_at as "decidedAt",
        r.executed_at as "executedAt"
      from refunds r
      join ${claims} on ${claims.id} = r.claim_id
      left join users pu on pu.id = r.proposed_by_id
      left join users du on du.id = r.decided_by_id
      where ${where([...claimStores(s), ...range(sql`r.created_at`, s), after ? sql`r.id > ${after[0]}` : undefined])}
      order by r.id${tail(limit)}`,
    keyOf: (r) => [Number(r.id)],
  }),
  // Breaches have no id: the unique (claim, deadline, due instant) is the key.
  sla_breaches: (s) => ({
    statement: (after, limit) => sql`
      select b.claim_id as "claimId", b.key as "deadline", b.due_at as "dueAt", b.flagged_at as "flaggedAt", ${claims.number} as "claimNumber",
        ${claims.storeId} as "store", ${claims.status} as "claimStatus", u.name as "assignee"
      from deadline_breaches b
      join ${claims} on ${claims.id} = b.claim_id
      left join users u on u.id = ${claims.assigneeId}
      where ${where([
        ...claimStores(s),
        ...range(sql`b.flagged_at`, s),
        after ? sql`(b.claim_id, b.key, b.due_at) > (${after[0]}, ${after[1]}, ${after[2]}::timestamptz)` : undefined,
      ])}
      order by b.claim_id, b.key, b.due_at${tail(limit)}`,
    keyOf: (r) => [Number(r.claimId), r.deadline, new Date(r.dueAt as string).toISOString()],
  }),
  audit_events: (s) => ({
    statement: (after, limit) => sql`
      select e.id as "id", ${claims.number} as "claimNumber", ${claims.storeId} as "store", e.seq as "seq", e.type as "type",
        coalesce(u.name, 'system') as "actor", e.at as "at", e.data::text as "data"
      from claim_events e
      join ${claims} on ${claims.id} = e.claim_id
      left join users u on u.id = e.actor_id
      where ${where([...claimStores(s), ...range(sql`e.at`, s), after ? sql`e.id > ${after[0]}::bigint` : undefined])}
      order by e.id${tail(limit)}`,
    keyOf: (r) => [String(r.id)],
  }),
};
