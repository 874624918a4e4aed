import { sql } from "drizzle-orm";
import type { PeopleReport, ReportRangeInput } from "../../shared/schemas/reports.ts";
import type { Db } from "../db/client.ts";
import { claims, refunds, users } from "../db/schema/index.ts";
import type { SessionUser } from "../trpc/context.ts";
import { hours, inRange, openClaim, reportRange, storeFilter } from "./reports-range.ts";

// Workload per person: open claims now (snapshot, like the queue), claims closed in the range by their assignee,
// refunds waiting for a supervisor (X3) now and how long decisions took for those decided in the range.

export async function peopleReport(db: Db, user: SessionUser, input: ReportRangeInput, now: Date): Promise<PeopleReport> {
  const r = reportRange(input, now);
  const stores = storeFilter(user, claims.storeId, input.storeIds);

  const [agents, approvals] = await Promise.all([
    db.execute<{ userId: number; name: string; open: number; closed: number }>(sql`
      select ${users.id} as "userId", ${users.name} as name, sum(x.o)::int as open, sum(x.c)::int as closed
      from (
        select ${claims.assigneeId} as assignee_id, 1 as o, 0 as c from ${claims} where ${stores} and ${openClaim(claims.status)} and ${claims.assigneeId} is not null
        union all
        select ${claims.assigneeId}, 0, 1 from ${claims} where ${stores} and ${inRange(claims.closedAt, r)} and ${claims.assigneeId} is not null
      ) x join ${users} on ${users.id} = x.assignee_id
      group by 1, 2 order by 3 desc, 4 desc, 2`),
    db.execute<{ waiting: number; turnaround: number | null }>(sql`
      select (count(*) filter (where ${refunds.status} = 'proposed'))::int as waiting,
        percentile_cont(0.5) within group (order by extract(epoch from (${refunds.decidedAt} - ${refunds.createdAt})) / 3600)
          filter (where ${refunds.decidedAt} is not null and ${inRange(refunds.decidedAt, r)}) as turnaround
      from ${refunds} join ${claims} on ${claims.id} = ${refunds.claimId} where ${stores}`),
  ]);
  return {
    agents: agents.rows.map((a) => ({ userId: Number(a.userId), name: a.name, open: Number(a.open), closed: Number(a.closed) })),
    approvalsWaiting: Number(approvals.rows[0]?.waiting ?? 0),
    medianHoursApprovalTurnaround: hours(approvals.rows[0]?.turnaround),
  };
}
