import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { jobs } from "../db/schema/index.ts";
import { enqueue, type EnqueueOptions } from "./queue.ts";

export type JobRow = typeof jobs.$inferSelect;
export type JobLog = { info: (obj: object, msg?: string) => void; warn: (obj: object, msg?: string) => void; error: (obj: object, msg?: string) => void };
/** What a handler may ask for when it succeeds: the next run of a recurring job, enqueued once this one is done. */
export type JobOutcome = void | { next?: { kind: string; payload?: Record<string, unknown> } & EnqueueOptions };
export type JobHandler = (job: JobRow, ctx: { db: Db; now: Date; log: JobLog }) => Promise<JobOutcome>;

export type RunnerOptions = {
  db: Db;
  handlers: Record<string, JobHandler>;
  log: JobLog;
  /** How long to sleep when no job is due. */
  pollMs?: number;
  /** Retry delay after the nth failed attempt: base × 2^(n-1), capped. */
  backoff?: { baseMs: number; maxMs: number };
  /** A job locked longer than this belonged to a runner that died (crash, kill -9): it is claimed again. */
  lockTimeoutMs?: number;
  clock?: () => Date;
  workerId?: string;
};

export const backoffDelay = (attempt: number, b: { baseMs: number; maxMs: number }) => Math.min(b.maxMs, b.baseMs * 2 ** Math.max(0, attempt - 1));

/**
 * Claims the next due job: FOR UPDATE SKIP LOCKED in the sub-select lets any number of runners (processes
 * on one PostgreSQL) poll at once without ever taking the same row; the lock stamp keeps it theirs after
 * the statement commits. Also works on PGlite, where there is only ever one connection.
 */
export async function claimNextJob(db: Db, workerId: string, now: Date, lockTimeoutMs: number): Promise<JobRow | null> {
  const stale = new Date(now.getTime() - lockTimeoutMs);
  const res = await db.execute<{ id: number }>(sql`
    update ${jobs} set locked_at = ${now}, locked_by = ${workerId}, attempts = attempts + 1
    where id = (
      select id from ${jobs}
      where done_at is null and failed_at is null and run_at <= ${now} and (locked_at is null or locked_at < ${stale})
      order by run_at, id
      limit 1
      for update skip locked
    )
    returning id`);
  const id = res.rows[0]?.id;
  if (id === undefined) return null;
  const [job] = await db.select().from(jobs).where(eq(jobs.id, Number(id)));
  return job ?? null;
}

export function createJobRunner(opts: RunnerOptions) {
  const { db, log } = opts;
  const pollMs = opts.pollMs ?? 1000;
  const backoff = opts.backoff ?? { baseMs: 5_000, maxMs: 15 * 60_000 };
  const lockTimeoutMs = opts.lockTimeoutMs ?? 10 * 60_000;
  const clock = opts.clock ?? (() => new Date());
  const workerId = opts.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;

  // Only while the job is still ours: a runner that outlived its lock must not overwrite the new owner's result.
  const ours = (job: JobRow) => and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId));

  async function finish(job: JobRow, outcome: JobOutcome) {
    await db.transaction(async (tx) => {
      await tx.update(jobs).set({ doneAt: clock(), lockedAt: null, lastError: null }).where(ours(job));
      // After marking done, so a recurring job's dedupe key is free for its own next run.
      if (outcome?.next) {
        const { kind, payload, ...enqueueOpts } = outcome.next;
        await enqueue(tx, kind, payload ?? {}, enqueueOpts);
      }
    });
  }

  async function fail(job: JobRow, error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    const now = clock();
    if (job.attempts >= job.maxAttempts) {
      log.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: error }, "job failed for good");
      await db.update(jobs).set({ failedAt: now, lockedAt: null, lastError: message }).where(ours(job));
      return;
    }
    const delay = backoffDelay(job.attempts, backoff);
    log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, retryInMs: delay, err: error }, "job failed; will retry");
    await db.update(jobs).set({ runAt: new Date(now.getTime() + delay), lockedAt: null, lockedBy: null, lastError: message }).where(ours(job));
  }

  /** Runs one due job if there is one; true when it did (so the loop looks for the next at once). */
  async function runOnce(): Promise<boolean> {
    const job = await claimNextJob(db, workerId, clock(), lockTimeoutMs);
    if (!job) return false;
    const handler = opts.handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}".`);
      await finish(job, await handler(job, { db, now: clock(), log }));
    } catch (error) {
      await fail(job, error);
    }
    return true;
  }

  async function run() {
    while (!stopping) {
      let worked = false;
      try {
        worked = await runOnce();
      } catch (error) {
        // The database itself failed (restart, network): wait a poll and try again.
        log.error({ err: error }, "job runner could not poll");
      }
      if (worked || stopping) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, pollMs);
      });
      wake = null;
    }
  }

  return {
    workerId,
    runOnce,
    start() {
      loop ??= run();
      return this;
    },
    /** Stops polling and waits for the job in hand (if any) to finish; it is never cut off halfway. */
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await loop;
    },
  };
}
