import { sql } from "drizzle-orm";
import { deadlineLabels } from "../../shared/policy/parameters-labels.ts";
import type { DeadlineKey } from "../../shared/policy/enums.ts";
import { ownDeadlineKeys } from "../../shared/workflow/deadlines.ts";
import { finishedStatuses, waitingOnCustomer } from "../../shared/workflow/statuses.ts";
import type { Db } from "../db/client.ts";
import { notify, type NewNotification } from "../services/notifications.ts";
import type { JobHandler, JobLog } from "./runner.ts";

export const DEADLINE_ALERTS = "deadline_alerts";
const EVERY_MS = 5 * 60_000;

/**
 * The rule: one of our own deadlines (the ones the sweep flags when missed) falls due within the next
 * 24 hours on an open claim that has an assignee and is not waiting on the customer. Working-day
 * deadlines end at local midnight, so 24 hours alerts from the evening before: the assignee sees it
 * at the start of the last working day, with the whole day left to act.
 */
export const ALERT_WINDOW_MS = 24 * 3_600_000;

type Due = { id: number; number: string; assigneeId: number; key: string; dueAt: string };

const list = (items: readonly string[]) => sql.join(items.map((s) => sql`${s}`), sql`, `);

function hoursLeft(dueAt: Date, now: Date): string {
  const h = Math.max(0, Math.round((dueAt.getTime() - now.getTime()) / 3_600_000));
  return h < 1 ? "in less than an hour" : `in ${h} h`;
}

/**
 * Alerts each assignee once per claim, deadline and due instant: the dedupe key makes a second run (or a
 * second runner) a no-op, while a deadline that moves (a pause shifts it) is a new one worth an alert.
 */
export async function alertDeadlines(db: Db, now: Date, opts: { log?: JobLog } = {}) {
  const until = new Date(now.getTime() + ALERT_WINDOW_MS);
  const res = await db.execute<Due>(sql`
    select c.id, c.number, c.assignee_id as "assigneeId", d.key, d."dueAt"
    from claims c
    cross join lateral jsonb_to_recordset(c.deadlines) as d(key text, "dueAt" text, clause text)
    where c.due_at < ${until} and c.assignee_id is not null
      and c.status not in (${list(finishedStatuses)}) and c.status not in (${list(waitingOnCustomer)}) and c.paused_at is null
      and d.key in (${list(ownDeadlineKeys)})
      and d."dueAt"::timestamptz >= ${now} and d."dueAt"::timestamptz < ${until}
    order by c.due_at, c.id`);

  const items: NewNotification[] = res.rows.map((r) => {
    const dueAt = new Date(r.dueAt);
    return {
      userId: Number(r.assigneeId),
      kind: "deadline_soon",
      claimId: Number(r.id),
      claimNumber: r.number,
      title: `${deadlineLabels[r.key as DeadlineKey] ?? r.key}: due ${hoursLeft(dueAt, now)}`,
      body: `Due ${dueAt.toISOString()}.`,
      dedupeKey: `deadline_soon:${r.id}:${r.key}:${dueAt.toISOString()}`,
    };
  });
  let delivered = 0;
  // Chunks keep one insert's parameters well under PostgreSQL's limit on a backlog.
  for (let i = 0; i < items.length; i += 500) delivered += await notify(db, items.slice(i, i + 500), now);
  if (delivered > 0) opts.log?.info({ delivered, due: items.length }, "deadline alerts delivered");
  return { due: items.length, delivered };
}

/** Runs the alerts and books the next run in five minutes. */
export const deadlineAlertsHandler: JobHandler = async (_job, { db, now, log }) => {
  await alertDeadlines(db, now, { log });
  return { next: { kind: DEADLINE_ALERTS, runAt: new Date(now.getTime() + EVERY_MS), dedupeKey: DEADLINE_ALERTS, maxAttempts: 1000 } };
};
