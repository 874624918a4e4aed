import { sql } from "drizzle-orm";
import { ageBucketDays } from "../../shared/claim-age.ts";
import { ageBuckets, type AgeBucket, type ReportRangeInput, type VolumeReport } from "../../shared/schemas/reports.ts";
import type { Db } from "../db/client.ts";
import { claims } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { inRange, openClaim, reportRange, storeFilter } from "./reports-range.ts";

// Claim volume: opened/closed per day over the range; the backlog (open claims) is a snapshot as of now, like the queue it links to.

// `a` is whole days since the report; the buckets' upper bounds in order, the open-ended one last.
const bucketCase = sql.raw(
  `case ${ageBuckets
    .filter((b) => ageBucketDays[b].max !== null)
    .map((b) => `when a <= ${ageBucketDays[b].max} then '${b}'`)
    .join(" ")} else '${ageBuckets.find((b) => ageBucketDays[b].max === null)}' end`,
);

export async function volumeReport(db: Db, user: SessionUser, input: ReportRangeInput, now: Date): Promise<VolumeReport> {
  const r = reportRange(input, now);
  const stores = storeFilter(user, claims.storeId, input.storeIds);
  const open = openClaim(claims.status);
  const nowTs = sql`${now.toISOString()}::timestamptz`;

  const [perDay, byStatus, byAge, reasons, totals] = await Promise.all([
    db.execute<{ day: string; opened: number; closed: number }>(sql`
      select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(o.n, 0)::int as opened, coalesce(c.n, 0)::int as closed
      from generate_series(${r.fromDay}::date, ${r.toDay}::date, interval '1 day') as d(day)
      left join (select (${claims.reportedAt} at time zone 'UTC')::date as day, count(*) as n from ${claims}
                 where ${stores} and ${inRange(claims.reportedAt, r)} group by 1) o on o.day = d.day::date
      left join (select (${claims.closedAt} at time zone 'UTC')::date as day, count(*) as n from ${claims}
                 where ${stores} and ${inRange(claims.closedAt, r)} group by 1) c on c.day = d.day::date
      order by d.day`),
    db.execute<{ status: string; count: number }>(sql`
      select ${claims.status} as status, count(*)::int as count from ${claims} where ${stores} and ${open} group by 1 order by 2 desc, 1`),
    // Whole days since the customer reported the claim.
    db.execute<{ bucket: AgeBucket; count: number }>(sql`
      select b.bucket, count(*)::int as count from (
        select ${bucketCase} as bucket
        from (select floor(extract(epoch from (${nowTs} - ${claims.reportedAt})) / 86400) as a from ${claims} where ${stores} and ${open}) ages
      ) b group by 1`),
    db.execute<{ storeId: string; reason: string; count: number }>(sql`
      select ${claims.storeId} as "storeId", ${claims.reason} as reason, count(*)::int as count from ${claims}
      where ${stores} and ${inRange(claims.reportedAt, r)} group by 1, 2 order by 1, 3 desc, 2`),
    db.execute<{ open: number; overdue: number }>(sql`
      select count(*)::int as open, (count(*) filter (where ${claims.dueAt} < ${nowTs}))::int as overdue from ${claims} where ${stores} and ${open}`),
  ]);

  const ages = new Map(byAge.rows.map((a) => [a.bucket, Number(a.count)]));
  return {
    perDay: perDay.rows.map((d) => ({ day: d.day, opened: Number(d.opened), closed: Number(d.closed) })),
    backlogByStatus: byStatus.rows.map((s) => ({ status: s.status, count: Number(s.count) })),
    backlogByAge: ageBuckets.map((bucket) => ({ bucket, count: ages.get(bucket) ?? 0 })),
    reasonsByStore: reasons.rows.map((x) => ({ storeId: x.storeId, reason: x.reason, count: Number(x.count) })),
    open: Number(totals.rows[0]?.open ?? 0),
    overdue: Number(totals.rows[0]?.overdue ?? 0),
  };
}
