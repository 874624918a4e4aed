import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { ownDeadlineKeys } from "../../shared/workflow/deadlines.ts";
import { finishedStatuses, priorities, waitingOnCustomer } from "../../shared/workflow/statuses.ts";
import type { Db } from "../db/client.ts";
import { deadlineBreaches } from "../db/schema/index.ts";
import { mutateClaim } from "../services/claim-mutation.ts";
import type { SessionUser } from "../trpc/context.ts";
import type { JobHandler, JobLog } from "./runner.ts";

export const DEADLINE_SWEEP = "deadline_sweep";
const EVERY_MS = 60_000;


/**
 * The sweep acts as the system: every store (admin scope) and no person behind it, so its events carry a
 * null actor ("by the system"). Never used for a session.
 */
export const systemActor: SessionUser = { id: 0, email: "system@claimdesk.invalid", name: "Claimdesk", role: "admin", storeIds: null, sessionId: "system" };

type Candidate = { id: number; number: string; version: number; key: string; dueAt: string; clause: string };

const list = (items: readonly string[]) => sql.join(items.map((s) => sql`${s}`), sql`, `);

/**
 * Flags our own deadlines that have passed on claims still being worked (not finished: a refunded,
 * shipped or closed claim keeps its deadlines as history only) that are not waiting on the customer (a
 * pause stops our clock, and the stored deadlines are already shifted by past pauses). Each breach is recorded
 * once (unique claim/key/due instant), raises the claim's priority one step up to urgent, and writes a
 * `deadline_breached` event through mutateClaim, so the version bumps and the events stay gap-free.
 */
export async function sweepDeadlines(db: Db, now: Date, opts: { limit?: number; log?: JobLog } = {}) {
  const limit = opts.limit ?? 500;
  // `due_at` is the earliest own deadline of an unfinished, unpaused claim (null otherwise): the partial
  // open-claims index finds the overdue ones without reading the rest.
  const res = await db.execute<Candidate>(sql`
    select c.id, c.number, c.version, d.key, d."dueAt", d.clause
    from claims c
    cross join lateral jsonb_to_recordset(c.deadlines) as d(key text, "dueAt" text, clause text)
    where c.due_at < ${now}
      and c.status not in (${list(finishedStatuses)}) and c.status not in (${list(waitingOnCustomer)}) and c.paused_at is null
      and d.key in (${list(ownDeadlineKeys)}) and d."dueAt"::timestamptz < ${now}
      and not exists (
        select 1 from ${deadlineBreaches} b where b.claim_id = c.id and b.key = d.key and b.due_at = d."dueAt"::timestamptz
      )
    order by c.due_at, c.id
    limit ${limit}`);

  const byClaim = new Map<string, Candidate[]>();
  for (const row of res.rows) byClaim.set(row.number, [...(byClaim.get(row.number) ?? []), row]);
  let flagged = 0;
  let skipped = 0;
  for (const [number, breaches] of byClaim) {
    try {
      flagged += await mutateClaim(
        db,
        systemActor,
        { number, version: Number(breaches[0]!.version) },
        now,
        async (m) => {
          let added = 0;
          const from = m.claim.priority;
          const to = Math.min(from + 1, priorities.length - 1);
          for (const b of breaches) {
            const inserted = await m.tx
              .insert(deadlineBreaches)
              .values({ claimId: m.claim.id, key: b.key, dueAt: new Date(b.dueAt), flaggedAt: now })
              .onConflictDoNothing()
              .returning({ key: deadlineBreaches.key });
            if (inserted.length === 0) continue;
            added++;
            m.record("deadline_breached", { key: b.key, dueAt: b.dueAt, clause: b.clause, priority: { from: priorities[from], to: priorities[to] } });
          }
          // One step per sweep that finds the claim late, however many of its deadlines passed at once.
          if (added > 0 && to !== from) m.set({ priority: to }, { silent: true });
          return added;
        },
        { actorId: null },
      );
    } catch (error) {
      // Someone changed the claim since the scan: the next sweep sees it as it now stands.
      if (error instanceof TRPCError && error.code === "CONFLICT") skipped++;
      else throw error;
    }
  }
  if (flagged > 0) opts.log?.info({ flagged, claims: byClaim.size, skipped }, "deadline breaches flagged");
  return { flagged, claims: byClaim.size, skipped, more: res.rows.length === limit };
}

/** Runs the sweep and books the next run: in a minute, or at once while a backlog remains. */
export const deadlineSweepHandler: JobHandler = async (_job, { db, now, log }) => {
  const result = await sweepDeadlines(db, now, { log });
  return { next: { kind: DEADLINE_SWEEP, runAt: new Date(now.getTime() + (result.more || result.skipped ? 1_000 : EVERY_MS)), dedupeKey: DEADLINE_SWEEP, maxAttempts: 1000 } };
};
