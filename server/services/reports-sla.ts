import { sql } from "drizzle-orm";
import { slaKeys, type ReportRangeInput, type SlaReport } from "../../shared/schemas/reports.ts";
import { closedStatuses } from "../../shared/workflow/statuses.ts";
import type { Db } from "../db/client.ts";
import { claimEvents, claims } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { hours, inRange, reportRange, storeFilter } from "./reports-range.ts";

/**
 * SLA definition (the deadlines come from the store policies' `deadlines` rules, E7/C-, K-, etc., stored on the claim):
 * - Each deadline kind is owed while the claim sits in certain states: review_due in new/triage (someone has to look
 *   at it), customer_ship_due in awaiting_return (the customer has to ship), refund_due in resolution_proposed,
 *   awaiting_approval and approved (the money has to move).
 * - A deadline is MET when a `status_changed` event leaves an owing state for a non-owing one (or ends the claim:
 *   closed/rejected/cancelled) at or before its `dueAt`.
 * - It is MISSED when it is not met and `dueAt` has passed (now); otherwise it is PENDING and left out of the share.
 * - Deadlines count in the range their `dueAt` falls in. `claims.deadlines` holds the claim's current deadlines (already
 *   moved by pauses), so the judgement uses the due date the claim finally had.
 */
const owing: Record<(typeof slaKeys)[number], string[]> = {
  review_due: ["new", "triage"],
  customer_ship_due: ["awaiting_return"],
  refund_due: ["resolution_proposed", "awaiting_approval", "approved"],
};
const owingValues = sql.raw(
  Object.entries(owing).flatMap(([k, ss]) => ss.map((s) => `('${k}', '${s}')`)).join(", "),
);
const ended = sql.raw(closedStatuses.map((s) => `'${s}'`).join(", "));
const keys = sql.raw(slaKeys.map((k) => `'${k}'`).join(", "));

const day = (d: Date, shift: number) => new Date(d.getTime() + shift * 86_400_000).toISOString().slice(0, 10);
/**
 * Cheap pre-filters before the JSON array is unnested, on the ISO text of the due dates (text order is time order
 * for these strings; a day's margin either side covers any UTC offset): the claim's latest deadline is not before
 * the range, which an index on `claim_deadlines_due_max` finds without reading the other claims of a million,
 * and one of its deadlines falls in the range. The exact typed comparison follows.
 */
function dueBetween(from: Date, end: Date) {
  return {
    latest: sql`claim_deadlines_due_max(${claims.deadlines}) >= ${day(from, -1)}`,
    any: `$[*] ? (@.dueAt >= "${day(from, -1)}" && @.dueAt < "${day(end, 2)}")`,
  };
}

export async function slaReport(db: Db, user: SessionUser, input: ReportRangeInput, now: Date): Promise<SlaReport> {
  const r = reportRange(input, now);
  const stores = storeFilter(user, claims.storeId, input.storeIds);
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  const due = dueBetween(r.from, r.end);

  const [deadlines, medians] = await Promise.all([
    db.execute<{ key: string; met: number; missed: number; pending: number }>(sql`
      with owing as (select key, array_agg(status) as statuses from (values ${owingValues}) as o(key, status) group by key),
      dl as (
        select ${claims.id} as claim_id, d->>'key' as key, (d->>'dueAt')::timestamptz as due_at
        from ${claims} cross join lateral jsonb_array_elements(${claims.deadlines}) as d
        where ${stores} and ${claims.reportedAt} < ${r.end.toISOString()}::timestamptz and d->>'key' in (${keys})
          and ${due.latest} and ${claims.deadlines} @? ${due.any}::jsonpath
      ),
      due as (select * from dl where dl.due_at >= ${r.from.toISOString()}::timestamptz and dl.due_at < ${r.end.toISOString()}::timestamptz),
      -- Set-based rather than a probe per deadline: each claim's status changes, tagged with the deadline kinds they discharge.
      moves as (
        select e.claim_id, e.at, e.data->>'from' as from_status, e.data->>'to' as to_status
        from ${claimEvents} e where e.type = 'status_changed' and e.claim_id in (select claim_id from due)
      ),
      discharged as (
        select m.claim_id, k.key, min(m.at) as at
        from moves m cross join owing k
        where m.to_status in (${ended}) or (m.from_status = any(k.statuses) and m.to_status <> all(k.statuses))
        group by 1, 2
      ),
      judged as (
        select due.key, due.due_at, coalesce(x.at <= due.due_at, false) as met
        from due left join discharged x on x.claim_id = due.claim_id and x.key = due.key
      )
      select key, (count(*) filter (where met))::int as met, (count(*) filter (where not met and due_at <= ${nowTs}))::int as missed,
             (count(*) filter (where not met and due_at > ${nowTs}))::int as pending
      from judged group by key`),
    // First review: the first status change out of new/triage, for claims reported in the range. Resolution: closedAt − reportedAt, closed in the range.
    db.execute<{ review: number | null; resolution: number | null }>(sql`
      select
        -- A lateral probe per claim walks the events index; a join hashed every status change ever recorded.
        (select percentile_cont(0.5) within group (order by extract(epoch from (fr.at - ${claims.reportedAt})) / 3600)
           from ${claims} cross join lateral (
             select min(e.at) as at from ${claimEvents} e where e.claim_id = ${claims.id} and e.type = 'status_changed'
               and e.data->>'from' in ('new', 'triage') and e.data->>'to' not in ('new', 'triage')) fr
           where ${stores} and ${inRange(claims.reportedAt, r)} and fr.at is not null) as review,
        (select percentile_cont(0.5) within group (order by extract(epoch from (${claims.closedAt} - ${claims.reportedAt})) / 3600)
           from ${claims} where ${stores} and ${inRange(claims.closedAt, r)}) as resolution`),
  ]);

  const byKey = new Map(deadlines.rows.map((d) => [d.key, d]));
  return {
    deadlines: slaKeys.map((key) => {
      const d = byKey.get(key);
      const met = Number(d?.met ?? 0);
      const missed = Number(d?.missed ?? 0);
      return { key, met, missed, pending: Number(d?.pending ?? 0), share: met + missed ? met / (met + missed) : null };
    }),
    medianHoursToFirstReview: hours(medians.rows[0]?.review),
    medianHoursToResolution: hours(medians.rows[0]?.resolution),
  };
}
